"""Patterns for markup: the tokens of an HTML page, and the brackets and strings of a JSON document.

Every pattern here is linear whatever the input: runs are possessive, and a construct still open
at the end of the text (a comment, a tag, a quoted value) runs to the end instead of being tried
again from a later position, as the HTML standard's tokenizer does. Python's own ``HTMLParser``
retries from the next character, which is quadratic on ``<a<a<a…`` or ``<a b='<a b='…`` (40 KB:
2 to 7 seconds); these read a megabyte of either in well under a second.
"""

from __future__ import annotations

import regex

from extractors.text.patterns import stored, timed

# A tag's name as HTML allows it: anything up to a space, "/" or ">", so "<o:p>" and "<div<p>" are
# single names ("o:p", "div<p"), as browsers read them.
_TAG_NAME = r"[a-zA-Z][^\t\n\r\f\x20/>\x00]*+"

# What comes at a "<" in HTML, or nothing (then the "<" is text: "p < 0.001"):
#   <!-- a comment -->, <![CDATA[ … ]]>, <!DOCTYPE html>, <?xml … ?>, </td>, </ p>, </3> (dropped),
#   <td>, <br/>, <td colspan="2">, <img alt="a > b">, <a href=x/> (not self-closing: "/" is the value's)
_MARKUP = rf"""
      (?P<comment> <!--(?s:.*?)(?:--\s*+>|\Z) )                 # ends at "-->" (or "-- >"), else at the end
    | (?P<cdata> <!\[CDATA\[(?s:.*?)(?:\]\]>|\Z) )
    | (?P<declaration> <[!?][^>]*+(?:>|\Z) )                      # <!DOCTYPE …>, <?xml …?>, <!x>
    | </\s*+(?P<close>{_TAG_NAME})[^>]*+(?:>|\Z)                  # </td>, </td >, </ td>
    | (?P<bogus> </[^>]*+(?:>|\Z) )                               # "</>", "</3>": dropped
    | <(?P<open>{_TAG_NAME})
      (?P<attributes>(?:                                          # attributes (a cell's spans are read from them):
          =\s*+"[^"]*+"?                                          #   a double-quoted value, ">" allowed inside
        | =\s*+'[^']*+'?                                          #   a single-quoted value
        | =\s*+[^\s>"'][^\s>]*+                                   #   a bare value, which may end in "/"
        | [^>/]                                                   #   names, spaces, stray characters
        | /(?!>)
      )*+)
      (?P<end>/?>|\Z)                                             # "/>" closes an empty element
    """
MARKUP = stored.compile(_MARKUP, regex.VERBOSE)

# The next "<" of a page and what comes at it: `MARKUP`, or a "<" that opens nothing (``lone``, text).
# Every piece of `MARKUP` starts with "<", so from a position this finds the first "<" after it and
# reads there what `MARKUP` reads: one scan over a page instead of one call per tag (issue 13).
MARKUP_OR_BRACKET = stored.compile(rf"{_MARKUP} | (?P<lone><)", regex.VERBOSE)

# A table cell's span among its attributes, the count of columns or rows it covers (openFDA table
# HTML, `markup.html_cell_spans`): ' colspan="3"' (ADCETRIS "HL" over three grades), " rowspan='2'",
# " COLSPAN=2"; "data-colspan" is another attribute.
CELL_SPAN = stored.compile(
    r"""(?<![\w:-])(?P<name>colspan|rowspan)   # the attribute's own name
    \s{0,3}=\s{0,3}["']?\s{0,3}              # its "=" and an opening quote
    (?P<count>\d{1,9})                        # the count: markup.MAX_CELL_SPAN caps it""",
    regex.VERBOSE | regex.IGNORECASE,
)

# The end of a script or style element, whose content is not markup: "</script>", "</SCRIPT >".
RAW_TEXT_END = {
    "script": stored.compile(r"</\s*+script\s*+>", regex.IGNORECASE),
    "style": stored.compile(r"</\s*+style\s*+>", regex.IGNORECASE),
}

# A run of whitespace in HTML text, which a browser shows as one space.
WHITESPACE = stored.compile(r"\s++")

# The tokens that nest in JSON: a bracket or a brace, or a string (skipped whole, so a "[" inside
# one does not count): '{"results": [{"clinical_studies": ["… [see Table 3] …"]}]}'.
JSON_NESTING = stored.compile(r'[\[\]{}]|"(?:[^"\\]++|\\.)*+"?', regex.DOTALL)

timed.wrap(globals())  # every pattern above is held to the reading budget
