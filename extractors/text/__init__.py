"""Text shared by every step: `patterns` (every regular expression), `vocabulary` (the data files,
loaded and validated), `names` (drugs, arms, trials), `repairs` (known damage to words) and
`numbers` (the one reader of printed numbers).

Imports nothing of trialproof's outside this package.
"""
