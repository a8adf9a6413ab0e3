"""Topics a stance can be taken toward: the bundled topics.yaml and the user's own."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..config import Config
from .phrases import Phrase, PhraseSet, compile_phrase
from .tables import Entry, bundled, configured, text_list


@dataclass
class Topic:
    """A topic with the words that name it and the phrases that carry a stance on it."""

    id: str
    label: str
    description: str = ""
    keywords: tuple[str, ...] = ()
    support: tuple[str, ...] = ()
    oppose: tuple[str, ...] = ()
    context: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    stance_phrases: PhraseSet = field(init=False, repr=False, compare=False)
    keyword_phrases: PhraseSet = field(init=False, repr=False, compare=False)
    context_phrases: PhraseSet = field(init=False, repr=False, compare=False)
    exclude_phrases: PhraseSet = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.stance_phrases = PhraseSet(_phrase_set(self.support, 1) + _phrase_set(self.oppose, -1))
        self.keyword_phrases = PhraseSet(_phrase_set(self.keywords, 0))
        self.context_phrases = PhraseSet(_phrase_set(self.context, 0))
        self.exclude_phrases = PhraseSet(_phrase_set(self.exclude, 0))


def _phrase_set(texts: tuple[str, ...], value: int) -> list[Phrase]:
    return [p for p in (compile_phrase(t, value) for t in texts) if p is not None]


def load_topics(config: Config | None = None) -> list[Topic]:
    """The bundled topics, extended by the config's `topics` (an equal id replaces one);
    with `replace_topics: true` the config's topics alone."""
    topics: dict[str, Topic] = {}
    if not (config and config.replace_topics):
        topics = {t.id: t for t in map(_topic, bundled("topics.yaml", "topics"))}
    for entry in configured(config, "topics"):
        topic = _topic(entry)
        topics[topic.id] = topic
    return list(topics.values())


def _topic(entry: Entry) -> Topic:
    if not isinstance(entry.data, dict):
        raise entry.fail("each topic must be a mapping with id, label and keywords")
    topic_id = entry.data.get("id")
    if not isinstance(topic_id, str) or not topic_id.strip():
        raise entry.fail("`id` is required (a short name such as ceasefire)")
    label = entry.data.get("label", topic_id)
    description = entry.data.get("description", "")
    if not isinstance(label, str) or not isinstance(description, str):
        raise entry.fail(f"topic {topic_id!r}: `label` and `description` must be text")
    return Topic(
        id=topic_id.strip(),
        label=label.strip() or topic_id.strip(),
        description=" ".join(description.split()),
        keywords=text_list(entry, "keywords", required=True),
        support=text_list(entry, "support"),
        oppose=text_list(entry, "oppose"),
        context=text_list(entry, "context"),
        exclude=text_list(entry, "exclude"),
    )
