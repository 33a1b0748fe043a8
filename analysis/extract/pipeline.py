"""The whole extraction for one article: a `Doc` goes through the named `STAGES`, each adding its layer
(sentences, tokens, named actors, place names, places, agents, participants, events), and `Doc.record`
serialises the layers once at the end.

>>> doc = run_stages(Doc(article_from_text("Kim left Pyongyang for Vladivostok.")))
>>> [p.name for p in doc.places]
['Pyongyang', 'Vladivostok']
"""

from __future__ import annotations

import gc
import re
import time
import traceback
import warnings
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from analysis.errors import InputWarning
from analysis.extract._token_index import forget_indices
from analysis.extract.actors import ActorMention, find_actors
from analysis.extract.affiliations import affiliated
from analysis.extract.anaphora import country_anaphors, pronoun_actors
from analysis.extract.events import find_events
from analysis.extract.facilities import facility_mentions
from analysis.extract.gazetteer import Gazetteer, load_gazetteer, norm_key
from analysis.extract.geocode import place_record, resolve_placed
from analysis.extract.groups import ethnic_groups, unnamed_groups
from analysis.extract.mentions import Mention, find_mentions
from analysis.extract.organisations import organisations
from analysis.extract.participants import country_agents, described_people, participants, place_actors
from analysis.extract.records import Event, Place
from analysis.extract.text import Token, find_dateline, split_sentences, tokenize
from analysis.extract.titled import titled_people
from analysis.extract.triggers import Participant
from analysis.io.articles import Article, article_from_text
from analysis.schema import ACTOR_FIELDS, EVENT_FIELDS, PLACE_FIELDS

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["BATCH", "STAGES", "Doc", "extract_record", "extract_records", "find_actors_table", "find_events_table",
           "find_places", "run_stages"]

@dataclass
class Doc:
    """One article through extraction: its text and the layers the stages add, in stage order."""

    article: Article
    gazetteer: Gazetteer = field(default_factory=load_gazetteer)
    sentences: list[tuple[int, int]] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    named: list[ActorMention] = field(default_factory=list)  # people and institutions named in full
    mentions: list[Mention] = field(default_factory=list)  # place names; after resolution those that can act
    places: list[Place] = field(default_factory=list)  # resolved place names, in text order
    actors: list[ActorMention] = field(default_factory=list)  # named actors and agents, in text order
    participants: list[Participant] = field(default_factory=list)  # who can be an event's source or target
    events: list[Event] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.article.text

    def record(self) -> dict[str, Any]:
        """The output record (schema.RECORD_FIELDS): the layers serialised once."""
        actors = [a.record() for a in self.actors]
        actors += place_actors(self.participants, self.events, self.places, {a.start for a in self.actors})
        actors.sort(key=lambda a: a["start"])
        events = [ev.record() for ev in self.events]
        return {**self._head(), "places": [p.record() for p in self.places], "actors": actors, "events": events}

    def _head(self) -> dict[str, Any]:
        a = self.article
        return {"id": a.id, "date": a.date, "title": a.title, "url": a.url, "source": a.source}


def _sentences(doc: Doc) -> None:
    doc.sentences = split_sentences(doc.text)


def _tokens(doc: Doc) -> None:
    doc.tokens = tokenize(doc.text, doc.sentences)


def _named_actors(doc: Doc) -> None:
    doc.named = find_actors(doc.text, doc.tokens, date=doc.article.date)


def _place_names(doc: Doc) -> None:
    named = doc.named
    mentions = find_mentions(doc.text, tokens=doc.tokens, blocked=[(a.start, a.end) for a in named],
                             gazetteer=doc.gazetteer)
    # 'Kenton Hospital' is one place, in Kenton
    doc.mentions = facility_mentions(doc.text, doc.tokens, mentions, doc.gazetteer,
                                     [(a.start, a.end) for a in named if a.metonym])


def _resolution(doc: Doc) -> None:
    gaz = doc.gazetteer
    rows = resolve_placed(doc.mentions, doc.text, gazetteer=gaz, sentences=doc.sentences)
    places = [place_record(gaz, m, r) for m, r in zip(doc.mentions, rows, strict=True)]
    places += [p for a in doc.named if a.metonym and (p := _seat_place(gaz, a)) is not None]
    doc.places = sorted(places, key=attrgetter("start"))
    doc.mentions = [m for m in doc.mentions if not m.kind]  # buildings and streets take no part in events


def _agents(doc: Doc) -> None:
    text, tokens, mentions, places = doc.text, doc.tokens, doc.mentions, doc.places
    named = described_people(text, tokens, doc.named)
    agents = country_agents(text, tokens, mentions, places, named)
    agents += country_anaphors(text, tokens, mentions, places, named + agents)
    agents += unnamed_groups(text, tokens, named + agents, mentions, places)
    agents += ethnic_groups(text, tokens, doc.gazetteer, named + agents, mentions, places)
    place_tokens = [(m.first_token, m.last_token) for m in mentions]
    agents += titled_people(text, tokens, named + agents, places, place_tokens)
    agents = organisations(text, tokens, named, agents, places)
    actors = affiliated(text, tokens, sorted(named + agents, key=_START), place_tokens)
    doc.actors = sorted(actors + pronoun_actors(text, tokens, actors), key=_START)


_START = attrgetter("start")


def _participants(doc: Doc) -> None:
    found = participants(doc.text, doc.actors, doc.mentions, doc.places)
    dateline = find_dateline(doc.text)
    if dateline is not None:  # 'WASHINGTON (Reuters) -': the agency and city of the dateline do not act
        found = [p for p in found if not dateline.place_start <= p.start < dateline.end]
    doc.participants = found


def _events(doc: Doc) -> None:
    doc.events = find_events(doc.text, doc.sentences, doc.tokens, doc.participants, doc.places,
                             article_date=doc.article.date)


STAGES: tuple[tuple[str, Callable[[Doc], None]], ...] = (
    ("sentences", _sentences),
    ("tokens", _tokens),
    ("actors (named)", _named_actors),
    ("place names", _place_names),
    ("resolution", _resolution),
    ("actors (agents)", _agents),
    ("participants", _participants),
    ("events and dates", _events),
)
"""The stages of an extraction in order, by name: each reads the layers of the stages before it."""
PLACES_STAGE = "resolution"
"""The stage after which a spent time budget ends the extraction (the places and named actors are kept)."""


def run_stages(doc: Doc, *, until: str | None = None) -> Doc:
    """Run the stages on a document (up to and including the stage named `until`); the document."""
    for name, stage in STAGES:
        stage(doc)
        if name == until:
            break
    return doc


def extract_record(article: Article, *, gazetteer: Gazetteer | None = None,
                   budget: float | None = None) -> dict[str, Any]:
    """The output record of one article (see schema.RECORD_FIELDS).

    With a `budget` (seconds), the stages after the one that spends it are skipped: the record holds
    the places (and named actors) found so far, says why in `incomplete`, and an InputWarning is issued.
    """
    (result,) = _extract_batch([article], gazetteer or load_gazetteer(), budget)
    _warn_incomplete([result], stacklevel=3)
    if isinstance(result, Exception):
        raise result
    return result


BATCH = 32
"""Articles that `extract_records` takes through the stages together."""


def extract_records(articles: Iterable[Article], *, gazetteer: Gazetteer | None = None,
                    budget: float | None = None) -> Iterator[dict[str, Any] | Exception]:
    """The records of many articles, in order, each as `extract_record` makes it; an article whose
    extraction fails gives its exception in its place, and the others go on.

    The articles go through the stages `BATCH` at a time, each stage over all of them before the next:
    a stage's code and word tables then stay in the processor's caches from one article to the next,
    which makes a corpus run faster than extracting its articles one by one (`benchmarks/bench_stages.py`
    prints both). The cyclic garbage collector is paused for a batch: the documents make no cycles (the
    frames of a failed article's traceback are cleared), and collections in their midst would only traverse
    their tokens again and again. The InputWarnings of records cut short by `budget` come after the batch's
    records.
    """
    gaz = gazetteer or load_gazetteer()
    batch: list[Article] = []
    for article in articles:
        batch.append(article)
        if len(batch) == BATCH:
            results = _extract_batch(batch, gaz, budget)
            yield from results
            _warn_incomplete(results, stacklevel=3)  # once the records are out (a warning may be an error)
            batch = []
    if batch:
        results = _extract_batch(batch, gaz, budget)
        yield from results
        _warn_incomplete(results, stacklevel=3)


def _warn_incomplete(results: list[dict[str, Any] | Exception], stacklevel: int) -> None:
    """An InputWarning for each record cut short by its time budget, at the caller's line."""
    for r in results:
        if isinstance(r, dict) and "incomplete" in r:
            warnings.warn(f"article {r['id']!r}: {r['incomplete']}", InputWarning, stacklevel=stacklevel)


def _extract_batch(articles: list[Article], gaz: Gazetteer,
                   budget: float | None) -> list[dict[str, Any] | Exception]:
    """`extract_records` of a few articles: each stage runs over the documents still going."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _run_batch([Doc(article, gaz) for article in articles], budget)
    finally:
        forget_indices()  # the documents are done: nothing is to hold their tokens now
        if enabled:
            gc.enable()


def _run_batch(docs: list[Doc], budget: float | None) -> list[dict[str, Any] | Exception]:
    """The stages over a few documents, each stage over all of them in turn."""
    results: list[dict[str, Any] | Exception | None] = [None] * len(docs)
    spent = [0.0] * len(docs)  # seconds of extraction of each article so far
    going = list(range(len(docs)))
    for name, stage in STAGES:
        for i in going:
            start = time.perf_counter()
            try:
                stage(docs[i])
            except Exception as exc:  # one bad article must not cost the others their records
                traceback.clear_frames(exc.__traceback__)  # (its frames would hold the batch in a cycle)
                results[i] = exc
            spent[i] += time.perf_counter() - start
        if name == PLACES_STAGE and budget is not None:
            for i in going:
                if results[i] is None and spent[i] > budget:
                    results[i] = _incomplete(docs[i], budget)
        going = [i for i in going if results[i] is None]
    for i in going:
        try:
            results[i] = docs[i].record()
        except Exception as exc:
            traceback.clear_frames(exc.__traceback__)
            results[i] = exc
    return [r for r in results if r is not None]


def _incomplete(doc: Doc, budget: float | None) -> dict[str, Any]:
    """The record of an article whose time budget ran out after its places were found (the caller warns)."""
    why = (f"the time budget of {budget:g} s per article ran out after the places were found; the actors "
           "are the named ones only and the events were not extracted")
    actors = sorted((a.record() for a in doc.named), key=lambda a: a["start"])
    return {**doc._head(), "places": [p.record() for p in doc.places], "actors": actors, "events": [],
            "incomplete": why}


def _seat_place(gaz: Gazetteer, actor: ActorMention) -> Place | None:
    """'the Kremlin' as a metonymic place: the institution at its own point (landmarks.tsv), else at its seat,
    the town of that name in its country (a capital before a division: the White House is not in
    Washington State)."""
    if not actor.seat:
        return None
    own = re.sub(r"^(?:the|The)\s+", "", actor.text)
    for name, kinds in ((own, _LANDMARK_KINDS), (actor.name, _LANDMARK_KINDS), (actor.seat, _TOWN_KINDS)):
        k = int(gaz.find_keys([norm_key(name)])[0]) if name else -1
        rows = [int(r) for r in gaz.rows_of_key(k) if gaz.kind_of(int(r)) in kinds
                and (not actor.country or gaz.country_of(int(r)) == actor.country)] if k >= 0 else []
        if rows:
            row = max(rows, key=lambda r: (gaz.kind_of(r) == "capital", int(gaz.population[r])))
            return Place(actor.start, actor.end, actor.text, actor.name, "institution", actor.country,
                         round(float(gaz.lat[row]), 5), round(float(gaz.lon[row]), 5), None, True)
    return None


_LANDMARK_KINDS = ("institution", "facility", "street")
_TOWN_KINDS = ("capital", "city", "admin2", "admin1")


def find_places(text: str, *, date: str | None = None) -> pd.DataFrame:
    """Find and resolve the places of a text: one row per mention (schema.PLACE_FIELDS).

    >>> find_places("Kim left Pyongyang for Vladivostok.")["name"].tolist()
    ['Pyongyang', 'Vladivostok']
    """
    import pandas as pd

    record = extract_record(article_from_text(text, date=date))
    return pd.DataFrame(record["places"], columns=list(PLACE_FIELDS))


def find_actors_table(text: str, *, date: str | None = None) -> pd.DataFrame:
    """The coded actors of a text as a DataFrame (schema.ACTOR_FIELDS)."""
    import pandas as pd

    record = extract_record(article_from_text(text, date=date))
    return pd.DataFrame(record["actors"], columns=list(ACTOR_FIELDS))


def find_events_table(text: str, *, date: str | None = None) -> pd.DataFrame:
    """The coded events of a text as a DataFrame (schema.EVENT_FIELDS)."""
    import pandas as pd

    record = extract_record(article_from_text(text, date=date))
    return pd.DataFrame(record["events"], columns=list(EVENT_FIELDS))
