"""The dashboard's building blocks, streamlit-free: highlighted HTML, tables and plotly figures.

`highlight` escapes every character of untrusted text into HTML marks (also used by the HTML
report); `frames` shapes records into tables; `figures` draws them; `messages` makes text from a
file safe to show as Markdown; `isolate` checks an article in a worker process with a time budget
(it alone calls the pipeline, through the public API). May import records, report and text;
nothing in the pipeline imports this package.
"""
