"""The whole extraction for one article: text -> record with places, actors and events."""

from __future__ import annotations

from typing import Any

import pandas as pd

from .actors import ActorMention, agent_after, find_actors
from .articles import Article, article_from_text
from .events import Participant, find_events
from .gazetteer import Gazetteer, load_gazetteer, norm_key
from .geocode import place_record, resolve
from .mentions import Mention, find_mentions
from .schema import ACTOR_FIELDS, EVENT_FIELDS, PLACE_FIELDS
from .text import Token, split_sentences, tokenize

_COUNTRY_KINDS = ("country", "demonym")


def extract_record(article: Article, *, gazetteer: Gazetteer | None = None) -> dict[str, Any]:
    """The output record of one article (see schema.RECORD_FIELDS)."""
    gaz = gazetteer or load_gazetteer()
    text = article.text
    sentences = split_sentences(text)
    tokens = tokenize(text, sentences)
    named = find_actors(text, tokens, date=article.date)
    mentions = find_mentions(text, tokens=tokens, blocked=[(a.start, a.end) for a in named], gazetteer=gaz)
    rows = resolve(mentions, text, gazetteer=gaz)
    places = [place_record(gaz, m, r) for m, r in zip(mentions, rows, strict=True)]
    places += [p for a in named if a.metonym and (p := _seat_place(gaz, a)) is not None]
    places.sort(key=lambda p: p["start"])
    agents = _agents(text, tokens, mentions, places)
    actors = sorted(named + agents, key=lambda a: a.start)
    participants = _participants(text, actors, mentions, places)
    events = find_events(text, sentences, tokens, participants, places, article_date=article.date)
    acting = {(ev["source_text"], ev["source"]) for ev in events} | {(ev["target_text"], ev["target"]) for ev in events}
    actor_records = [a.record() for a in actors]
    actor_records += [{"start": p.start, "end": p.end, "text": p.text, "code": p.code, "name": p.text,
                       "country": p.country, "sector": None}
                      for p in participants if (p.text, p.code) in acting and len(p.code) == 3
                      and not any(a.start == p.start for a in actors)]
    actor_records.sort(key=lambda a: a["start"])
    for ev in events:
        ev.pop("source_text", None)
        ev.pop("target_text", None)
    return {
        "id": article.id, "date": article.date, "title": article.title, "url": article.url,
        "source": article.source, "places": places, "actors": actor_records, "events": events,
    }


def _seat_place(gaz: Gazetteer, actor: ActorMention) -> dict[str, Any] | None:
    """'the Kremlin' as a metonymic place: the institution at the coordinates of its seat."""
    if not actor.seat:
        return None
    k = int(gaz.find_keys([norm_key(actor.seat)])[0])
    if k < 0:
        return None
    rows = [int(r) for r in gaz.rows_of_key(k) if not actor.country or gaz.country_of(int(r)) == actor.country]
    if not rows:
        return None
    row = max(rows, key=lambda r: int(gaz.population[r]))
    return {"start": actor.start, "end": actor.end, "text": actor.text, "name": actor.name, "kind": "institution",
            "country": actor.country, "lat": round(float(gaz.lat[row]), 5), "lon": round(float(gaz.lon[row]), 5),
            "geonameid": None, "metonymic": True}


def _agents(text: str, tokens: list[Token], mentions: list[Mention], places: list[dict[str, Any]]
            ) -> list[ActorMention]:
    """'U.S. officials', 'Russian troops', "North Korea's leader": a country word and an agent noun."""
    out = []
    by_start = {p["start"]: p for p in places}
    for m in mentions:
        p = by_start.get(m.start)
        if p is None or p["kind"] not in _COUNTRY_KINDS or not p["country"]:
            continue
        found = agent_after(tokens, m.last_token + 1, text)
        if found is None:
            continue
        sector, last = found
        end = tokens[last].end
        code = p["country"] + sector
        out.append(ActorMention(m.start, end, text[m.start:end], code, text[m.start:end], p["country"], sector,
                                "agent", m.first_token, last))
    return out


def _participants(text: str, actors: list[ActorMention], mentions: list[Mention], places: list[dict[str, Any]]
                  ) -> list[Participant]:
    """Actors, countries and metonymic capitals that can be the source or target of an event."""
    out = [Participant(a.start, a.end, a.first_token, a.last_token, a.text, a.code, a.country,
                       text[a.end:a.end + 2] in ("'s", "’s")) for a in actors]
    covered = [(a.start, a.end) for a in actors]
    by_start = {p["start"]: p for p in places}
    for m in mentions:
        p = by_start.get(m.start)
        if p is None or not p["country"] or any(s <= m.start < e for s, e in covered):
            continue
        if p["kind"] in _COUNTRY_KINDS:
            code = p["country"]
        elif p["metonymic"]:
            code = p["country"] + "GOV"
        else:
            continue
        out.append(Participant(m.start, m.end, m.first_token, m.last_token, m.text, code, p["country"],
                               text[m.end:m.end + 2] in ("'s", "’s")))
    return sorted(out, key=lambda q: q.start)


def find_places(text: str, *, date: str | None = None) -> pd.DataFrame:
    """Find and resolve the places of a text: one row per mention (schema.PLACE_FIELDS).

    >>> find_places("Kim left Pyongyang for Vladivostok.")["name"].tolist()
    ['Pyongyang', 'Vladivostok']
    """
    record = extract_record(article_from_text(text, date=date))
    return pd.DataFrame(record["places"], columns=list(PLACE_FIELDS))


def find_actors_table(text: str, *, date: str | None = None) -> pd.DataFrame:
    """The coded actors of a text as a DataFrame (schema.ACTOR_FIELDS)."""
    record = extract_record(article_from_text(text, date=date))
    return pd.DataFrame(record["actors"], columns=list(ACTOR_FIELDS))


def find_events_table(text: str, *, date: str | None = None) -> pd.DataFrame:
    """The coded events of a text as a DataFrame (schema.EVENT_FIELDS)."""
    record = extract_record(article_from_text(text, date=date))
    return pd.DataFrame(record["events"], columns=list(EVENT_FIELDS))
