"""A compact list of given names seen in news, with the gender usually implied.

It only has to tell "Andy Burnham" (a person) from "Greater Manchester" (a place) and
give "she" a likely antecedent, so it favours breadth over completeness: English and
European names, and the Arabic, South Asian, African, Slavic, Hebrew and East Asian
names common in British and international news. Names used for both are in both lists.
"""

from __future__ import annotations

_MALE = """
aaron abbas abdel abdul abdullah abe abraham adam adrian afrasiab ahmad ahmed aidan
akram alan alastair albert alberto alec alejandro aleksandr alessandro alex alexander
alexandre alexei alexey alfie alfred ali alistair allan alok amir amit anas anatoly
anders andre andrea andreas andrei andres andrew andrey andrzej andy angus anthony
antoine anton antonio antony anwar archie ari arif arjun armando arnold arthur asad
ashley ashok ashraf ayman aziz barack barnaby barry bart bashar basil ben benedict
benjamin benny bernard bernie bill billy bilal bob bobby bogdan boris brad bradley
brandon brendan brett brian bruce bruno bryan callum calvin cameron carl carlo carlos
cedric cem chaim charles charlie chris christian christoph christophe christopher
chuck clarence claude clive colin conor connor conrad craig cristiano curtis cyril dai
dale damian damien dan daniel danny dara darren dave david dean declan dennis denis
derek desmond dev diego dmitri dmitry dominic dominik don donald doug douglas duncan
dylan eamon eamonn ed eddie edgar edmund eduardo edward edwin ehud elias elijah elon
emile emmanuel emre enrique eoin eric erik ernest esa ethan evan evgeny ezra fabian
fahad faisal farid fawad felix ferdinand fernando fidel filip finn fintan fraser frank
frankie franz fred freddie frederick gareth garry gary gavin geoff geoffrey george
gerald gerard gerry gideon gil gilbert giorgio giovanni giuseppe glen glenn gordon
graeme graham grant greg gregor gregory guillaume gus gustavo guy habib hakan hamad
hamid hamish hamza hans harold harris harrison harry harvey hasan hassan hector helmut
henri henry herbert hilary howard hugh hugo humza hussain hussein iain ian ibrahim
idris ignacio igor ilya imran iqbal isaac ismail ivan jack jacob jair jake james jamal
jamie jan janusz jared jason javier javed jay jd jean jeff jeffrey jens jeremy jerome
jerry jesse jim jimmy joachim joe joel johan johann john johnny jon jonathan jordan
jorge jose josef joseph josh joshua juan julian julius justin kamal karim karl keir
keith kelvin ken kenneth kevin khalid khaled kieran kim kirill kofi konstantin kwame
kwasi kyle lamar lars laurence lawrence lee len leo leon leonard leonid liam lindsay
lionel lloyd logan lorenzo louis luca lucas luis luiz luke lula mahmoud malcolm manuel
marc marcel marco marcus mario mark marko martin marvin mateusz matt matteo matthew
matthias maurice max maxim maximilian mehdi mehmet mel michael michel michele miguel
mike mikhail milan miles mitch mitt mo mohamed mohammad mohammed mostafa muhammad
mustafa nadhim naftali narendra nasser nathan neil nelson niall nicholas nick nicky
nicolas nigel nikita nikolai nikolay noah noel norman oleg oleksandr oleksiy oliver
olaf omar oscar osman owen pablo paddy patrick paul pavel pedro peter petr petro phil
philip philippe pierre piers piotr rafael rahul raj rajesh ralph ramzan randy raphael
rashid ravi ray raymond recep reza ricardo richard rick rishi rob robbie robert roberto
rhun robin rod rodrigo roger roland roman ron ronald rory ross roy ruaridh ruben rudy rupert russell
ryan saad sadiq said sajid salim salman sam sameer samir samuel sanjay sasha saul
scott sean sebastian serge sergei sergey sergio seth shabbir shahid shane shaun
shimon simon sinan stanley stefan stephen steve steven stewart stuart sunil sven tariq
ted terry thierry thomas tim timothy toby todd tom tommy tony travis trevor tristan
tyler umar uri valery vaughan victor viktor vikram vince vincent vitali vitaliy vivek
vladimir vladislav volodymyr wahid walter warren wayne wes wesley wes will william
willie wolfgang xavier yair yakub yanis yasser yehuda yevgeny yitzhak yoav yosef
youssef yuri yusuf zac zach zachary zahid zaid zak zbigniew zelimkhan zoran
kit alister rees wes jacob oliver pete pat rob les tim nik jeremy sammy jim alun
afzal tahir khalid naveed shockat imtiaz jawad faisal tanmanjeet preet iqbal tariq
ahmed ashok alok nadhim lee lloyd luke marco mick micky nat ollie ricky robin rupert
stewart toby wilf wyn zak bashir mahmood hassan jihad walid nabil yahya ismail hamza
yevgeny dmytro andriy serhiy taras mykola oleh vitaliy denys bohdan yuriy kyrylo
benjamin bibi avi ariel itamar bezalel gilad moshe yoav benny naftali yair isaac
emmanuel olaf friedrich gerhard helmut joschka markus jens rasmus ulf jonas
pedro pablo javier mariano santiago alberto carlos jose luis sergio giorgio matteo
enrico silvio sergio romano paolo mario viktor andrej vaclav petr robert donald joe
barack hunter ron mike marco chuck kevin mitch ted rand jd elon
lewis euan ewan tobias kenny fergus alasdair murdo struan
"""

_FEMALE = """
abigail ada adele adriana agnes aileen aisha alana alexandra alexis alice alicia alina alison
amal amanda amber amelia amina amy ana anastasia andrea angela angelina angie anita
ann anna annabel anne annette annie antonia anya april ariana arlene ashley astrid
aung aurelia ava barbara beata beatrice becky belinda bella benazir bernadette beth
bethany betty beverley bianca billie brenda bridget britney brooke caitlin camilla
candice cara carla carmen carol caroline carolyn caryl cassie cat catherine cathy cecilia
celia charlotte chelsea cheryl chloe christina christine chrystia ciara claire clara
claudia colette connie cora courtney cressida cynthia daisy dalia dana danielle daphne
dawn debbie deborah debra delia denise diana diane dina dominique donna dora doris
dorothy edith edwina eileen elaine eleanor elena elif elisa elisabeth eliza elizabeth
ella ellen ellie eloise elsa eluned emilia emily emma erica erin esther eva evelyn
fatima fatma felicity fiona flora florence frances francesca freya gabriela gabrielle
gail gemma georgia georgina geraldine gillian gina giorgia gisela gloria grace greta
gwen gwyneth hadiya hana hanna hannah harriet hazel heather heidi helen helena
helle hilary hillary holly hope ilhan imogen ines ingrid irene iris isabel isabella
isabelle jacinda jackie jacqueline jade jane janet janice jasmine jean jeanette jennifer
jenny jess jessica jill jo joan joanna joanne jocelyn jodie josephine joy joyce judith
judy julia julie juliet june justine kamala karen karin kate katherine kathleen kathryn
kathy katie katrina katy kay kaja keira kelly kemi kerry kezia kim kimberley kirsty kristen
kristina kylie laila lara laura lauren layla leah leila lena lesley leslie lilian lily
linda lindsay lindsey lisa liz liza lois lola lorna lorraine louisa louise lucia lucy
luciana lydia lynn lynne madeleine magda magdalena maggie mai maria mariam marian
marianne marie marina marine marion marjorie marsha martha mary maryam matilda maud
maureen maxine may maya megan meghan melanie melinda melissa mhairi michaela
michele michelle mikaela mila mildred miriam moira molly monica morgan muriel mya nadia
nadine nancy naomi natalia natalie natasha nazanin nia nichola nicola nicole nikki nina
noor nora norah nour olena olga olivia paige pam pamela patricia patsy paula pauline
penelope penny petra philippa phoebe pippa polly priti priya rachel rachael rania
rebecca regina rena rhiannon rita roberta robyn rosa rosalind rose rosemary rosie
roxanne ruby rukhsana rupa ruth sabrina sadie sally samantha sandra sara sarah sasha
selina serena shabana shamima sharon sheila shirley siobhan sofia sonia sophia sophie
stacey stella stephanie sue susan susanna suzanne svetlana sylvia tamara tanya
tara taylor tessa thea theresa tina tracey tracy tulip ulla ursula valentina valerie
vanessa vera veronica vicky victoria violet virginia wendy wera whitney yasmin yvette yvonne
yulia zahra zara zarah zeynep zoe zoya suella therese rosena apsana naz shabana
rushanara tulip yasmin munira lubna layla nusrat rupa seema preet priti sajida
rosie ellie keeley harriet bridget liz lisa kemi penny nadine andrea esther
ursula kaja mette giorgia marine ségolène ségolene christine annalena sanna jacinda
kamala nancy hillary michelle melania ivanka karoline tulsi nikki sarah-jane
yvette rachel shabana lucy lucy-anne jess anneliese jo mhairi nicola kezia ruth
margaret peggy isla orla shona eilidh morag ailsa aoife niamh sinead kimberly teresa
beverly marilyn millie hayley
"""

MALE = frozenset(_MALE.split())
FEMALE = frozenset(_FEMALE.split())
FIRST_NAMES = MALE | FEMALE


def gender_of(first: str) -> str | None:
    """'m' or 'f' when the given name is usually one or the other, else None."""
    key = first.lower()
    male, female = key in MALE, key in FEMALE
    if male == female:
        return None
    return "m" if male else "f"
