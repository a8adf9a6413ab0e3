"""Command-palette entries for the people and stances in the current results."""

from __future__ import annotations

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content


class FacetCommands(Provider):
    """One entry per person ("Quotes by Sadiq Khan (narrows to 2 articles)") and per
    topic and stance, each narrowing the explore screen's results."""

    def _choices(self):
        facet_choices = getattr(self.screen, "facet_choices", None)
        return facet_choices() if facet_choices else []

    async def discover(self) -> Hits:
        for text, help_text, callback in self._choices():
            yield DiscoveryHit(Content(text), callback, text=text, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, help_text, callback in self._choices():
            # Matcher.highlight parses its candidate as markup; names are data, so mark
            # the matched characters on plain Content instead.
            score, offsets = matcher.fuzzy_search.match(query, text)
            if score > 0:
                display = Content(text)
                for offset in offsets:
                    display = display.stylize(matcher.match_style, offset, offset + 1)
                yield Hit(score, display, callback, text=text, help=help_text)
