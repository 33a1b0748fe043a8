"""Corpora: `run` (extraction runs), `engines` (process pool, Dask), `sinks` (output, resumption),
`tables` (Parquet), `selection` (date and country filters) and `aggregate` (counts across articles)."""
