"""The dashboard's building blocks, streamlit-free: highlighted HTML, tables and plotly figures.

`highlight` escapes every character of untrusted text into HTML marks (also used by the HTML
report); `frames` shapes records into tables; `figures` draws them; `isolate` reads labels and
checks articles in worker processes with a time limit (it alone calls the pipeline, through the
public API). May import records, report and text; nothing in the pipeline imports this package.
"""
