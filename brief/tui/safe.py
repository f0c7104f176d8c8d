"""Showing untrusted text literally.

Article text, titles, names and quotes come from files anyone may have written. They reach
the screen only as `rich.text.Text` built from plain strings (never parsed as markup), and
with control characters replaced one for one, so that character offsets (quote and mention
spans) still line up with what is shown.
"""

from __future__ import annotations

import re

from rich.style import Style
from rich.text import Text

# C0 and C1 controls except newline, plus the bidirectional overrides that can reorder what
# the reader sees. The loader already drops escape sequences; this is the second line.
_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_REPLACEMENT = "\ufffd"


def clean(value: str | None) -> str:
    """`value` with every control character (but newline; a tab becomes a space) replaced
    by one visible character: same length, so offsets into it stay valid."""
    if not value:
        return ""
    return _CONTROL.sub(lambda m: " " if m.group() == "\t" else _REPLACEMENT, value)


def one_line(value: str | None) -> str:
    """`clean(value)` folded onto one line, for list rows and titles."""
    return " ".join(clean(value).split())


def literal(value: str | None, style: Style | str = "") -> Text:
    """A Text that shows `value` exactly as written, whatever brackets it holds."""
    return Text(clean(value), style=style, end="")
