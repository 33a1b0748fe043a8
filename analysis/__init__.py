"""georelations: news articles to places, actors, coded events, maps, networks and reports.

The stages, one module each:

- reading: `articles` (files, records, the date header), `decoding` (bytes to text), `html_text`
  (text of HTML pages), `io` (atomic writes, JSONL), `sources` (inputs of a corpus, in chunks);
- finding and resolving: `text` (sentences, tokens), `gazetteer` (reference data index), `mentions`
  (place names), `geocode` (disambiguation), `actors` (people, institutions, agents), `timex` (dates);
- events: `clauses` (triggers and their clauses), `roles` (who acts on whom), `events` (coding,
  modality, attribution, deduplication), `pipeline` (one article -> one record);
- tables and pictures: `records`, `frames`, `geometry`, `network`, `plot` (map), `network_plot`,
  `timeline_plot`, `figure_style`, `cartography`, `export`, `gdelt`;
- corpora: `corpus` (extraction runs), `engines` (process pool, Dask), `tables` (Parquet), `sinks`
  (output, resumption), `selection` (date and country filters), `aggregate`, `corpus_plot`;
- reports: `reports` (papermill runs), `report_kernel`, `report_html`, `report_display`;
- and `cli`, `errors` (one error hierarchy), `schema` (column names), `warm` (worker warm-up).
"""

from __future__ import annotations

__version__ = "0.1.0"
