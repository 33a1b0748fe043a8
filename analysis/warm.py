"""Warm-up for worker processes: importing this module loads the gazetteer and the lexicons.

The process pool's fork server imports it once (`multiprocessing` forkserver preload), so every worker
starts as a fork that already holds them, shared copy-on-write, instead of loading them itself.
"""

from __future__ import annotations

from . import pipeline  # noqa: F401 - imports every stage, and so registers its lexicon loaders
from .gazetteer import load_reference_data

try:
    load_reference_data()
except Exception:  # noqa: BLE001 - a worker's own extraction reports the problem with its context
    pass
