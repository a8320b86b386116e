"""Text shared by every step: `patterns` (every regular expression), `vocabulary` (the data files,
loaded and validated), `names` (drugs, arms, trials), `repairs` (known damage to words),
`numbers` (the one reader of printed numbers), `reach` (how far each reading rule looks),
`qualifiers` (a population's stage, prior therapy and biomarker, from ``data/scope.json``) and
`budget` (the time a document may take to read, which every pattern is held to).

Imports nothing of trialproof's outside this package.
"""
