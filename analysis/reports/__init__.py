"""Reports: `runner` (papermill runs of the notebooks), `kernel` (the notebook kernel), `display`
(helpers the notebooks call) and `html` (the self-contained pages and the index)."""
