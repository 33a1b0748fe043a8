"""georelations: news articles to places, actors, coded events, maps, networks and reports."""

from __future__ import annotations

__version__ = "0.1.0"
