"""The names of a header's column groups: the cells that span the arms they group.

Groups are populations ("HR+ Cohort", "TPS ≥50%"), trials ("RECORD 1") or analyses ("Primary
Analysis"). They are printed over the arms or, in some tables, on the row below them, and with
their cells kept they are those cells. Flattened, the group names have to be cut apart again:

- where the case changes across a glued boundary: "All PatientsCPS≥1CPS≥10";
- before a word each name starts with: "STAGE II-IIIA POPULATION STAGE IB-IIIA POPULATION",
  "All Patients CPS≥1 CPS≥10" (the first name may differ);
- after a word that ends a group's name: "HR+ Cohort Overall Population (HR+ and HR- Cohorts)".

A cut never falls inside parentheses: "(HR+ and HR- Cohorts)" is one name's.
"""

from __future__ import annotations

import functools
import itertools

from extractors.ingest import grids as structured
from extractors.read.tables.cells import line_start
from extractors.text import vocabulary
from extractors.text.patterns import captions as caption_patterns
from extractors.text.patterns import flattened as flattened_patterns
from extractors.text.patterns import table_labels as table_label_patterns
from extractors.text.patterns import tables as table_patterns

MAX_LABELS_ABOVE = 200  # characters before the first arm where a flattened header prints its group names
MAX_GROUP_WORDS = 5  # words of a flattened group name that spans arms without repeating them: "Paclitaxel Subgroup"
MAX_LABELS_BELOW = 160  # characters after the arms where group names may be printed: three CPS cut-offs take 30


def labels_above(text: str, zone_start: int, first: int, count: int, before_stub: bool = False) -> list[str] | None:
    """``count`` group names printed over the arms, between the header's zone start and the first arm;
    flattened, those after the stub over the row labels ("Efficacy Parameter HR+ Cohort …"), or
    with ``before_stub`` those before it ("STAGE II-IIIA POPULATION … Efficacy Parameter")."""
    if text.startswith(f"{structured.SEPARATOR} ", line_start(text, first)):
        for line in reversed(_lines(text, zone_start, line_start(text, first) - 1)):
            labels = _cells_as_labels(line, count)
            if labels is not None:
                return labels
        return None
    numbered = _numbered_run(text[max(zone_start, first - MAX_LABELS_ABOVE) : first], count)
    if numbered is not None:
        return numbered
    zone = str(table_patterns.SENTENCE_END.split(text[max(zone_start, first - MAX_LABELS_ABOVE) : first])[-1])
    stubs = list(table_patterns.STUB_WORDS.finditer(zone))
    if before_stub:
        return split_labels(zone[: stubs[-1].start()], count) if stubs else None
    return split_labels(zone[stubs[-1].end() :] if stubs else zone, count)


def named_groups(labels: list[str] | None) -> list[str] | None:
    """``labels`` when each is a group's name as the label prints it: it starts with a letter or a
    figure, is no stub over the row labels, does not run on into the next ("Number of") and names no
    between-arm statistic. Flattened, "Population Number of events/Total N (%) IDFS at 3 year (%, 95%
    CI) Unstratified HR (95% CI)" over two arm pairs (PERJETA Table 11) heads kinds of statistic: cut
    at its stub words it gives "/" and "Total N (%) … HR (95% CI)", or "Population" and "Number of"."""
    if labels is None:
        return None
    for label in labels:
        if (
            not label[:1].isalnum()
            or table_patterns.STUB_LABEL.match(label)
            or table_patterns.ARM_JOINER_BEFORE.search(label)
            or any(pattern.search(label) for _, pattern in table_patterns.BETWEEN_LABELS)
        ):
            return None
    return labels


def spanning_labels(text: str, zone_start: int, first: int) -> list[str] | None:
    """With cells kept, the named cells of the row just over the arm row when its first cell, over the
    row labels, is empty ("|  | Combined Results | Paclitaxel Subgroup | AC Subgroup |") or a stub
    ("| Efficacy Parameter | Intermediate/Poor-Risk |", YERVOY Table 26); not a row of Ns or values, nor
    a stub alone ("| Body System Adverse Reaction |  |  |")."""
    lines = _lines(text, zone_start, line_start(text, first) - 1)
    if not lines:
        return None
    cells = _cells_of(lines[-1])
    arm_row_end = text.find("\n", first)
    arm_row = _cells_of(text[line_start(text, first) : arm_row_end if arm_row_end >= 0 else len(text)])
    # a row with as many cells as the arm row spans nothing: "|  |  |  | HR |" heads the HR column
    if len(cells) < 2 or len(cells) >= len(arm_row):
        return None
    if cells[0] and not table_patterns.STUB_LABEL.match(cells[0]):
        return None
    named = [cell for cell in cells[1:] if cell]
    if not named or any(pattern.match(cell) for cell in named for _, pattern in table_patterns.BETWEEN_LABELS):
        return None
    return _cells_as_labels(lines[-1], len(named))


def flattened_spanning_labels(text: str, zone_start: int, first: int, arms: int) -> list[str] | None:
    """Flattened, the names of column groups whose arms do not repeat, printed just before the first
    arm: the whole zone (after the notes and any stub) must be names, each capitalised and ending
    with a group's word, and each group must span the same number of arms, two or more ("Combined
    Results Paclitaxel Subgroup AC Subgroup" over six arms, HERCEPTIN Table 11)."""
    zone = str(table_patterns.SENTENCE_END.split(text[max(zone_start, first - MAX_LABELS_ABOVE) : first])[-1])
    stubs = list(table_patterns.STUB_WORDS.finditer(zone))
    zone = " ".join((zone[stubs[-1].end() :] if stubs else zone).split())
    ends = [m.end() for m in flattened_patterns.GROUP_NAME_END.finditer(zone)]
    if not ends or ends[-1] != len(zone):
        return None
    labels = [zone[a:b].strip() for a, b in itertools.pairwise([0, *ends])]
    if len(labels) < 2 or arms % len(labels) or arms // len(labels) < 2:
        return None
    if any(not label[:1].isupper() or len(label.split()) > MAX_GROUP_WORDS for label in labels):
        return None  # a note or a caption's words, not a row of group names
    return labels


def _cells_of(line: str) -> list[str]:
    """A rendered row's cells, a name printed over each column it spans given once ("| | Study UC-I |
    Study UC-I | Study UC-II | Study UC-II |", an SPL cell spanning columns; see `grids.lay_out`)."""
    cells = [" ".join(cell.split()) for cell in line.strip().strip(structured.SEPARATOR).split(structured.SEPARATOR)]
    return structured.spanned_once(cells)


def _numbered_run(zone: str, count: int) -> list[str] | None:
    """The last ``count`` numbered names of one word printed next to each other in ``zone``, the
    trials a flattened header groups its arms by ("RECORD 1 RECORD 2", "ADVANCE-1ADVANCE-2"); a
    note before them may name one of them too ("… period of RECORD 2")."""
    runs: list[list[str]] = []
    previous_end, previous_word = -1, None
    for match in table_patterns.NUMBERED_NAME.finditer(zone):
        if runs and match.group("word") == previous_word and not zone[previous_end : match.start()].strip():
            runs[-1].append(match.group(0))
        else:
            runs.append([match.group(0)])
        previous_end, previous_word = match.end(), match.group("word")
    return runs[-1] if runs and len(runs[-1]) == count else None


def labels_below(text: str, end: int, count: int) -> tuple[list[str], int] | None:
    """``count`` group names printed just after the arms' items ("All Patients | CPS≥1 | CPS≥10"),
    and where they end, when nothing else comes first."""
    row_start = line_start(text, end)
    if text.startswith(f"{structured.SEPARATOR} ", row_start):
        line_end = text.find("\n", row_start)
        line_end = len(text) if line_end < 0 else line_end
        labels = _cells_as_labels(text[row_start:line_end], count)
        return (labels, line_end) if labels is not None else None
    stop = min(len(text), end + MAX_LABELS_BELOW)
    endpoint = vocabulary.find_endpoint(text[end:stop])
    if endpoint is None:
        return None
    zone = text[end : end + endpoint[1]]
    if table_patterns.HEADER_N.search(zone):
        return None
    labels = split_labels(zone, count)
    return (labels, end + len(zone.rstrip())) if labels is not None else None


def _lines(text: str, start: int, end: int) -> list[str]:
    return [line for line in text[start:end].split("\n") if line.startswith(f"{structured.SEPARATOR} ")]


def _cells_as_labels(line: str, count: int) -> list[str] | None:
    """The non-empty cells of a rendered row as ``count`` names; a stub over the row labels
    ("Efficacy Parameter") is not one."""
    cells = _cells_of(line)
    named = [cell for cell in cells if cell]
    if len(named) == count + 1 and (table_patterns.STUB_LABEL.match(named[0]) or cells[0] == named[0]):
        named = named[1:]
    if len(named) != count or any(table_patterns.HEADER_N.search(cell) or not cell[0].isalpha() for cell in named):
        return None  # a row of values or of Ns, not of names
    return named


def split_labels(zone: str, count: int) -> list[str] | None:
    """``zone`` (group names run together, flattened) cut into ``count`` names, or None."""
    zone = " ".join(zone.replace(structured.SEPARATOR, " ").split())
    if not zone:
        return None
    depth = _depths(zone)
    ways = (
        _glued_cuts(zone, depth),
        _repeated_word_cuts(zone, depth, count),
        _head_noun_cuts(zone, depth),
        _repeated_word_cuts(zone, depth, count, loose=True),  # of two names, any word may start the second
    )
    for cuts in ways:
        if cuts is not None and len(cuts) == count - 1:
            edges = [0, *cuts, len(zone)]
            labels = [zone[a:b].strip(" ,;") for a, b in itertools.pairwise(edges)]
            if all(labels):
                return labels
    return None


def _depths(zone: str) -> list[int]:
    """The parenthesis depth at each position of ``zone``."""
    depths, depth = [], 0
    for char in zone:
        depth += char == "("
        depths.append(depth)
        depth -= char == ")" and depth > 0
    return depths


def _glued_cuts(zone: str, depth: list[int]) -> list[int] | None:
    cuts = [m.start() for m in table_patterns.GLUED_BOUNDARY.finditer(zone, 1) if depth[m.start()] == 0]
    return cuts or None


def _repeated_word_cuts(zone: str, depth: list[int], count: int, loose: bool = False) -> list[int] | None:
    """Cuts before a word that starts every name, or every name but the first when it starts two or
    more ("All Patients CPS≥1 CPS≥10"). Of two names any word but the first starts "every name but the
    first": only ``loose``, once a group's word has not cut them ("HR+ Cohort Overall Population (…)" is
    cut after "Cohort", "All Adverse Reactionsa Grade 3/4 Adverse Reactionsb" before "Grade")."""
    starts: dict[str, list[int]] = {}
    for match in table_patterns.HEADER_WORD.finditer(zone):
        at = match.start()
        if depth[at] == 0 and (at == 0 or not zone[at - 1].isalnum()) and len(match.group(0)) >= 2:
            starts.setdefault(match.group(0), []).append(at)
    for places in starts.values():
        if len(places) == count and places[0] == 0:
            return places[1:]
        if len(places) == count - 1 and places[0] > 0 and (count > 2 or loose):
            return places
    return None


def _head_noun_cuts(zone: str, depth: list[int]) -> list[int] | None:
    """Cuts after a word that ends a group's name ("Cohort", "Population"), where a name follows."""
    cuts = []
    for match in table_patterns.GROUP_HEAD_NOUN.finditer(zone):
        at = match.end()
        if depth[match.start()] == 0 and at < len(zone) and zone[at:].lstrip()[:1] not in {"(", ""}:
            cuts.append(at)
    return cuts or None


def event_kind(group: str | None) -> bool:
    """Whether a column group names a kind of event, not patients: "Major/Minor | Fatal" over the arms
    of a table of bleeding rates whose rows are subgroups ("Weight <60 kg")."""
    return bool(group) and table_label_patterns.EVENT_KIND_GROUP.match((group or "").strip()) is not None


@functools.lru_cache(maxsize=1024)  # asked for each cell under a column group (issue 13)
def trial_and_population(group: str | None, trials: frozenset[str]) -> tuple[str | None, str | None]:
    """(trial, population) a column group names: "RECORD 1" and "Maintenance Study 1" are trials, "COMPASS PAD" a
    trial's population, "HR+ Cohort" a population, "Primary Analysis" neither. A group is a trial's when its first word is a trial the
    label introduces, and not a biomarker or an endpoint ("BRCA2", "IDFS" are introduced too)."""
    if group and table_patterns.ANALYSIS_GROUP.match(group.strip()):
        return None, None  # "Primary Analysis": the measurement's analysis, said apart
    program = table_patterns.GROUP_PROGRAM_STUDY.match(group.strip()) if group else None
    if program is not None:  # "Study UC-I", "CD-II": a study of the label's program, named so only here
        return program.group("name"), program.group("rest") or None
    if group and table_patterns.GROUP_STUDY_NAME.match(group.strip()):
        return group.strip(), None  # "Maintenance Study 1": the trial its arms were randomized in, whole
    if event_kind(group):
        return None, None  # "Major/Minor": the cell's endpoint, its row the population (rows.py)
    words = group.split() if group else []
    numbered = len(words) > 1 and words[1].isdigit()  # "RECORD 1", introduced as "RECORD" or "RECORD 1"
    families = {trial.split()[0] for trial in trials if trial.split()}  # "RECORD 1" introduces "RECORD"
    introduced = bool(words) and (words[0] in trials or (numbered and words[0] in families))
    if not introduced or caption_patterns.POPULATION_QUALIFIER.search(group or ""):
        return None, group
    if vocabulary.find_endpoint(words[0]) is not None:
        return None, group
    size = 2 if numbered else 1
    return " ".join(words[:size]), " ".join(words[size:]) or None
