"""Many documents at once: inputs expanded, one function per document, any executor, a results store.

- `inputs`: files, folders (recursively) and glob patterns → the documents to read;
- `runner`: `check_document`, the per-document function (bytes in, report out, no shared state),
  and `run_jobs`, which feeds it to an executor (in-process, a process pool or a Dask cluster)
  and yields outcomes as they are done;
- `facts`: a label file's set id, version, effective date and brand name;
- `labels`: labels fetched by name from openFDA or DailyMed into a cache, and found there again;
- `store`: outcomes written to DuckDB, keyed by content hash and trialproof version;
- `session`: the batch commands as the command line runs them (progress, streaming, exit codes).

This package imports the pipeline (`ingest`, `read`, `verdicts`, `report`) and `records`; nothing in
the pipeline imports it. duckdb, dask, tqdm and the network are imported only where used.
"""
