"""The cells of a flattened table row: its tokens, the ways its runs of digits split, and the
cells a reading makes of them.

``4.61.6(0.26,0.48)`` is a run of digits and a CI. `split_candidates` lists every way the run
splits into well-formed numbers ("4.6" + "1.6"; never "4.61" + ".6"), `group_cells` turns one
choice of splits into cells (a number with its CI, percent, p-value and footnote markers, or a
bare CI, or an empty cell). The table reader scores the readings; nothing here judges them.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import regex

from extractors.ingest import grids as structured
from extractors.read.tables import run_ns
from extractors.records import Alternative, Flag, Measurement, replace
from extractors.text import reach
from extractors.text.numbers import ci_contains, decimals, to_float
from extractors.text.patterns import flattened as flattened_patterns
from extractors.text.patterns import tables as table_patterns


@dataclass(frozen=True, slots=True)
class Number:
    """One number read from the text: its raw characters, span and value."""

    raw: str
    start: int
    end: int

    @property
    def value(self) -> float:
        return to_float(self.raw)

    @property
    def decimals(self) -> int:
        return decimals(self.raw)


@dataclass(frozen=True, slots=True)
class Token:
    """One token of a row's cell run, as CELL_TOKEN found it."""

    kind: str  # nprefix | range | ci | damaged | pct | fmt | qual | cmp | run | dash | foot | sep
    start: int
    end: int
    raw: str
    low: str | None = None  # CI bounds as printed (None for "NR"/"NE" is kept in raw)
    high: str | None = None


@dataclass(slots=True)
class Cell:
    """A cell of one reading of a row: an estimate with what belongs to it, or a bare CI."""

    number: Number | None = None
    qualifier: str | None = None  # NR, NE, <, ≤, …
    qualifier_token: Token | None = None
    ci: Token | None = None
    pct: Token | None = None
    pct_ci: Token | None = None  # the CI of the percent, printed after it: "4 (1.2) (0.4%, 3.0%)"
    p: Token | None = None  # a p-value printed in the cell: "0.576 (0.463, 0.718), p<0.0001"
    feet: list[str] = field(default_factory=list)
    is_n: bool = False
    is_dash: bool = False
    bare_ci: bool = False
    range: Token | None = None  # the range printed after a median: "(1.1+, 18.0+)"; no CI, not reported
    percent_sign: bool = False  # the number is printed with "%": "41.6%"
    format: str | None = None  # what the column's cells hold, printed after an N: "N=1731 n (%)"
    from_split: bool = False  # the number came from a run of digits split in two or more


@dataclass(slots=True)
class Reading:
    cells: list[Cell]
    penalty: float = 0.0
    reasons: list[str] = field(default_factory=list)
    splits: int = 0


MAX_ROW_LINE = 4000  # characters: a rendered row is shorter; looking further back for its line start costs time


def line_start(text: str, position: int) -> int:
    """Where ``position``'s line starts, looking back at most MAX_ROW_LINE characters (a longer line
    is prose, never a rendered row, and searching it from every position would be quadratic)."""
    return text.rfind("\n", max(0, position - MAX_ROW_LINE), position) + 1


def inside_parentheses(text: str, position: int) -> bool:
    """Whether ``position`` is inside "( … )" on its line: "(gefitinib or erlotinib)" describes an arm."""
    before = text[max(0, line_start(text, position), position - reach.before("open_parenthesis")) : position]
    return before.rfind("(") > before.rfind(")")


def cell_run_at(text: str, position: int, end: int, first: regex.Match[str] | None = None) -> tuple[int, int] | None:
    """The run of cell tokens starting at ``position``, if one may start there (``first``: the
    token there, when the caller has found it)."""
    match = first or table_patterns.CELL_TOKEN.match(text, position, end)
    if match is None or not _run_may_start(text, position, end, match):
        return None
    tokens: list[tuple[str, int]] = []  # (kind, end) of each token but spaces
    cursor = position
    kept = text.startswith(f"{structured.SEPARATOR} ", line_start(text, position))
    # the tokens that follow each other from ``position``: one scan, not a match at each token
    for token in table_patterns.CELL_TOKEN.finditer(text, position, end):
        if token.start() != cursor or _p_value_row_after_cis(text, token, tokens):
            break
        if token.lastgroup == "nparen" and not run_ns.ns_row_in_parentheses(text, token, tokens, end, kept):
            break  # "All Patients (n=74)", "Placebo every 2 weeks (n = 281) 8 6 5 4": a label's N
        if token.lastgroup == "nprefix" and not kept and run_ns.values_before_n(tokens):
            break  # flattened, "p-Value <0.0001 n=101 n=103": the Ns start a row of their own
        cursor = token.end()
        if token.lastgroup != "space":
            tokens.append((token.lastgroup or "", cursor))
    if [kind for kind, _ in tokens[:3]] == ["cmp", "run", "percent"]:
        return None  # a threshold such as "PD-L1 TPS ≥50%" names a row; it is not a cell
    return _run_given_back(text, position, end, tokens)


def _p_value_row_after_cis(text: str, token: regex.Match[str], before: list[tuple[str, int]]) -> bool:
    """Whether ``token``, flattened, is a "p-value < 0.0001" that starts the next row: after a space
    that ends a row of cells ("… 41 (23) p-value<0.001<0.001", "95% CI 7, 8 … 5, 7 p-value < 0.0001")."""
    return (
        token.lastgroup == "pval"
        and bool(before)
        and text[token.start() - 1 : token.start()].isspace()
        and not text.startswith(f"{structured.SEPARATOR} ", line_start(text, token.start()))
        and flattened_patterns.P_VALUE_ROW_LABEL.match(text, token.start(), token.end()) is not None
    )


# The farthest past a cell's start the patterns that look back from it look ahead (`GLUED_CI_ROW`: 25
# characters; the others look only back or a few digits on): matched in this window, not to the end of
# the text, they read the same and are spared the timeout a pattern over a long text is given.
_GLANCE = 32


def _run_may_start(text: str, position: int, end: int, match: regex.Match[str]) -> bool:
    """Whether a run of cells may start at ``position``, where ``match`` is its first token."""
    glance = position + _GLANCE
    near = min(end, glance)  # the patterns below read fewer characters past ``position`` than that
    if match.lastgroup == "pval" and flattened_patterns.AFTER_P_VALUE_LABEL.match(text, position, glance):
        return not inside_parentheses(text, position)  # "p-valuea p<.0001": the cell the label names
    if match.lastgroup in {"space", "foot", "pct", "pval", "percent", "fmt"}:
        return False
    if match.lastgroup == "sep":
        before_sep = text[position - 1] if position > 0 else "\n"
        if before_sep == "\n" or not before_sep.isspace():
            return False  # a row's first cell is its label, even when empty: "|  | n=101 | n=103 |"
    before = text[position - 1] if position > 0 else " "
    if inside_parentheses(text, position):
        return False  # inside a CI: "(52.1, 68.1)" is read whole from its "("
    row_start = line_start(text, position)
    if (
        text.startswith(structured.SEPARATOR, row_start)
        and structured.SEPARATOR not in text[row_start + 1 : position + 1]
    ):
        return False  # with cells kept, the first cell is the row's label: "| Nausea1 | 52 | …"
    if table_patterns.MARK_GLUED_TO_WORD.match(text, position, near):
        return False  # a footnote digit on a word, the cells spaced after it: "Nausea1 52 2.4 29 0.6"
    if flattened_patterns.MARK_BEFORE_ROW_N.match(text, position, near):
        return False  # a footnote key before the row's N: "Survivala,1 N = 484", "Survival1N = 248"
    if table_patterns.TIME_POINT_NUMBER.match(text, position, near):
        return False  # "at Day 35 131 (4.4%)": the day is the label's
    if table_patterns.NUMBER_JOINED_TO_WORD.match(text, position, near):
        return False  # "5-Component Outcome 6.8 8.0": the number is the label's first word
    if flattened_patterns.TIME_POINT_HEADING.match(text, position, near):
        return False  # "Week 4 Clinical remission 12% …": a heading row's time point
    if match.lastgroup in {"nprefix", "nparen", "sep"}:
        return True  # "N = " opens a count cell wherever it stands: "ITTN = 246", "Rate*1N = 192"
    return (
        before.isspace()
        or before in ")%],\u00ad"  # a soft hyphen before a minus: "\u00ad-6"
        or (before.isalpha() and match.lastgroup == "ci")
        # cells glued to a lower-case word: "p-value0.0004", "Number of responders1712" — but not
        # the digits of names such as "L858R", "Ex19del" or "HER2"
        or (
            match.lastgroup in {"run", "ofn", "cmp", "qual"}
            and table_patterns.AFTER_LOWER_WORD.match(text, position, glance)
        )
        # an empty cell of dashes glued to the label: "p-value---0.0160.204" (a lone "-" joins words)
        or (
            match.lastgroup == "dash"
            and len(match.group(0)) > 1
            and table_patterns.AFTER_LOWER_WORD.match(text, position, glance)
        )
        or (match.lastgroup == "dash" and flattened_patterns.KEYED_DASH_CELLS.match(text, position, near))
        or (match.lastgroup == "run" and flattened_patterns.AFTER_NO.match(text, position, glance))
        or (match.lastgroup == "run" and flattened_patterns.AFTER_N_LABEL.match(text, position, glance))
        or (match.lastgroup == "run" and flattened_patterns.AFTER_CAPITALS_LOWER_COUNT.match(text, position, near))
        or (match.lastgroup == "run" and table_patterns.AFTER_CAPITALS_COUNT.match(text, position, near))
        or (match.lastgroup == "run" and flattened_patterns.AFTER_CAPITALS_DECIMAL.match(text, position, near))
        or (match.lastgroup == "run" and flattened_patterns.AFTER_NOTE_KEYS_COUNT.match(text, position, near))
        or (match.lastgroup == "run" and flattened_patterns.AFTER_RESPONSE_KIND.match(text, position, glance))
        or (match.lastgroup == "run" and flattened_patterns.GLUED_CI_ROW.match(text, position, glance))
        or (
            match.lastgroup in {"run", "cmp", "qual", "ci"}
            and (
                table_patterns.AFTER_FOOTNOTE_KEYS.match(text, position, glance)
                or flattened_patterns.AFTER_SPACED_FOOTNOTE_KEY.match(text, position, glance)
            )
        )
    )


def _run_given_back(text: str, position: int, end: int, tokens: list[tuple[str, int]]) -> tuple[int, int] | None:
    """The run from ``position`` once the trailing tokens that belong to the text after it are given
    back: "… 20.9) NE=Not Estimable"."""
    while tokens:
        kinds = [kind for kind, _ in tokens]
        last_good = tokens[-1][1]
        following = _following(text, last_good, end)
        after = text[last_good] if last_good < end else " "
        values = [k for k in kinds if k not in {"cmp", "foot", "sep", "percent", "fmt"}]
        if not values:
            return None  # separators alone: an empty row or the edge of a label cell
        # A lone number followed by a lower-case word is part of a label: "≥65 years", "2 or more
        # lines". A longer run of cells may well be followed by a lower-case label ("p-value").
        lone_number = len(values) == 1 and kinds[-1] in {"run", "ofn", "qual"}
        # … but a row label "p-value" starts the next row: "Median TTP (mos),7.24.56.72.57.65.7 p-value< 0.0001"
        lone_number = lone_number and not flattened_patterns.P_VALUE_ROW_LABEL.match(following)
        # … nor does a row of Ns: "p-Value <0.0001 n=101 n=103" (see `run_ns.values_before_n`)
        lone_number = lone_number and not table_patterns.N_PREFIX.match(following)
        # flattened, a heading row's threshold and a label's dash between words are the label's, not
        # cells: "Age ≥75 Diabetes – yes 249 14.9" (a row's own threshold cell has cells after it)
        in_label = _threshold_or_dash_in_label(text, position, kinds, following)
        # a dash before a word starts the next row's label: "0.74 (0.65, 0.86) - Stroke 74 (0.9)"
        leading_dash = (
            kinds[-1] == "dash" and text[last_good - 2 : last_good + 1] in {" - ", "\t- "} and following[:1].isupper()
        )
        # "NR not reached; CI …": an abbreviation defined after the table, not a cell
        defined = kinds[-1] == "qual" and following[:1].islower()
        # "… 37 (17) 95% CI (50, 64) (12, 23)": "95% CI" labels the row of CIs after it
        # … and "25%, 75% Quartile" labels the row of quartiles after it
        ci_label = kinds[-1] == "percent" and (
            table_patterns.CI_WORD.match(following) is not None
            or flattened_patterns.PERCENTILES_LABEL.match(following) is not None
        )
        if not (
            (lone_number and following[:1].islower())
            or in_label
            or leading_dash
            or defined
            or ci_label
            or after in "%/+-:=;"
            or (after.isalpha() and after.islower())
        ):
            return position, last_good
        tokens.pop()
    return None


def _following(text: str, start: int, end: int) -> str:
    """The text after a run, its spaces skipped, as far as the tests on it read (a word or two, an
    "N =", reach "after_run"): the rest of a long table, sliced at each of its rows, made it quadratic."""
    chars = reach.after("after_run")
    while start < end:
        window = text[start : min(end, start + chars)]
        stripped = window.lstrip(" ")
        if stripped:
            return stripped + text[start + len(window) : min(end, start + len(window) + chars - len(stripped))]
        start += len(window)
    return ""


def _threshold_or_dash_in_label(text: str, position: int, kinds: list[str], following: str) -> bool:
    """Whether the run at ``position`` (of tokens ``kinds``, ``following`` after it) is a label's
    own: a dash alone before a lower-case word ("Diabetes – yes"), or a threshold alone after a word
    and before the next label's capital ("Age ≥75 Diabetes", "Age <75Prior MI")."""
    if kinds == ["dash"]:
        return following[:1].islower()
    return (
        kinds == ["cmp", "run"]
        and following[:1].isupper()
        and flattened_patterns.THRESHOLD_AFTER_WORD.match(text, position) is not None
    )


def row_spans(text: str, start: int, end: int) -> Iterator[tuple[int, int, int | None, int | None]]:
    """(label start, label end, cells start, cells end) for each row of the body."""
    label_start = start
    position = start
    while position < end:
        # no run starts where no token but a space does: one search skips those positions (the words
        # of the labels and the spaces between them), finding the token a match at each would
        first = table_patterns.CELL_START.search(text, position, end)
        if first is None:
            break
        position = first.start()
        run = cell_run_at(text, position, end, first)
        if run is None:
            position += 1
            continue
        run_start, run_end = run
        yield label_start, run_start, run_start, run_end
        label_start = position = run_end
    if text[label_start:end].strip():
        yield label_start, end, None, None


def has_n_prefix(text: str, start: int, end: int | None) -> bool:
    return bool(table_patterns.N_PREFIX.search(text, start, end or start))


def read_tokens(text: str, start: int, end: int) -> list[Token]:
    """The tokens of the cells ``start:end``, spaces left out. A row's cells are asked for by each
    step that reads the row (whether its table prints percents, whether it counts an unnamed event,
    the reading itself): they are scanned once (a quarter of the asks over the corpus were repeats)."""
    return list(_cell_tokens(text, start, end))


@lru_cache(maxsize=1024)  # the rows of a table or two; the key holds the text, which is its document's
def _cell_tokens(text: str, start: int, end: int) -> tuple[Token, ...]:
    tokens = []
    for match in table_patterns.CELL_TOKEN.finditer(text, start, end):
        kind = match.lastgroup or ""
        if kind == "space":
            continue
        if kind == "ci":
            tokens.append(
                Token(kind, match.start(), match.end(), match.group(0), match.group("low"), match.group("high"))
            )
        elif kind == "barci":
            tokens.append(
                Token("ci", match.start(), match.end(), match.group(0), match.group("blow"), match.group("bhigh"))
            )
        elif kind == "nparen":  # "(n=93)": an N cell, its parentheses around it
            count = match.start("nparen_count")
            tokens.append(Token("nprefix", match.start(), count, text[match.start() : count]))
            tokens.append(Token("run", count, match.end("nparen_count"), match.group("nparen_count")))
        elif kind == "ofn":  # the count of "51/89 (57%)"; the N after the slash is the arm's, read from the header
            tokens.append(Token("run", match.start("ofn_count"), match.end("ofn_count"), match.group("ofn_count")))
        elif kind == "flatci":
            tokens.append(
                Token("ci", match.start(), match.end(), match.group(0), match.group("flow"), match.group("fhigh"))
            )
        elif kind == "pct":  # raw is the value; low carries a comparison ("<" of "(<0.1)")
            tokens.append(Token(kind, match.start(), match.end(), match.group("pct_value"), match.group("pct_cmp")))
        elif kind == "pval":  # raw is the value; low carries the comparison ("<", "=")
            tokens.append(Token(kind, match.start(), match.end(), match.group("pval_value"), match.group("pval_cmp")))
        else:
            tokens.append(Token(kind, match.start(), match.end(), match.group(0)))
    return tuple(tokens)


def _percent_cell_of(cell: Cell | None) -> bool:
    """Whether a structured cell holding only a percent in parentheses belongs to ``cell``, the count
    in the cell before it: a whole number with no percent, CI or N of its own."""
    return (
        cell is not None
        and cell.number is not None
        and "." not in cell.number.raw
        and cell.pct is None
        and cell.ci is None
        and not cell.is_n
        and cell.qualifier is None
    )


def _close_segment(cells: list[Cell], segment_start: int | None, joined_back: bool) -> bool:
    """At a "|": False when the structured cell just closed made more than one cell; an empty one
    (but one whose percent joined the count before it) keeps the columns aligned with a dash cell."""
    if segment_start is None:
        return True
    made = len(cells) - segment_start
    if made > 1:
        return False
    if made == 0 and not joined_back:
        cells.append(Cell(is_dash=True))
    return True


def group_cells(
    tokens: Sequence[Token], splits: Sequence[list[Number] | None], attach: Sequence[bool | None]
) -> list[Cell] | None:
    """The cells of one reading: each number starts a cell; CIs, percents and markers join it."""
    cells: list[Cell] = []
    pending_n = False
    pending_cmp: Token | None = None
    segment_start: int | None = None  # cells made since the last "|": a structured cell holds one
    joined_back = False  # the cell since the last "|" was the percent of the count before: "| 548 | (10.9) |"
    for token, pieces, attach_ci in zip(tokens, splits, attach, strict=True):
        kind = token.kind
        # in a structured row a new cell has nothing in it yet for a CI or a marker to join
        fresh = segment_start is not None and len(cells) == segment_start
        current = cells[-1] if cells and not fresh else None
        if kind == "sep":
            if not _close_segment(cells, segment_start, joined_back):
                return None
            segment_start, joined_back = len(cells), False
        elif kind == "nprefix":
            pending_n = True
        elif kind == "cmp":
            pending_cmp = token
        elif kind == "run":
            assert pieces is not None
            for number in pieces:
                cell = Cell(number=number, is_n=pending_n, from_split=len(pieces) > 1)
                if pending_cmp is not None:
                    cell.qualifier = pending_cmp.raw.strip()
                    cell.qualifier_token = pending_cmp
                    pending_cmp = None
                cells.append(cell)
                pending_n = False
        elif kind == "qual":
            cells.append(Cell(qualifier=qualifier_code(token.raw), qualifier_token=token))
        elif kind in {"ci", "damaged"}:
            if attach_ci and current is not None and current.pct is not None and current.pct_ci is None:
                current.pct_ci = token  # after "27 (1.39%)" a CI is the percent's: "(0.95, 2.02)"
            elif (
                attach_ci and current is not None and current.ci is None and not current.bare_ci and not current.is_dash
            ):
                current.ci = token
            elif attach_ci:
                return None  # nothing to attach to: this reading is the same as the bare one
            else:
                cells.append(Cell(ci=token, bare_ci=True))
        elif kind == "pct" and fresh and _percent_cell_of(cells[-1] if cells else None):
            # "n | (%)" columns (LIPITOR Table 7): a cell of only "(10.9)" is the percent of the count before
            cells[-1].pct, joined_back = token, True
        elif kind == "pval" and not cells:
            cells.append(_p_value_cell(token))  # "p-valuea | p<.0001": the row's first cell
        elif kind in {"pct", "pval", "foot", "range"}:
            if not _join(current, token):
                return None
        elif kind == "dash":
            cells.append(Cell(is_dash=True))
        elif kind == "percent" and current is not None and current.number is not None and current.ci is None:
            current.percent_sign = True
        elif kind == "fmt" and current is not None and current.is_n:
            current.format = token.raw
    if segment_start is not None and len(cells) - segment_start > 1:
        return None
    while cells and cells[-1].is_dash and segment_start is not None:
        cells.pop()  # trailing empty cells say nothing
    return cells


def _p_value_cell(token: Token) -> Cell:
    """A cell of a p-value printed with its "p": "p<.0001" is < 0.0001 (the value ends the token)."""
    number = Number(token.raw, token.end - len(token.raw), token.end)
    comparison = (token.low or "=").strip()
    return Cell(number=number, qualifier=None if comparison == "=" else comparison)


def _join(current: Cell | None, token: Token) -> bool:
    """Join a percent, a p-value, a range or a footnote marker to the cell before it; False when it cannot
    take it (no cell, or one that has its percent, or a percent after a CI)."""
    if current is None:
        return False
    if token.kind == "pct":
        if current.pct is not None or current.ci is not None or current.number is None:
            return False
        current.pct = token
    elif token.kind == "pval":
        if current.p is not None or (current.number is None and current.ci is None):
            return False
        current.p = token
    elif token.kind == "range":  # "11.2 (1.1+, 18.0+)": the median's range, neither a CI nor a value
        if (
            current.range is not None
            or current.ci is not None
            or (current.number is None and current.qualifier is None)
        ):
            return False
        current.range = token
    else:  # a footnote marker
        current.feet.append(token.raw)
    return True


def qualifier_code(raw: str) -> str:
    word = raw.strip().upper()
    return {"NOT REACHED": "NR", "NOT ESTIMABLE": "NE"}.get(" ".join(word.split()), word)


def is_number(raw: str) -> bool:
    """A well-formed printed number or CI bound (maybe negative: "-30.9"); the only space allowed is
    the known damage "0. 39"."""
    return bool(table_patterns.BOUND_SHAPE.match(raw.replace(". ", ".")))


def with_ci(measurement: Measurement, cell: Cell) -> Measurement:
    ci = cell.ci
    if ci is None:
        return measurement
    if ci.kind == "damaged":
        inner = ci.raw.strip("() ")
        estimate = cell.number.raw if cell.number else None
        alternatives = tuple(_damaged_readings(inner, estimate))
        message = (
            f"CI {ci.raw} is damaged (its bounds ran together); not repaired. "
            f"Possible readings: {', '.join(f'({a.ci_low:g}, {a.ci_high:g})' for a in alternatives) or 'none'}"
        )
        return replace(
            measurement,
            ci_span=(ci.start, ci.end),
            alternatives=measurement.alternatives + alternatives,
            flags=measurement.flags + (Flag("damaged_ci", "warning", message),),
        )
    low = ci.low or ""
    high = ci.high or ""
    return replace(
        measurement,
        ci_low=to_float(low) if is_number(low) else None,
        ci_high=to_float(high) if is_number(high) else None,
        ci_low_raw=low,
        ci_high_raw=high,
        ci_span=(ci.start, ci.end),
    )


def _damaged_readings(inner: str, estimate: str | None) -> Iterator[Alternative]:
    """Readings of a CI whose separator was lost, e.g. "3.9.2" → (3.9, 9.2) or (3, 9.2)."""
    seen: set[tuple[str, str]] = set()
    candidates: list[tuple[str, str, str]] = []
    for i, char in enumerate(inner):
        if char in ".,":  # the character was the lost separator
            candidates.append((inner[:i], inner[i + 1 :], f"the '{char}' at position {i + 1} read as the separator"))
        if char.isdigit():  # a digit shared by both bounds, as when ", 9" was dropped from "3.9, 9.2"
            candidates.append(
                (
                    inner[: i + 1],
                    inner[i:],
                    f"the digit '{char}' read as the end of one bound and the start of the other",
                )
            )
    for low, high, how in candidates:
        low, high = low.strip(" ,"), high.strip(" ,")
        if not (is_number(low) and is_number(high)) or (low, high) in seen:
            continue
        seen.add((low, high))
        problems = []
        if to_float(low) > to_float(high):
            problems.append("bounds reversed")
        elif estimate is not None and not ci_contains(estimate, low, high):
            problems.append(f"excludes the estimate {estimate}")
        why = how + ("; " + ", ".join(problems) if problems else "; brackets the estimate")
        yield Alternative(None, to_float(low), to_float(high), why)


def repair_flags(cell: Cell) -> tuple[Flag, ...]:
    raw = cell.number.raw if cell.number else ""
    if ". " in raw:
        return (
            Flag(
                "repair_point_space",
                "info",
                f"read {raw!r} as {raw.replace(' ', '')} (a space after the decimal point)",
            ),
        )
    return ()


def span_of(cell: Cell) -> tuple[int, int]:
    if cell.number is not None:
        return (cell.number.start, cell.number.end)
    if cell.qualifier_token is not None:
        return (cell.qualifier_token.start, cell.qualifier_token.end)
    return (0, 0)


def inner_span(text: str, token: Token) -> tuple[int, int]:
    offset = text.find(token.raw, token.start, token.end)
    return (offset, offset + len(token.raw)) if offset >= 0 else (token.start, token.end)


def cell_value(cell: Cell) -> tuple[float | None, float | None, float | None]:
    value = cell.number.value if cell.number else None
    if (
        cell.ci is not None
        and cell.ci.kind == "ci"
        and cell.ci.low
        and cell.ci.high
        and is_number(cell.ci.low)
        and is_number(cell.ci.high)
    ):
        return (value, to_float(cell.ci.low), to_float(cell.ci.high))
    return (value, None, None)


def overlaps(a: Number, b: Number) -> bool:
    return a.start < b.end and b.start < a.end
