"""What a passage of a label is about, read from the text around it: the trial and its NCT id, the
arms patients were randomized to, and the randomization ratio. Tables and prose both read it.
"""

from __future__ import annotations

import functools

from extractors.read import scene as scenes
from extractors.records import Source
from extractors.text import names, reach, vocabulary
from extractors.text.patterns import build
from extractors.text.patterns import prose as prose_patterns
from extractors.text.patterns import tables as table_patterns


def arm_names(source: Source, table_start: int) -> list[str]:
    """Names an arm column may carry: the drug, its brand, control arms, and arms the prose names."""
    known = set(vocabulary.control_arms())
    if source.drug:
        known.update({source.drug.lower(), source.drug.split()[0].lower()})
    brand = brand_of(source)
    if brand:
        known.add(brand.lower())
    known.update(name for at, name in _randomized_arms(source.text) if at < table_start)
    known -= {"the", "a", "an", "either", "receive", "one"}
    return sorted(known, key=len, reverse=True)


def brand_of(source: Source) -> str | None:
    """The label's brand name: the first word of an openFDA title ("Enhertu 20230208"), the
    capitalised name an SPL title marks ("… ELIQUIS® (apixaban) tablets")."""
    marked = prose_patterns.BRAND_IN_TITLE.search(source.title)
    if marked:
        return str(marked.group("brand"))
    first = source.title.split()[0] if source.kind == "openfda-json" and source.title.split() else ""
    return first if first.isalpha() and len(first) > 3 else None


@functools.lru_cache(maxsize=4)
def _randomized_arms(text: str) -> tuple[tuple[int, str], ...]:
    """Each arm the text says patients were randomized to, with where it is first said; read once
    per text, and a few names however long the text, so each table looks through these only."""
    first_said: dict[str, int] = {}
    for match in prose_patterns.RANDOMIZED_TO.finditer(text):
        for name in (match.group("first").lower(), match.group("second").lower()):
            first_said.setdefault(name, match.start())
    return tuple((at, name) for name, at in first_said.items())


def trial_for(text: str, table_start: int, caption: str) -> tuple[str | None, str | None]:
    """The trial a table reports (named in its caption, else the last one named before it) and its NCT id."""
    parameters = set(vocabulary.parameters())  # "… yield similar reductions in LDL-C": a note's quantity, no trial
    ways = (prose_patterns.CAPTION_TRIAL, table_patterns.CAPTION_THE_TRIAL)
    found = [
        name
        for _, name in sorted((match.start(), match.group("name")) for way in ways for match in way.finditer(caption))
        if name.lower() not in parameters
    ]
    # a numbered study is a trial's name whatever word follows "in" later ("Study 5: … in First-Line Treatment")
    numbered = [m.group("acronym") or m.group("name") for m in table_patterns.CAPTION_NUMBERED_STUDY.finditer(caption)]
    named = numbered or found
    if named and not numbered and not known_names(found, text):
        # "Table 1 - Non-CABG related bleeds (PLATO)": the dash names no trial, the parentheses do
        in_parentheses = [m.group("name") for m in prose_patterns.CAPTION_PAREN_TRIAL.finditer(caption)]
        named = known_names(in_parentheses, text) or named
    if not named:  # "Efficacy Results for the PACIFIC Study", "… (PLATO)": a name the label introduces as a trial
        known = _trials_introduced(text)
        ways = (prose_patterns.CAPTION_FOR_TRIAL, prose_patterns.CAPTION_PAREN_TRIAL)
        named = [
            name
            for _, name in sorted((m.start(), m.group("name")) for way in ways for m in way.finditer(caption))
            if name in known
        ]
    trial = named[-1] if named else None
    if trial is None:
        lookback = max(0, table_start - reach.before("trial_of_table"))
        for match in names.trial_introductions(text, lookback, table_start):
            name = names.trial_name(match)
            if _may_name_trial(name):  # "a difference in IDFS was observed": no trial
                trial = name
    return trial, nct_of(text, trial) if trial else None


def known_names(names: list[str], text: str) -> list[str]:
    """Those of ``names`` the text introduces as trials, in their order."""
    known = _trials_introduced(text)
    return [name for name in names if name in known]


def trials_introduced(text: str) -> frozenset[str]:
    """The names the text introduces as trials ("evaluated in PACIFIC", "(ADAURA [NCT02511106])")."""
    return _trials_introduced(text)


@functools.lru_cache(maxsize=4)
def _trials_introduced(text: str) -> frozenset[str]:
    """The names the text introduces as trials ("evaluated in PACIFIC", "(ADAURA [NCT02511106])"),
    not an endpoint introduced the same way ("an improvement in IDFS was demonstrated")."""
    introduced = {name for _, _, name in _introductions(text)}
    return frozenset(name for name in introduced if _may_name_trial(name))


@functools.lru_cache(maxsize=4)
def _introductions(text: str) -> tuple[tuple[int, int, str], ...]:
    """Each introduction of a trial in the text, in order: (start, end, the trial's name). Found in
    one pass over the text, for both the trials it names and their NCT ids (`_TrialNcts`): each
    read the whole text for them (a label's text read 2.3 times over the corpus)."""
    return tuple((match.start(), match.end(), names.trial_name(match)) for match in names.trial_introductions(text))


def _may_name_trial(name: str) -> bool:
    """Not an endpoint ("IDFS") nor a score or an abbreviation named like a trial ("improvement in
    PASI", "in CDAI": statements.json "not_trials")."""
    return not vocabulary.endpoint_mentions(name) and not scenes.phrases("not_trials").fullmatch(name)


@functools.lru_cache(maxsize=256)
def nct_of(text: str, trial: str) -> str | None:
    """The NCT id printed with a trial where it is introduced ("evaluated in VEG110727, a … trial
    (NCT00753688)"): the first id after the name, before any other trial is named."""
    return _trial_ncts(text).nct_of(trial)


class _TrialNcts:
    """A text's trial → NCT id facts, read once per text rather than once per table: each trial's
    id printed right after its name ("ADAURA [NCT02511106]"), else the first id after an
    introduction of the trial and before the next trial is introduced."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.adjacent: dict[str, str | None] = {}
        self.introduced: dict[str, str] = {}
        introductions = _introductions(text)
        for index, (_, end, trial) in enumerate(introductions):
            if trial in self.introduced:
                continue  # the first introduction that prints an id wins
            stop = introductions[index + 1][0] if index + 1 < len(introductions) else len(text)
            found = prose_patterns.NCT_ID.search(text, end, min(stop, end + reach.after("nct_id")))
            if found:
                self.introduced[trial] = str(found.group(0))

    def nct_of(self, trial: str) -> str | None:
        if trial not in self.adjacent:
            adjacent = build.nct_after(trial).search(self.text)  # "ADAURA [NCT02511106]"
            self.adjacent[trial] = str(adjacent.group(1)) if adjacent else None
        return self.adjacent[trial] or self.introduced.get(trial)


@functools.lru_cache(maxsize=4)
def _trial_ncts(text: str) -> _TrialNcts:
    return _TrialNcts(text)


def randomization_ratio(text: str, table_start: int) -> tuple[int, int] | None:
    ratio = None
    lookback = max(0, table_start - reach.before("randomization_ratio"))
    for match in prose_patterns.RANDOMIZATION_RATIO.finditer(text, lookback, table_start):
        a, b = match.group("a") or match.group("a2"), match.group("b") or match.group("b2")
        if int(a) and int(b):  # "2:0" shares nothing between two arms: not a ratio to score Ns against
            ratio = (int(a), int(b))
    return ratio


@functools.lru_cache(maxsize=4)
def study_names(text: str) -> dict[str, str]:
    """The name each numbered study goes by where the label prints both ("Study 1 (PALOMA-2)"):
    {"Study 1": "PALOMA-2"}. Articles cite a trial by its name, a label's captions by its number."""
    named: dict[str, str] = {}
    for match in prose_patterns.STUDY_NAMED.finditer(text):
        number = " ".join((match.group("number") or match.group("number2")).split())
        named.setdefault(number, match.group("name") or match.group("name2"))
    return named
