"""Adversarial kinds beyond those of issue 16's first round, for bench/hostile.py ``strings``.

Each text kind makes a string of about ``size`` characters, read as a plain-text label (extract) and as
an article (verify); each markup kind makes the bytes of a file of about ``size`` bytes, read as a label
(extract, and verify of a one-line article against it) or, for JATS, as an article. Units are drawn from
a seeded stream (no unit repeated), as in `hostile.VARIED_KINDS`, so the three sizes of a kind are one
text cut at three lengths.
"""

from __future__ import annotations

import html
import json
import random
from collections.abc import Callable

from hostile_units import ARMS, ENDPOINTS, number, sentence, varied

_RTL_EMOJI = ["\u05d7\u05d5\u05dc\u05d9\u05dd", "\u0645\u0631\u064a\u0636", "\U0001f600", "\U0001f468\u200d\U0001f469\u200d\U0001f467",
              "\u202e", "\u202c", "\u200f", "\u0301", "\u0308", "\ufe0f", "\U0001d7d8", "\u0663", "\uff14"]  # fmt: skip
_BREAKS = ["\r\n", "\r", "\f", "\v", "\x85", "\u2028", "\u2029", "\r\n\r\n", "\n\f"]


def _table_row(draw: random.Random) -> str:
    """A body row of a flattened efficacy table: a label, then each arm's value with its CI."""
    label = draw.choice(ENDPOINTS + ["Age <65", "Male", "ECOG 0", "Asia", f"Subgroup {draw.randrange(999)}"])
    cells = " ".join(f"{number(draw)} ({number(draw)}, {number(draw)})" for _ in range(draw.randrange(1, 4)))
    return f"{label} {cells}\n"


def _nested(draw: random.Random) -> str:
    return draw.choice(["(", "(", "((", "[", ")", "(HR ", "(95% CI ", f"{number(draw)}, ", "months ", "(n = "])


def _mixed_script(draw: random.Random) -> str:
    return draw.choice(_RTL_EMOJI) + draw.choice(["", number(draw), " ", "PFS ", "4\u0301.6", "HR\u200d0.5 "])


def _huge_number(draw: random.Random) -> str:
    digits = "".join(draw.choice("0123456789") for _ in range(draw.randrange(20, 400)))
    return draw.choice([f"HR {digits} ", f"N = {digits} ", f"{digits}.{digits} ", f"1e{digits[:5]} ",
                        f"(95% CI {digits}, {digits}) ", f"{digits}% "])  # fmt: skip


def _cells_row(draw: random.Random) -> str:
    """A rendered row of a kept table, one line of many cells."""
    return f"| {number(draw)} "


TEXT_KINDS: dict[str, Callable[[int], str]] = {
    "a table of many rows": varied("Table 3 Efficacy Results\nVOTRIENT Placebo\nN = 246 N = 123\n", _table_row, ""),
    "N= headers one after another": varied("Table 9 ", lambda d: f"{d.choice(ARMS)} (N={d.randrange(1, 9999)}) ", ""),
    "one line of digits and dots": varied("", lambda d: d.choice("0123456789.........,"), ""),
    "nested parentheses in prose": varied("Median PFS was 4.6 months ", _nested, " in the trial."),
    "Table N captions one after another": varied(
        "", lambda d: f"Table {d.randrange(1, 99)} {d.choice(ENDPOINTS)} ", ""
    ),
    "RTL, emoji, combining marks": varied("Median PFS was 4.6 months. ", _mixed_script, ""),
    "CR, form feeds, line separators": varied("", lambda d: sentence(d)[:-1] + d.choice(_BREAKS), ""),
    "huge numbers": varied("Median PFS was ", _huge_number, ""),
    "a row of many cells": varied("Table 2 Results\n| Median PFS ", _cells_row, " |\n"),
}


def _openfda(size: int) -> bytes:
    """An openFDA label of eight text fields sharing ``size`` characters of result sentences."""
    fields = ["clinical_studies", "adverse_reactions", "indications_and_usage", "boxed_warning",
              "description", "warnings_and_cautions", "dosage_and_administration", "clinical_pharmacology"]  # fmt: skip
    record: dict[str, object] = {"openfda": {"brand_name": ["VOTRIENT"], "generic_name": ["PAZOPANIB"]}}
    for k, field in enumerate(fields):
        record[field] = [varied(f"{k} ", sentence, "")(size // len(fields))]
    return json.dumps({"results": [record]}).encode()


def _html_table(size: int) -> bytes:
    rows = varied(
        "", lambda d: "<tr><td>" + html.escape(_table_row(d)[:-1]).replace(" ", "</td><td>", 2) + "</td></tr>", ""
    )
    head = "<html><body><h1>14 CLINICAL STUDIES</h1><table><caption>Table 3 Efficacy</caption>"
    body = rows(size)
    return (head + body[: body.rfind("</tr>") + 5] + "</table></body></html>").encode()


def _jats_nested(size: int) -> bytes:
    """JATS whose sections nest 200 deep (under the 256 refused), again and again."""
    deep = "<sec><title>Results</title>" * 200 + "<p>Median PFS was 4.6 months (HR 0.35).</p>" + "</sec>" * 200
    count = max(1, size // len(deep))
    return f'<?xml version="1.0"?><article><body>{deep * count}</body></article>'.encode()


def _jats_many_tables(size: int) -> bytes:
    """JATS of many small tables, each with a caption and Ns: a review's tables by the thousand."""

    def table(draw: random.Random) -> str:
        rows = "".join(f"<tr><td>{html.escape(_table_row(draw)[:-1])}</td></tr>" for _ in range(3))
        return (f"<table-wrap><caption><p>Table {draw.randrange(1, 999)} {draw.choice(ENDPOINTS)}</p></caption>"
                f"<table><tr><th>{draw.choice(ARMS)} (N={draw.randrange(1, 999)})</th></tr>{rows}</table></table-wrap>")  # fmt: skip

    body = varied("", table, "")(size)
    body = body[: body.rfind("</table-wrap>") + len("</table-wrap>")]
    return f'<?xml version="1.0"?><article><body><sec><p>Median PFS was 4.6 months.</p>{body}</sec></body></article>'.encode()


# name: (the file name it is read as, its bytes at a size); a name ending in .xml is a JATS article
MARKUP_KINDS: dict[str, tuple[str, Callable[[int], bytes]]] = {
    "openFDA JSON, 8 long fields": ("label.json", _openfda),
    "HTML label, a table of many rows": ("label.html", _html_table),
    "JATS nested 200 deep, repeated": ("article.xml", _jats_nested),
    "JATS of many small tables": ("article.xml", _jats_many_tables),
}
