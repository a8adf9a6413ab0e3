"""The system clipboard, when one is reachable.

The app also writes OSC 52 (`App.copy_to_clipboard`), which terminals may ignore;
this is the second route, through pyperclip (xclip, xsel, wl-copy, pbcopy, ...).
"""

from __future__ import annotations

import pyperclip


def copy_to_system(text: str) -> bool:
    """Put `text` on the system clipboard; False when no clipboard is reachable."""
    try:
        pyperclip.copy(text)
    except pyperclip.PyperclipException:
        return False
    return True
