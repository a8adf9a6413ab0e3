"""How text inside the panes is styled: Textual style strings over theme variables.

Spans of article text (hits, quotes, people) are styled from offsets with these; the
variables are resolved against the current theme when drawn, so no colour is fixed
here. newsx.tcss styles the widgets themselves.
"""

TITLE = "bold"
DIM = "$text-muted"
HIT = "bold $text-warning on $warning-muted"
CURRENT_HIT = "bold $background on $warning"
QUOTE = "italic $text-success"
SPEAKER = "bold $text-secondary"
PERSON = "underline $text-primary"
"""A person's name in the article text."""
NAME = "bold"
"""A person's name in a list, where the highlight bar would drown a colour."""
SELECTED = "bold $text-accent"
STANCE = {"support": "$text-success", "oppose": "$text-error", "neutral": "$text-muted"}
"""The colour of a stance badge or label."""
