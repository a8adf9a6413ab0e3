"""Word lists the extraction rules share, all lower-case.

They describe English news conventions (honorifics, role words, speech verbs, the
words that make a capitalised run an organisation or a place), not any one article.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


HONORIFICS: dict[str, str | None] = {
    "mr": "m", "mister": "m", "sir": "m", "lord": "m", "baron": "m", "sheikh": "m",
    "mrs": "f", "ms": "f", "miss": "f", "dame": "f", "lady": "f", "baroness": "f",
    "mx": None, "dr": None, "prof": None, "professor": None, "rev": None,
    "reverend": None, "rabbi": None, "imam": None, "cllr": None,
}
"""Honorific -> the gender it implies (None: any)."""

FIRST_NAME_HONORIFICS = _words("sir dame")
"""Honorifics used with a first name ("Sir Keir"), so the first name is an alias."""

ROLE_HEADS = _words("""
    leader leaders minister ministers secretary secretaries president presidents mayor
    mayors chancellor mp mps msp msps mep meps senator senators governor governors premier
    ambassador ambassadors commissioner commissioners spokesman spokeswoman spokesperson
    chairman chairwoman chair chief envoy adviser advisor aide councillor councillors
    member members candidate contender hopeful speaker whip judge editor correspondent
    presenter founder ceo boss king queen prince princess pope monarch chancellor
    representative congressman congresswoman lawmaker senator general commander
    president-elect pm fm deputy director head peer executive owner owners investor
    billionaire businessman businesswoman tycoon manager coach player captain striker
    economist analyst professor scientist researcher surgeon doctor campaigner activist
    author novelist actor actress singer broadcaster comedian officer detective
    inspector superintendent constable trustee negotiator diplomat strategist pollster
    donor chairperson headteacher principal governor-general
""")
"""Words that end a role phrase ("London Mayor", "shadow environment secretary")."""

PLURAL_ROLE_HEADS = _words("""
    leaders ministers secretaries presidents mayors mps msps meps senators governors
    ambassadors commissioners councillors members
""")

TITLE_HEADS = _words("""
    president minister mayor secretary chancellor senator governor king queen prince
    princess pope premier leader mp msp mep commissioner ambassador general speaker
    judge chairman chair deputy representative rep congressman congresswoman envoy
    spokesman spokeswoman spokesperson sen gov gen
""")
"""Role heads that may stand capitalised straight before a name ("President Macron")."""

ABBREVIATED_TITLES = {"sen": "Senator", "rep": "Representative", "gov": "Governor", "gen": "General"}
"""Titles written short before a name ("Sen. Bernie Sanders"), as a role shows them."""

ROLE_MODIFIERS = _words("""
    shadow deputy vice prime foreign home defence defense health justice environment
    education business culture transport housing energy trade work pensions treasury
    chief senior junior former ex acting interim first general party cabinet frontbench
    backbench independent state opposition government press political economic
    leadership labour conservative tory scottish welsh irish british english
    secretary minister communities security interior finance climate digital science
    levelling local regional national international development majority minority joint
    founding managing executive non-executive assistant associate council county city
    union police army affairs policy communications media legal medical economics public
    crown supreme outgoing incoming
""")
"""Lower-case words that may come inside a role phrase before its head."""

UNNAMED_HEADS = _words("""
    source sources insider insiders official officials spokesman spokeswoman spokesperson
    spokespeople aide aides ally allies figure figures friend friends colleague
    adviser advisers advisor advisors insider witness witnesses
""")
"""Heads of phrases for people the article does not name ("a government source")."""

GROUP_NOUNS = _words("""
    they people critics officials ministers mps councillors campaigners protesters
    activists leaders members colleagues residents experts analysts observers supporters
    opponents others those government party leadership administration campaign police
    military army council committee commission union group organisation organization
    ministry department office company firm court report statement survey poll study
    website newspaper paper channel network agency sources insiders allies aides
    parliament cabinet opposition delegates nations countries states regime
    demonstrators families relatives parents students voters workers doctors nurses
    teachers lawyers prosecutors investigators officers neighbours locals
""")
"""Nouns for groups and institutions: a stance or quote held by them names no one."""

SPEECH_VERBS = _words("""
    said says say told tells tell added adds add asked asks replied replies reply
    responded responds answered answers insisted insists insist argued argues argue
    claimed claims stated states explained explains warned warns urged urges noted
    notes wrote writes tweeted tweets posted posts declared declares announced
    announces admitted admits acknowledged acknowledges conceded concedes suggested
    suggests stressed stresses emphasised emphasized emphasises emphasizes continued
    continues concluded remarked observed commented comments confirmed confirms
    denied denies demanded demands pleaded described describes accused accuses
    revealed reveals recalled recalls predicted predicts promised promises vowed vows
    pledged pledges maintained maintains reiterated reiterates repeated agreed agrees
    countered retorted shouted joked quipped boasted complained complains protested
    objected mused believes believe believed thinks think thought branded labelled
    dubbed hailed praised criticised criticized condemned slammed blasted welcomed
    cautioned indicated signalled signaled accepted writing wrote quoted dismissed
""")
"""Finite verbs that report speech (or belief) and take the speaker as subject."""

PARTICIPLES = _words("""
    saying adding insisting arguing warning telling claiming noting writing stressing
    explaining calling urging describing asking accusing declaring suggesting
    acknowledging admitting stating repeating replying responding branding labelling
    hailing warning vowing pledging promising
""")
"""-ing forms whose speaker is the subject of the main clause ("..., adding: ...")."""

SKIPPABLE = _words("""
    then also later again repeatedly has had have would will could should may might did
    does do is was were are been being not never only just further previously once
    recently today yesterday earlier quickly simply openly emphatically reportedly
    already still even has've n't also allegedly privately publicly
""")
"""Adverbs and auxiliaries that may sit between a subject and its speech verb."""

PREPOSITIONS = _words("""
    to with of for from by between about on at over against into toward towards than
    like after before under through across among amid including alongside per via
    beyond within without behind despite upon onto around near beside besides
    in during
""")

OBJECT_VERBS = _words("""
    told tell tells asked asks urged urges met meet meets thanked thank described
    called calls accused criticised criticized praised phoned visited greeted backed
    warned informed named appointed sacked replaced defeated beat joined challenged
    invited welcomed interviewed trust trusted blamed quoted
""")
"""Verbs whose following name is their object, never the subject of what follows."""

IRREGULAR_PAST = _words("""
    lost won left took made got gave met saw held brought sent kept found put set beat
    chose drove led paid sold struck threw hit overtook replaced
""")
"""Past tenses without -ed, after which a name or title is an object ("lost the whip")."""

PERSONAL_POSSESSIONS = _words("""
    government administration regime cabinet campaign spokesman spokeswoman spokesperson
    wife husband son daughter father mother family lawyer lawyers allies aides comments
    remarks speech decision premiership presidency tenure resignation leadership
""")
"""Nouns after a possessive that show its owner is a person ("Netanyahu’s government")."""

PRONOUNS: dict[str, str | None] = {"he": "m", "she": "f"}
POSSESSIVE_PRONOUNS: dict[str, str | None] = {"his": "m", "her": "f"}

DETERMINERS_DEFINITE = _words("the")
DETERMINERS_INDEFINITE = _words("a an another one some two three several")

NAME_PARTICLES = _words("von van der den de del della di da du le la bin ibn al el ter ten dos das")

CAP_STOP = _words("""
    the a an but and or so if when while as after before despite instead however
    meanwhile in on at for with by from to of into this that these those his her their
    our my its it he she they we i you asked speaking referring later earlier today
    yesterday now then also even still yet although though because since until unless
    whether where why how what who which whose there here not no yes all both each
    every many most some more such only just last next first new old former
    dear thanks please watch read see image picture photo pic credit video listen
    update updated published live breaking exclusive analysis opinion comment
    meanwhile furthermore moreover nevertheless nonetheless indeed overall
    according among amid around during within without under over across
""")
"""Capitalised at the start of a sentence or heading, never the first word of a name."""

MONTHS_DAYS = _words("""
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    monday tuesday wednesday thursday friday saturday sunday
""")

ORG_WORDS = _words("""
    party labour conservative conservatives tory tories liberal democrats democrat
    democrats republican republicans snp reform greens plaid ukip dup sinn fein
    government council parliament commons lords office ministry department commission
    committee union congress senate court university college school hospital airport
    station agency company corporation group news times post mail guardian telegraph
    independent herald express mirror observer gazette journal tribune chronicle
    bbc itv sky cnn reuters ap afp pa getty images twitter facebook instagram youtube
    tiktok bluesky threads whatsapp telegram hamas hezbollah houthis houthi idf nato eu
    un uk us usa nhs oval kremlin pentagon whitehall westminster holyrood stormont
    senedd capitol world war strip forces army navy police defence treasury cabinet
    god allah christmas easter ramadan eid holocaust programme radio network magazine
    association federation foundation institute centre center trust fund society club
    league cup championship olympics festival awards inc ltd plc llc corp summit
    conference convention assembly coalition movement campaign alliance brigade
    brigades regiment division initiative act bill treaty accord agreement strategy
    inquiry kingdom republic federal supreme county borough province region island
    islands ocean river mountains valley coast gulf peninsula desert border harbour
    palace castle cathedral mosque synagogue temple stadium arena affairs relations
    intelligence services authority board panel international global nations
    ministers mps councillors leaders members people's investments holdings capital
    partners ventures limited securities exchange sports entertainment media studios
    records airlines motors technologies systems solutions industries pharmaceuticals
    insurance finance financial properties estates foods brands labs family united
    rovers athletic wanderers albion hotspur fc afc
""")
"""A capitalised run containing one of these names an organisation or a thing."""

STRUCTURE_WORDS = _words("""
    street road square lane avenue park hall church house bridge gardens place way close
    crescent terrace station centre line
""")
"""Last words of place names built on a given name ("Charlotte Street", "Albert Hall")."""

WEAK_WORDS = _words("""
    north south east west northern southern eastern western greater upper lower middle
    central white green hall church park king bank street road square lane house sun
    new great royal high city town day week state states
""")
"""Words that make a capitalised run a place or thing unless it starts with a first
name ("Coventry South" is a place, "Kanye West" a person)."""

PLACES = _words("""
    afghanistan albania algeria andorra angola argentina armenia australia austria
    azerbaijan bahamas bahrain bangladesh barbados belarus belgium belize benin bhutan
    bolivia bosnia botswana brazil brunei bulgaria burkina burundi cambodia cameroon
    canada chad chile china colombia comoros congo croatia cuba cyprus czechia czech
    denmark djibouti dominica ecuador egypt eritrea estonia eswatini ethiopia fiji
    finland france gabon gambia georgia germany ghana greece grenada guatemala guinea
    guyana haiti honduras hungary iceland india indonesia iran iraq ireland israel
    italy jamaica japan jordan kazakhstan kenya kiribati kosovo kuwait kyrgyzstan laos
    latvia lebanon lesotho liberia libya liechtenstein lithuania luxembourg madagascar
    malawi malaysia maldives mali malta mauritania mauritius mexico micronesia moldova
    monaco mongolia montenegro morocco mozambique myanmar namibia nauru nepal
    netherlands nicaragua niger nigeria norway oman pakistan palau palestine panama
    paraguay peru philippines poland portugal qatar romania russia rwanda samoa
    senegal serbia seychelles singapore slovakia slovenia somalia spain sudan
    suriname sweden switzerland syria taiwan tajikistan tanzania thailand togo tonga
    tunisia turkey turkmenistan tuvalu uganda ukraine uruguay uzbekistan vanuatu
    venezuela vietnam yemen zambia zimbabwe britain england scotland wales ulster
    europe asia africa america americas antarctica oceania arabia gaza
    london manchester birmingham leeds glasgow edinburgh cardiff belfast dundee
    aberdeen liverpool bristol sheffield newcastle nottingham leicester coventry
    bradford burnley oxford cambridge brighton southampton portsmouth plymouth hull
    york derby stoke sunderland swansea norwich exeter inverness stirling perth
    washington moscow kyiv kiev jerusalem beirut tehran cairo paris berlin rome
    brussels beijing tokyo delhi mumbai islamabad karachi kabul baghdad damascus
    amman riyadh doha dubai ankara istanbul athens madrid lisbon dublin amsterdam
    vienna prague warsaw budapest bucharest sofia stockholm oslo copenhagen helsinki
    geneva zurich bern ottawa toronto sydney canberra wellington nairobi lagos
    johannesburg pretoria seoul pyongyang taipei hanoi bangkok jakarta manila
    rafah khan-younis ramallah hebron nablus jenin haifa eilat kharkiv odesa odessa
    mariupol donetsk luhansk crimea bakhmut kherson zaporizhzhia lviv dnipro
    alabama alaska arizona arkansas california colorado connecticut delaware florida
    hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland
    massachusetts michigan minnesota mississippi missouri montana nebraska nevada
    hampshire jersey mexico york carolina dakota ohio oklahoma oregon pennsylvania
    rhode tennessee texas utah vermont virginia wisconsin wyoming chicago boston
    miami seattle atlanta
    westminster whitehall holyrood stormont brexit
""")

DEMONYMS = _words("""
    british english scottish welsh irish american canadian mexican brazilian argentine
    french german italian spanish portuguese dutch belgian swiss austrian swedish
    norwegian danish finnish polish czech slovak hungarian romanian bulgarian greek
    turkish russian ukrainian belarusian georgian armenian israeli palestinian lebanese
    syrian iraqi iranian saudi emirati qatari jordanian egyptian libyan tunisian
    moroccan algerian sudanese ethiopian kenyan nigerian ghanaian african south
    chinese japanese korean indian pakistani afghan bangladeshi indonesian australian
    european asian arab jewish muslim christian catholic hindu sikh kurdish yemeni
    western eastern northern southern
""")

OUTLETS = _words("""
    bbc itv sky lbc cnn fox msnbc abc cbs nbc channel gb reuters bloomberg guardian
    times telegraph independent mail mirror express sun observer herald record national
    post journal economist politico axios ap afp pa
""")
"""Outlets whose possessive starts a programme title ("the BBC's Sunday with ...")."""

CREDIT_AGENCIES = _words("""
    ap pa afp epa reuters getty alamy shutterstock bloomberg wire anadolu xinhua
    ansa dpa sipa zuma rex
""")

BYLINE_PHRASES = _words("reporting writing editing additional")
BYLINE_ROLES = _words("reporter correspondent journalist columnist writer contributor")
"""A short paragraph naming one of these is a byline: "Kate Whannel, political reporter"."""
"""Words before "by" that start a credit line: "Additional reporting by …"."""

ABBREVIATIONS = _words("""
    mr mrs ms dr st mt jr sr vs etc no gen col lt sgt rev prof gov sen rep inc ltd co
    corp capt cmdr adm maj brig fig approx est dept univ ave
""")
"""Words after which a full stop does not end a sentence."""

NEGATIONS = _words("not never no nor neither cannot without")

CONTRASTS = _words("but however although though yet whereas")
