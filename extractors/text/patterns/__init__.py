"""Every regular expression trialproof uses, compiled once, built from the named pieces in `pieces`.

One module per kind of text read: `tables` and `table_labels` (label tables), `prose` (label prose),
`statements`, `rates` and `no_results` (results sentences), `text` (repairs, spaces, document kinds) and the modules
of later steps. Each pattern has a real example above
it. Nothing outside this package compiles a pattern; patterns built from data files (arm and drug
names, vocabularies) are built by `build` and cached. Every pattern is held to the document's
reading budget (`timed`, `extractors.text.budget`). Patterns fixed by the code and the data are
compiled through `stored`, which keeps them between runs as Python keeps bytecode (parsing them
is a third of a small command's time). This package imports nothing of trialproof's but its own
pieces and the budget.
"""
