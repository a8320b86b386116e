"""Text shared by every step: `patterns` (every regular expression), `vocabulary` (the data files,
loaded and validated), `names` (drugs, arms, trials), `repairs` (known damage to words),
`numbers` (the one reader of printed numbers), `reach` (how far each reading rule looks) and
`qualifiers` (a population's stage, prior therapy and biomarker, from ``data/scope.json``).

Imports nothing of trialproof's outside this package.
"""
