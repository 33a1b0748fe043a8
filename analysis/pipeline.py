"""The whole extraction for one article: text -> record with places, actors and events."""

from __future__ import annotations

from typing import Any

import pandas as pd

from .articles import Article, article_from_text
from .gazetteer import Gazetteer, load_gazetteer
from .geocode import place_record, resolve
from .mentions import find_mentions
from .schema import PLACE_FIELDS
from .text import split_sentences, tokenize


def extract_record(article: Article, *, gazetteer: Gazetteer | None = None) -> dict[str, Any]:
    """The output record of one article (see schema.RECORD_FIELDS)."""
    gaz = gazetteer or load_gazetteer()
    text = article.text
    sentences = split_sentences(text)
    tokens = tokenize(text, sentences)
    mentions = find_mentions(text, tokens=tokens, gazetteer=gaz)
    rows = resolve(mentions, text, gazetteer=gaz)
    places = [place_record(gaz, m, r) for m, r in zip(mentions, rows, strict=True)]
    return {
        "id": article.id, "date": article.date, "title": article.title, "url": article.url,
        "source": article.source, "places": places, "actors": [], "events": [],
    }


def find_places(text: str, *, date: str | None = None) -> pd.DataFrame:
    """Find and resolve the places of a text: one row per mention (schema.PLACE_FIELDS).

    >>> find_places("Kim left Pyongyang for Vladivostok.")["name"].tolist()
    ['Pyongyang', 'Vladivostok']
    """
    record = extract_record(article_from_text(text, date=date))
    return pd.DataFrame(record["places"], columns=list(PLACE_FIELDS))
