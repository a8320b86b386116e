"""Read the results a label states in sentences rather than tables.

"At the protocol-specified final analysis of OS, the median OS was 12.6 months for patients
randomized to VOTRIENT and 10.7 months for the placebo arm [HR = 0.87 (95% CI: 0.67, 1.12)]."
The label is read sentence by sentence in one pass: the statement reader (`read.statements`) turns
each sentence into measurements, and what the sentences before it said (the trial, its design and
arms, the endpoint) arrives in the scene (`read.discourse`). Sentences inside tables already read
are skipped: their numbers were read as cells.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from extractors.read import discourse
from extractors.read.context import arm_names, brand_of, trials_introduced
from extractors.read.scene import Scene
from extractors.read.statements import prose_after, prose_start, read_statements
from extractors.records import Measurement, Source
from extractors.text import budget
from extractors.text.sentences import sentence_spans


def extract_prose(source: Source, already: Sequence[Measurement] = ()) -> list[Measurement]:
    """Measurements stated in the prose of ``source``, skipping text ``already`` read from tables."""
    text = source.text
    taken = sorted((m.span[0], m.span[1]) for m in already)
    scene = label_scene(source)
    found: list[Measurement] = []
    try:
        _read_sentences(text, taken, scene, found)
    except budget.STOPPED:
        budget.stop()  # the budget ran out: what was read stands, the document is flagged
    return found


def _read_sentences(text: str, taken: list[tuple[int, int]], scene: Scene, found: list[Measurement]) -> None:
    """Each sentence's measurements appended to ``found`` as it is read (so a stop keeps them)."""
    for start, end in sentence_spans(text):
        budget.check(start)
        sentence = text[start:end]
        scene = discourse.before_sentence(scene, sentence, line_ends=text.startswith("\n", end))
        first = bisect.bisect_left(taken, (start, start))
        last = bisect.bisect_left(taken, (end, end))
        if first < last:
            # a flattened table, its numbers read as cells; scraped text may run on into prose
            # ("… 5.1 (4.3, 7.0) With an additional 4.6 months of follow-up, the hazard ratio …")
            cells_end = max(cell_end for _, cell_end in taken[first:last]) - start
            offset = prose_after(sentence, cells_end) if cells_end < len(sentence) else None
        else:
            offset = prose_start(sentence)
        if offset is None:
            continue  # flattened table text no table reading covered: cells are not sentences
        found += read_statements(sentence[offset:], start + offset, scene)
        scene = discourse.after_sentence(scene, sentence, paragraph_ends=text.startswith("\n", end))


def label_scene(source: Source) -> Scene:
    """What a label's sentences are read against: its drug (brand first, then generic) and the arm
    names it uses."""
    if source.kind == "spl-xml":  # its title opens "These highlights do not include …": the product it names
        brand = brand_of(source)
    else:  # an openFDA title or a pasted label's first line: its first word when it is a name
        first = source.title.split()[0] if source.title.split() else None
        brand = first if first and first.isalpha() and len(first) > 3 else None
    drugs = tuple(name for name in (brand, source.drug) if name)
    return Scene(
        source=source.id,
        arms=tuple(arm_names(source, len(source.text))),
        experimental=drugs[0] if drugs else None,
        drugs=drugs,
        trials=trials_introduced(source.text),
    )
