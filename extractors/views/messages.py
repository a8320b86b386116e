"""Messages that carry text from a file, made safe for the dashboard's Markdown.

Streamlit renders ``st.error``, ``st.caption`` and ``st.markdown`` as Markdown: a label whose XML
namespace reads ``![b](http://127.0.0.1:8999/beacon.png)`` would make the reviewer's browser fetch
that address, and ``[click me](…)`` would become a link. `literal` escapes every character
Markdown (and Streamlit's ``:red[…]``, ``:emoji:`` and ``$math$``) could read as markup.
"""

from __future__ import annotations

import string

_MARKUP = frozenset(string.punctuation)  # CommonMark lets a backslash escape exactly these


def literal(text: str) -> str:
    """``text`` on one line, every ASCII punctuation character backslash-escaped, so Markdown
    shows it as typed: no link, image, emphasis, heading, HTML, autolink or directive.

    >>> literal("label.xml: ![b](http://x/beacon.png)")
    'label\\\\.xml\\\\: \\\\!\\\\[b\\\\]\\\\(http\\\\:\\\\/\\\\/x\\\\/beacon\\\\.png\\\\)'
    """
    return "".join(f"\\{char}" if char in _MARKUP else char for char in " ".join(text.split()))
