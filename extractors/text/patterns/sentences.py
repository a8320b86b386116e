"""Where sentences end, in labels and articles alike."""

from __future__ import annotations

import regex

from extractors.text.patterns import stored, timed

# The end of a sentence: ".", "!" or "?" (with closing quotes or brackets) before spaces and a
# capital or an opening bracket — not after "vs.", "e.g.", "i.e.", "et al.", "Fig.", "No.", "approx.",
# and not inside a number ("0. 39" is damage to one number); a line break; or the start of a table or
# figure caption that scraped text runs into a sentence ("… were observed. Table 66: Efficacy …", "…
# checkmate-274.jpg Advanced or Metastatic …"); a figure's id with no extension after a stop ("… in the
# chemotherapy arm. yervoy-os-checkmate-743 14.8 Esophageal Cancer CHECKMATE-648 …").
SENTENCE_END = stored.compile(
    r"""
      (?=[.!?])                                   # the cheap test first, the lookbehinds only at a stop
      (?<!\b(?:vs|e\.g|i\.e|et\ al|Fig|Figs|No|Nos|approx|Dr|al|cf|ca|Ref|Refs|St|Inc|Ltd|Co))
      (?<!\d\.(?=\s\d))                           # "0. 39": a damaged number, not a sentence end
      [.!?][)\]"”’]*(?=\s{1,3}(?:[A-Z“"‘(\[•]|\d{1,2}\.\d{1,2}\s{1,3}[A-Z]))  # before a capital, a bracket or "14.3 Title"
    | [.!?](?=\s{1,3}[a-z][a-z0-9]{0,20}(?:-[a-z0-9]{1,20}){2,6}\s)  # before a figure's id: "… arm. yervoy-os-checkmate-743 14.8 …"
    | \n                                          # a line break
    | (?=\b(?:Table|Figure)\s\d{1,3}[A-Za-z]?\s?[.:])  # a caption begins
    | (?=\s)(?<=\.(?:jpg|jpeg|png|gif|tif))        # a figure's file name ends
    """,
    regex.VERBOSE,
)

# A number, counted to bound a sentence's numbers: "4.6", "1,234", "0.35" (not inside a word: "R0").
NUMBER_RUN = stored.compile(r"(?<![\w.,:/])\d++(?:[.,]\d++)*+")

timed.wrap(globals())  # every pattern above is held to the reading budget
