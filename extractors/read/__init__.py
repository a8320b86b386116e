"""Reading a label: its text → `Measurement` records, each with the characters it was read from.

`tables` reads label tables (flattened or with their cells kept), `prose` the results stated in
sentences, `context` what both need to know around a passage (the trial, its NCT id, the arms,
the randomization ratio); `pipeline.extract` runs them and then the consistency checks.

Imports records, text and ingest.grids; only `pipeline` imports checks, the step after reading.
"""
