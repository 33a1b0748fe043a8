"""Load and index the bundled reference data (GeoNames places, countries, Natural Earth boundaries).

The Parquet tables in `analysis/data` are the source of truth. For speed and a small memory
footprint the extractor works on a compact array index built from them: sorted fixed-width name
keys searched with `numpy.searchsorted`, and one numpy array per place attribute. The index is
built once and kept in a cache folder (`$GEOREL_CACHE_DIR`, else `$XDG_CACHE_HOME/georelations`,
else `~/.cache/georelations`) under the hash of the data, so later processes map it in
milliseconds; when the folder is not writable it is built in memory.
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import numpy as np

from analysis._resources import cache_dir, data_path, read_arrays, read_cache, read_table, store_cache, write_arrays
from analysis.errors import ReferenceDataError
from analysis.extract._cached import Remembered

if TYPE_CHECKING:
    import geopandas as gpd
    import pandas as pd

KINDS = ("country", "admin1", "admin2", "city", "capital", "region", "continent", "water", "institution", "facility",
         "street")
NAME_KINDS = ("demonym", "name", "abbr", "alt")
MAX_NAME_TOKENS = 6
KEY_BYTES = 48
MAX_KNOWN_KEYS = 200_000
_ABBREV = re.compile(r"\b(st|ste|ft|mt)\.?(?= )|(?<= )(co|twp)\.?$")
_ABBREVIATED_BEFORE_SPACE = ("t ", "t. ", "te ", "te. ")  # what 'st', 'ste', 'ft' and 'mt' end on before a word
_ABBREVIATED_AT_END = (" co", " co.", " twp", " twp.")
_ARRAY_NAMES = ("gid", "name_blob", "name_offsets", "kind", "country", "admin1", "lat", "lon", "population", "keys",
                "start", "end", "key_kind", "rows", "row_kind", "country_codes", "admin1_names", "common_words")
NAME_ABBREVIATIONS = {"st": "saint", "ste": "sainte", "ft": "fort", "mt": "mount", "co": "county", "twp": "township"}


@functools.lru_cache(maxsize=1 << 16)
def norm_key(name: str) -> str:
    """Normalise a name for look-up: no accents, lower case, one space, 'St.' -> 'saint'.

    >>> norm_key("St. Louis")
    'saint louis'
    >>> norm_key("Bogotá")
    'bogota'
    """
    text = name.replace("’", "'")
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = " ".join(text.lower().replace("-", " ").split())
    if " " in text and (text.endswith(_ABBREVIATED_AT_END) or any(map(text.__contains__, _ABBREVIATED_BEFORE_SPACE))):
        # an abbreviation _ABBREV reads is there (what it reads before a space or at the end)
        text = _ABBREV.sub(lambda m: NAME_ABBREVIATIONS[m.group(1) or m.group(2)], text)
    return text


@dataclass(eq=False)
class Gazetteer:
    """Places and their names as numpy arrays, indexed for fast look-up.

    Row `i` of every per-place array describes one place (GeoNames feature, country, region).
    `keys` holds the sorted normalised names; `rows[start[k]:end[k]]` are the places of key `k`,
    `row_kind` says for each of them how it carries the name (index into NAME_KINDS: demonym, primary
    name, abbreviation, alternate name) and `key_kind[k]` is the strongest of those.
    """

    gid: np.ndarray
    name_blob: np.ndarray
    name_offsets: np.ndarray
    kind: np.ndarray
    country: np.ndarray
    admin1: np.ndarray
    lat: np.ndarray
    lon: np.ndarray
    population: np.ndarray
    keys: np.ndarray
    start: np.ndarray
    end: np.ndarray
    key_kind: np.ndarray
    rows: np.ndarray
    row_kind: np.ndarray
    country_codes: tuple[str, ...]
    admin1_names: tuple[str, ...]
    common_words: frozenset[str]
    _known: dict[str, int] = field(default_factory=dict, init=False, repr=False)  # find_keys' answers so far
    # `goes_on[words]`: whether a name goes on after these words (see `_goes_on`), remembered
    goes_on: Remembered = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.goes_on = Remembered(self._goes_on, MAX_KNOWN_KEYS)

    def __len__(self) -> int:
        return len(self.gid)

    def name(self, row: int) -> str:
        """The GeoNames name of the place at a row."""
        return bytes(self.name_blob[self.name_offsets[row]:self.name_offsets[row + 1]]).decode("utf-8")

    def kind_of(self, row: int) -> str:
        return KINDS[int(self.kind[row])]

    def country_of(self, row: int) -> str:
        return self.country_codes[int(self.country[row])]

    def admin1_of(self, row: int) -> str:
        return self.admin1_names[int(self.admin1[row])]

    def find_keys(self, keys: Sequence[str]) -> np.ndarray:
        """Key numbers of normalised names (-1 where a name is not in the gazetteer)."""
        return np.array(self.key_numbers(keys), dtype=np.int64)

    def key_numbers(self, keys: Sequence[str]) -> list[int]:
        """`find_keys` as a list. Answers are remembered (up to MAX_KNOWN_KEYS names): the words of a
        corpus repeat."""
        known = self._known
        found = list(map(known.get, keys))
        if None not in found:
            return found  # type: ignore[return-value]  # (no None in it)
        new = set(keys).difference(known)
        if new:
            if len(known) + len(new) > MAX_KNOWN_KEYS:
                known.clear()
                new = set(keys)
            # the fixed-width keys padded with NULs as numpy pads them, joined in one buffer (numpy's own
            # conversion of a list of bytes costs a few microseconds per key)
            width = KEY_BYTES + 1
            probe = np.frombuffer(b"".join(k.encode("utf-8")[:width].ljust(width, b"\0") for k in new), f"S{width}")
            pos = np.minimum(np.searchsorted(self.keys, probe), len(self.keys) - 1)
            known.update(zip(new, np.where(self.keys[pos] == probe, pos, -1).tolist(), strict=True))
        return list(map(known.__getitem__, keys))

    def _goes_on(self, words: str) -> bool:
        """Whether the gazetteer has a name that goes on after these words (its key starts with their key and a
        space): when it has none, no longer run of words from the same first word is a name. The key of the words
        followed by another word is that of the words followed by any word ('St' before a word is 'saint')."""
        prefix = norm_key(f"{words} x")[:-1].encode("utf-8")
        if len(prefix) >= KEY_BYTES:
            return False  # (a longer key is not in the index)
        pos = int(np.searchsorted(self.keys, np.frombuffer(prefix.ljust(KEY_BYTES + 1, b"\0"), f"S{KEY_BYTES + 1}"))[0])
        return pos < len(self.keys) and bytes(self.keys[pos]).startswith(prefix)

    def key_span(self, k: int) -> tuple[int, int]:
        """Where the rows of key `k` begin and end in `rows` and `row_kind`."""
        return self.start[k].item(), self.end[k].item()

    def rows_of_key(self, k: int) -> np.ndarray:
        return self.rows[self.start[k]:self.end[k]]

    def row_kinds_of_key(self, k: int) -> np.ndarray:
        """For each row of a key, how the place carries that name (index into NAME_KINDS)."""
        return self.row_kind[self.start[k]:self.end[k]]

    def record(self, row: int) -> dict[str, Any]:
        """The place at a row as a plain dict (gid, name, kind, country, admin1, lat, lon, population)."""
        return {
            "gid": int(self.gid[row]), "name": self.name(row), "kind": self.kind_of(row),
            "country": self.country_of(row), "admin1": self.admin1_of(row),
            "lat": float(self.lat[row]), "lon": float(self.lon[row]), "population": int(self.population[row]),
        }

    def candidates(self, name: str) -> pd.DataFrame:
        """All places called `name`, the name's famous referent first: places that carry it as their own
        name before those with it as an alternate ('White House' before Casablanca), then by population
        weighted by kind (a country, capital or landmark before a bigger division: Washington, D.C.
        before the state)."""
        import pandas as pd

        k = int(self.find_keys([norm_key(name)])[0])
        cols = ["gid", "name", "kind", "country", "admin1", "lat", "lon", "population"]
        if k < 0:
            return pd.DataFrame(columns=cols)
        rows = self.rows_of_key(k)
        out = pd.DataFrame([self.record(int(r)) for r in rows], columns=cols)
        out["name_kind"] = [NAME_KINDS[int(x)] for x in self.row_kinds_of_key(k)]
        fame = np.log10(out["population"].to_numpy(float) + 10) + [_LOOKUP_WEIGHT.get(x, 0.0) for x in out["kind"]]
        out["_rank"] = -fame + 10 * (out["name_kind"] == "alt")
        out = out.sort_values("_rank", kind="stable").drop(columns="_rank").drop_duplicates("gid")
        return out.reset_index(drop=True)


_LOOKUP_WEIGHT = {"country": 4.0, "capital": 3.0, "institution": 3.0, "facility": 3.0, "street": 3.0,
                  "continent": 3.0, "region": 3.0, "water": 3.0, "admin1": 1.0}


def _source_files() -> list[Path]:
    return [data_path(n) for n in ("places.parquet", "place_names.parquet", "common_words.tsv")]


def _data_hash() -> str:
    h = hashlib.sha256(b"format 2: plain arrays")
    for path in _source_files():
        st = path.stat()
        h.update(f"{path.name}:{st.st_size}:{int(st.st_mtime)}".encode())
    return h.hexdigest()[:16]


def _compile() -> dict[str, np.ndarray]:
    """Build the array index from the Parquet tables."""
    import pyarrow.parquet as pq

    places = pq.read_table(data_path("places.parquet"))
    names = pq.read_table(data_path("place_names.parquet"))
    gid = places.column("gid").to_numpy()
    enc = [s.encode("utf-8") for s in places.column("name").to_pylist()]
    offsets = np.zeros(len(enc) + 1, np.int64)
    offsets[1:] = np.cumsum([len(b) for b in enc])
    blob = np.frombuffer(b"".join(enc), dtype=np.uint8)
    kind = np.array([KINDS.index(k) for k in places.column("kind").to_pylist()], np.int8)
    countries_col = places.column("country").to_pylist()
    country_codes = sorted(set(countries_col))
    ccode = {c: i for i, c in enumerate(country_codes)}
    admin1_col = places.column("admin1").to_pylist()
    admin1_names = sorted(set(admin1_col))
    acode = {a: i for i, a in enumerate(admin1_names)}

    keys = [k.encode("utf-8") for k in names.column("key").to_pylist()]
    ok = np.array([len(k) <= KEY_BYTES for k in keys])
    karr = np.array(keys, dtype=f"S{KEY_BYTES + 1}")[ok]
    rows = np.searchsorted(gid, names.column("gid").to_numpy())[ok].astype(np.int32)
    nkind = np.array([NAME_KINDS.index(k) for k in names.column("name_kind").to_pylist()], np.int8)[ok]
    order = np.argsort(karr, kind="stable")  # the build sorts by key already; keep it robust
    karr, rows, nkind = karr[order], rows[order], nkind[order]
    new = np.flatnonzero(np.concatenate(([True], karr[1:] != karr[:-1])))
    import pandas as pd

    common = sorted(pd.read_csv(data_path("common_words.tsv"), sep="\t", keep_default_na=False)["word"])
    return {
        "gid": gid.astype(np.int64), "name_blob": blob, "name_offsets": offsets, "kind": kind,
        "country": np.array([ccode[c] for c in countries_col], np.int16),
        "admin1": np.array([acode[a] for a in admin1_col], np.int32),
        "lat": places.column("lat").to_numpy().astype(np.float64),
        "lon": places.column("lon").to_numpy().astype(np.float64),
        "population": places.column("population").to_numpy().astype(np.int64),
        "keys": karr[new], "start": new.astype(np.int32),
        "end": np.append(new[1:], len(karr)).astype(np.int32), "key_kind": nkind[new], "rows": rows,
        "row_kind": nkind,
        "country_codes": np.array(country_codes, dtype=str),
        "admin1_names": np.array(admin1_names, dtype=str),
        "common_words": np.array(common, dtype=str),
    }


def _read_index(fh: IO[bytes]) -> dict[str, np.ndarray]:
    """The arrays of a cached index (plain dtypes only, mapped read-only from the file)."""
    arrays = read_arrays(fh)
    missing = set(_ARRAY_NAMES) - set(arrays)
    if missing:
        raise ValueError(f"cache lacks {sorted(missing)}")
    return arrays


def _from_arrays(arrays: dict[str, np.ndarray]) -> Gazetteer:
    fields = {k: v for k, v in arrays.items() if k not in ("country_codes", "admin1_names", "common_words")}
    return Gazetteer(
        **fields,
        country_codes=tuple(str(c) for c in arrays["country_codes"]),
        admin1_names=tuple(str(a) for a in arrays["admin1_names"]),
        common_words=frozenset(str(w) for w in arrays["common_words"]),
    )


@functools.lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """Load the bundled gazetteer (cached on disk and in the process)."""
    path = cache_dir() / f"gazetteer-{_data_hash()}.arrays"
    cached = read_cache(path, _read_index)
    if cached is not None:
        return _from_arrays(cached)
    try:
        arrays = _compile()
    except (OSError, ValueError) as exc:
        raise ReferenceDataError(f"cannot read the bundled gazetteer ({exc}); reinstall georelations") from None
    store_cache(path, lambda fh: write_arrays(fh, arrays))
    return _from_arrays(arrays)


@functools.lru_cache(maxsize=1)
def countries() -> pd.DataFrame:
    """Countries: iso2, iso3, name, continent, population, lat, lon, capital, capital_lat, capital_lon."""
    return read_table("countries.tsv", dtype={"iso2": str, "iso3": str})


def places() -> pd.DataFrame:
    """The whole gazetteer as a DataFrame (one row per place)."""
    import pandas as pd

    return pd.read_parquet(data_path("places.parquet"))


def boundaries() -> gpd.GeoDataFrame:
    """Natural Earth admin-0 polygons at 1:50m (columns iso3, name, geometry; EPSG:4326)."""
    import geopandas as gpd

    return gpd.read_parquet(data_path("boundaries_ne50m.parquet"))


def lookup(name: str, *, gazetteer: Gazetteer | None = None) -> pd.DataFrame:
    """Candidates for a place name, most populous first.

    >>> lookup("Vladivostok").loc[0, "country"]
    'RUS'
    """
    return (gazetteer or load_gazetteer()).candidates(name)
