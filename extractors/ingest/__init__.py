"""Files → records: labels (openFDA JSON, SPL XML, HTML, text) → `Source`; articles (text, Markdown,
HTML, JATS) → `Article`; table markup → grids. Reading is bounded and every refusal is one
`InputError` line. May import records and text only.
"""
