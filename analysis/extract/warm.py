"""Warm-up for worker processes: importing this module loads the gazetteer and the lexicons.

The process pool's fork server imports it once (`multiprocessing` forkserver preload), so every worker
starts as a fork that already holds them, shared copy-on-write, instead of loading them itself.
"""

from __future__ import annotations

from analysis._resources import compiled_loaders
from analysis.extract import pipeline  # noqa: F401 - imports every stage, and so registers its lexicon loaders
from analysis.extract.gazetteer import load_gazetteer


def load_reference_data() -> None:
    """Load the gazetteer and every compiled lexicon of the extraction stages."""
    load_gazetteer()
    for load in compiled_loaders():
        load()


try:
    load_reference_data()
except Exception:  # noqa: BLE001 - a worker's own extraction reports the problem with its context
    pass
