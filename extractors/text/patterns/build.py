"""Patterns built from data (names, vocabularies) or from a document's own names (its arms, its
trials), compiled once per distinct input and cached: the data files' without bound, a
document's in a bounded cache so a long-running dashboard does not grow without end.
"""

from __future__ import annotations

from functools import cache, lru_cache

import regex

from extractors.text.patterns import stored, timed
from extractors.text.patterns.pieces import COUNT, HEADER_DRUG
from extractors.text.patterns.tables import ARM_DESCRIPTION, N_AFTER_ARM

# Any dash a printed phrase may carry where a vocabulary phrase has a hyphen.
PHRASE_DASH = "[-‐‑‒–—]"
ANY_PHRASE_DASH = stored.compile(PHRASE_DASH)

_Trie = dict[str, "_Trie"]
_END = ""  # the key marking that a phrase ends at a node of the trie


def longest_first(phrases: tuple[str, ...], flags: int, *, any_dash: bool = False) -> str:
    """The alternation of ``phrases``, longest first, as a pattern body (no group around it); with
    ``any_dash`` a hyphen matches any dash (`PHRASE_DASH`).

    The phrases are merged into a trie ("progression(?:[-‐‑‒–—]free survival|)"), so the matcher
    reads a shared beginning once instead of trying each of ~100 phrases at every position (the
    endpoint vocabulary's pattern runs about twice as fast). It matches exactly what the plain longest-first alternation matches: at
    one position the phrases that match are beginnings of one another, and the trie tries the
    longer ones first, as the plain one does, because each node tries its branches before the
    phrase that ends there. That holds only when no two branches of a node can match the same
    character (under ``flags``, with case folded), so a trie where two can ("µ" and "μ" under
    IGNORECASE) gives way to the plain alternation.
    """
    ordered = sorted(phrases, key=len, reverse=True)
    root: _Trie = {}
    ignore_case = bool(flags & regex.IGNORECASE)  # once, not an enum operation per character
    for phrase in ordered:
        node = root
        for character in phrase:
            folded = ignore_case and character.isascii()
            node = node.setdefault(character.lower() if folded else character, {})
        node[_END] = {}

    def piece(key: str) -> str:
        return PHRASE_DASH if any_dash and key == "-" else regex.escape(key)

    def disjoint(node: _Trie) -> bool:
        keys = [key for key in node if key != _END]
        variants = {key: {key, key.lower(), key.upper(), key.casefold()} for key in keys}
        return all(
            not any(_one_matches(piece(key), variant, flags) for variant in variants[other] if len(variant) == 1)
            for key in keys
            for other in keys
            if other != key
        ) and all(disjoint(child) for child in node.values())

    def body(node: _Trie) -> str:
        branches = [piece(key) + body(child) for key, child in node.items() if key != _END]
        if len(branches) == 1 and _END not in node:
            return branches[0]
        if not branches:
            return ""
        return "(?:" + "|".join(branches) + ("|" if _END in node else "") + ")"

    if not disjoint(root):
        plain = (regex.escape(phrase) for phrase in ordered)
        return "|".join(part.replace(r"\-", PHRASE_DASH) if any_dash else part for part in plain)
    return body(root)


@lru_cache(maxsize=4096)
def _one_matches(piece: str, character: str, flags: int) -> bool:
    """Whether ``piece`` (one character, escaped, or `PHRASE_DASH`) matches ``character`` under
    ``flags``. `longest_first` asks it of every pair of branches of every node of a trie, the same
    few pairs of characters over and over (~13,000 asks for the 36 drug aliases); each ask of the
    regex module costs ~25 µs in looking up its cache of compiled patterns, a kept answer nothing.
    One character against one: the answers are bounded by the characters names are made of."""
    return regex.fullmatch(piece, character, flags) is not None


@cache
@timed.held
def any_word(words: tuple[str, ...]) -> regex.Pattern[str]:
    """Any of ``words`` (phrases allowed) on word boundaries, case-insensitive, longest first:
    ``any_word(("placebo", "chemotherapy"))`` finds "Placebo" in "Placebo (N = 123)"."""
    return stored.compile(r"\b(?:" + longest_first(words, regex.I) + r")\b", regex.I)


@cache
def any_word_or_plural(words: tuple[str, ...]) -> regex.Pattern[str]:
    """`any_word`, a plural allowed after each word: "headaches", "upper respiratory infections",
    "rashes" are the reactions "headache", "upper respiratory infection", "rash"."""
    return stored.compile(r"\b(?:" + longest_first(words, regex.I) + r")(?:e?s)?\b", regex.I)


@cache
@timed.held
def phrase_with_footnote_key(phrases: tuple[str, ...], *, median_prefix: bool = False) -> regex.Pattern[str]:
    """Any of ``phrases`` (group ``phrase``), longest first, not inside a word, case-insensitive; a
    plural may follow ("complete responses") and a footnote key may be glued to it: "Progression-Free
    Survivala", "PFSb". With ``median_prefix``, an abbreviation may follow an abstract's lower-case
    "m" for median: "mOS 14.4 vs 11.1 mo", "mDoR 9.5 vs 6.9 mo" (never "mos", months)."""
    # a hyphen in a phrase matches any dash: labels print "Invasive Disease–Free Survival (IDFS)"
    alternatives = longest_first(phrases, regex.IGNORECASE, any_dash=True)
    # "mOS": a lower-case m, itself not inside a word, right before a capital
    start = r"(?:(?<![A-Za-z])|(?<=(?<![A-Za-z])(?-i:m))(?=(?-i:[A-Z])))" if median_prefix else r"(?<![A-Za-z])"
    return stored.compile(
        rf"{start}(?P<phrase>{alternatives})(?:e?s(?![A-Za-z]))?(?:(?-i:[a-h])(?![A-Za-z]))?(?![A-Za-z])",
        regex.IGNORECASE,
    )


Pattern = regex.Pattern[str]


@cache
@timed.held
def ending_with(phrases: tuple[str, ...]) -> regex.Pattern[str]:
    """Any of ``phrases`` right at the end of a text, allowing spaces: "aged 65" is read by
    ``ending_with(("aged",)).search(text, endpos=start_of_65)``."""
    body = longest_first(phrases, regex.I)
    return stored.compile(rf"(?<![\w])(?P<phrase>{body})\s{{0,3}}$", regex.I)


@cache
@timed.held
def starting_with(phrases: tuple[str, ...]) -> regex.Pattern[str]:
    """Any of ``phrases`` right at a position, after spaces: ``match(text, pos)`` reads what follows a number
    (a pattern anchored with ``match``, so ``^`` is not needed and would not match at ``pos``)."""
    body = longest_first(phrases, regex.I)
    return stored.compile(rf"\s{{0,3}}(?P<phrase>{body})(?![\w])", regex.I)


@lru_cache(maxsize=256)
@timed.held
def arm_named(arm: str) -> regex.Pattern[str]:
    """``arm`` named as an arm, not as the design: "placebo" in "or placebo", not in
    "placebo-controlled". Case as given (the checks look in case-folded text)."""
    return regex.compile(rf"\b{regex.escape(arm)}\b(?!-controlled)")


def _known_arm(arms: tuple[str, ...]) -> str:
    """An arm the label names; a footnote mark glued to a name in capitals is the cell's: "HUMIRAc
    N=274", "HUMIRAa,b"."""
    known = "|".join(regex.escape(a) for a in arms)
    return rf"(?:{known})(?-i:(?<=[A-Z]{{3}})[a-f](?:,[a-f]){{0,2}}(?=[ \t]))?(?-i:(?![a-z]))"


# An arm the prose did not name, known by the N printed after it: "TAGRISSO (N=233)"; an all-capitals
# name may be glued to the word before it ("ParameterTAGRISSO"), and keeps its footnote mark ("MTXb
# N=257"). Possessive: a space or "(" must follow the name, which no character given back could be.
_UNNAMED_ARM = rf"""(?-i:[A-Z]{{2}}[A-Z0-9+-]*+(?:(?<=[A-Z]{{3}})[a-f](?:,[a-f]){{0,2}})?|[A-Z][a-z0-9+-]{{2,}}+)
    (?=(?:{ARM_DESCRIPTION})?{N_AFTER_ARM})"""


@lru_cache(maxsize=64)
@timed.held
def arm_header(arms: tuple[str, ...]) -> regex.Pattern[str]:
    """One arm name of a table header (group ``name``), with what describes it and its N (groups
    ``description``, ``n``, ``count``): "TAGRISSO (N=233)", "EGFR TKI (gefitinib or erlotinib)
    (N=277)", "Pazopanib" of "PazopanibPlacebo". ``arms`` are the names the label gives its arms,
    longest first; a name it does not give is an arm when an N follows it (`arm_header_ways`: the
    three ways of ``name``)."""
    return regex.compile(
        rf"""(?i)(?P<name>
              {_known_arm(arms)}
              # a drug by its INN stem, which a header may name without the prose: "Cetuximab", "Bevacizumab"
            | {HEADER_DRUG}
            | {_UNNAMED_ARM}
            )
            (?P<description>{ARM_DESCRIPTION}(?={N_AFTER_ARM}))?   # "EGFR TKI (gefitinib or erlotinib) (N=277)"
            # its N, unless a row of Ns follows ("Chemotherapy n=180 n=181 n=179": those are every arm's)
            (?P<n>\s*\(?\s*[Nn]\s*=\s*(?P<count>{COUNT})\s*\)?(?!\s*\(?\s*[Nn]\s*=))?""",
        regex.VERBOSE,
    )


@lru_cache(maxsize=64)
@timed.held
def arm_header_ways(arms: tuple[str, ...]) -> tuple[regex.Pattern[str], ...] | None:
    """The three ways `arm_header` finds an arm's name (a name the label gives, a drug by its stem,
    a name with an N after it), each alone, in its order: where one matches, `arm_header` matches,
    for what follows the name is optional (`text.names.alternation_matches`). Searched apart they
    skip the characters no way starts at; the alternation tries every way at every character (1.7x
    slower over the corpus's table headers). None when a name is empty (a way could match nothing)."""
    if not all(arms):
        return None
    ways = (_known_arm(arms), HEADER_DRUG, _UNNAMED_ARM)
    return tuple(regex.compile(rf"(?i){way}", regex.VERBOSE) for way in ways)


@lru_cache(maxsize=256)
@timed.held
def nct_after(trial: str) -> regex.Pattern[str]:
    """``trial``'s name with its NCT id right after it (group 1): "ADAURA [NCT02511106]",
    "VEG110727 (NCT00753688)"."""
    return regex.compile(rf"\b{regex.escape(trial)}\b\W{{0,4}}(NCT\d{{8}})")


@cache
@timed.held
def any_phrase(phrases: tuple[str, ...], glue: str = "") -> regex.Pattern[str]:
    """Any of ``phrases`` (group ``phrase``), longest first, case-insensitive, touching no word
    character and none of ``glue`` (characters for a class), even where a phrase starts or ends with
    a symbol ("ifn+ara-c", "cps ≥"): ``any_phrase(("age",), "/")`` finds "age" in "median age of 55"
    but not in "age/sex"; with glue "-", "metastatic" is not read inside "non-metastatic"."""
    body = longest_first(phrases, regex.I)
    return stored.compile(rf"(?<![\w{glue}])(?P<phrase>{body})(?![\w{glue}])", regex.I)


@lru_cache(maxsize=1024)
@timed.held
def standalone(name: str) -> regex.Pattern[str]:
    """``name`` as printed, not inside a longer name or hyphenated word: "AURA3" in "the AURA3
    study", not in "AURA32"; "gefitinib" in "EGFR TKI (gefitinib or erlotinib)"."""
    return regex.compile(rf"(?<![\w-]){regex.escape(name)}(?![\w-])")


# A trial's name split into its family and its number: "DESTINY-Breast04" → "DESTINY-Breast", "04";
# "MONARCH 3" → "MONARCH ", "3".
TRIAL_FAMILY = stored.compile(r"^(?P<family>[A-Za-z][\w -]{2,40}?[A-Za-z][ -]?)(?P<number>\d{1,4}[A-Za-z]?)$")


@lru_cache(maxsize=256)
@timed.held
def siblings(trial: str) -> regex.Pattern[str] | None:
    """Another trial of ``trial``'s family, with another number: "DESTINY-Breast06" beside the
    label's "DESTINY-Breast04", "MONARCH 2" beside "MONARCH 3"; None for a name without a number."""
    parts = TRIAL_FAMILY.match(trial)
    if parts is None:
        return None
    family, number = _as_printed(parts.group("family")), regex.escape(parts.group("number"))
    return regex.compile(rf"(?<![\w-]){family}{NAME_GAP}(?!{number}(?![\w-]))\d{{1,4}}[A-Za-z]?(?![\w-])", regex.I)


@lru_cache(maxsize=1024)
@timed.held
def trial_named(name: str) -> regex.Pattern[str]:
    """A trial's name as an article may print it: "CheckMate-816" for the label's "CHECKMATE-816".
    Only a name with a digit is matched in any case; "PACIFIC", "CARDS" or "LAURA" in lower case are
    words, not the trial."""
    if any(character.isdigit() for character in name):
        return regex.compile(rf"(?<![\w-]){_as_printed(name)}(?![\w-])", regex.I)
    return standalone(name)


# Where a numbered trial's name may be printed otherwise than the label prints it: a dash, a space or
# nothing between its words and before its number ("CheckMate 067", "CheckMate-067" and
# "CHECKMATE067" for the label's "CHECKMATE-067"; "DESTINY Breast04" for "DESTINY-Breast04").
NAME_GAP = r"[-‐‑‒–—\s]?"
NAME_BREAK = stored.compile(r"[-‐‑‒–—\s]+|(?<=[A-Za-z])(?=\d)")


def _as_printed(name: str) -> str:
    """``name`` as a pattern body matching it with any gap at its breaks (`NAME_GAP`)."""
    return NAME_GAP.join(regex.escape(piece) for piece in NAME_BREAK.split(name) if piece)


@lru_cache(maxsize=1024)
@timed.held
def with_plural(form: str) -> regex.Pattern[str]:
    """``form`` as printed, maybe in the plural, not inside a word: "leiomyosarcoma" in
    "leiomyosarcomas", "sts" in "metastatic sts subgroup"."""
    return regex.compile(rf"(?<!\w){regex.escape(form)}(?:e?s)?(?!\w)")


@lru_cache(maxsize=1024)
@timed.held
def printed_number(value: str) -> regex.Pattern[str]:
    """The number ``value`` as printed, not part of a longer number: "1.6" in "4.6 vs 1.6 months",
    not in "11.6" or "1.65"."""
    return regex.compile(rf"(?<![\d.]){regex.escape(value)}(?![\d]|\.\d)")


@lru_cache(maxsize=1024)
@timed.held
def whole_name(name: str) -> regex.Pattern[str]:
    """``name`` not inside a word, case-insensitive: "GIST" in "patients with GIST", "VOTRIENT"
    in "VOTRIENT (pazopanib) tablets"."""
    return regex.compile(rf"(?<!\w){regex.escape(name)}(?!\w)", regex.I)


@lru_cache(maxsize=256)
@timed.held
def abbreviated(name: str) -> regex.Pattern[str]:
    """``name`` with the abbreviation a label defines for it (group ``abbreviation``), in the text
    ("soft tissue sarcoma (STS)") or in a table's glossary ("STS, soft tissue sarcoma", "STS = …")."""
    name = regex.escape(name)
    abbreviation = r"(?P<abbreviation>(?-i:[A-Z][A-Za-z0-9-]{1,9}))"
    return regex.compile(
        rf"(?<!\w){name}\s{{0,2}}\({abbreviation}\)|(?<!\w){abbreviation}\s{{0,2}}[,=:]\s{{0,2}}{name}(?!\w)",
        regex.I,
    )


@lru_cache(maxsize=1024)
@timed.held
def word_start(word: str) -> regex.Pattern[str]:
    """A word beginning with ``word``: "leiomyosarcoma" in "Leiomyosarcoma, n=49" (lower-cased first)."""
    return regex.compile(rf"\b{regex.escape(word)}")


@cache
def heading_prefix(headings: tuple[str, ...]) -> regex.Pattern[str]:
    """A row-group heading at the start of a row label, followed by the row's own name (group
    ``name``): "Gastrointestinal DisordersDiarrhea", "General Fatigue", "Respiratory, Thoracic, and
    Mediastinal Disorders Cough". A MedDRA system organ class ends in "Disorders", "Conditions",
    "Infestations" or "Complications"; ", and" and " and" are the same."""
    phrases = []
    for heading in sorted(headings, key=len, reverse=True):
        words = [regex.escape(word) for word in heading.replace(",", " ").split()]
        phrases.append(r"[ \t]{0,2},?[ \t]{1,2}".join(words).replace(r"[ \t]{0,2},?[ \t]{1,2}and", r",?[ \t]{1,2}and"))
    return stored.compile(
        rf"""^(?:[^|\n]{{0,90}}\b(?:disorders|conditions|infestations|complications)\b
        |(?:{"|".join(phrases)})(?:[ \t]{{1,2}}disorders)?)
        (?:[ \t]{{0,2}}:)?(?:[ \t]{{1,2}}|(?-i:(?<=[a-z])(?=[A-Z])))(?P<name>\S.*)$""",
        regex.IGNORECASE | regex.VERBOSE,
    )


@cache
@timed.held
def parameter_cell(phrases: tuple[str, ...]) -> regex.Pattern[str]:
    """One column header of a table whose rows are arms, after the bar or spaces before it (or none
    when flattened): "LDL-C" of "Treatment GroupLDL-CNon-HDL-C". Longest phrase first, so "Non-HDL-C"
    is not read as "HDL-C"; a lower-case letter after it means the phrase is only the start of a word."""
    # a hyphen may be printed non-breaking: "LDL‑C" (U+2011, LIPITOR Table 9)
    alternatives = "|".join(regex.escape(p).replace(r"\-", "[-\u2011]") for p in sorted(phrases, key=len, reverse=True))
    return regex.compile(
        rf"[ \t|]{{0,4}}(?P<name>{alternatives})(?!(?-i:[a-z]))[ \t]{{0,2}}",  # e.g. " | Apo B "
        regex.IGNORECASE,
    )
