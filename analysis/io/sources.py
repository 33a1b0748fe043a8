"""The article reader: the inputs of a corpus as a stream of items (articles with where they were read,
or bad inputs), in order and one record at a time, and the stream cut into numbered chunks.

    for item in iter_items(["corpus/", "more/*.jsonl"]): ...

Inputs are files, folders (searched recursively for article files, hidden ones skipped), glob patterns
(expanded here, so quoting them works) and '-' for standard input. Each format is read by
`analysis.io._formats`; ids are made unique across the inputs ('x', 'x-2', with an InputWarning).
"""

from __future__ import annotations

import glob
import itertools
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from analysis.errors import InputError
from analysis.io._article import BadRecord, Item, Located, UniqueIds
from analysis.io._formats import read_source

__all__ = ["ARTICLE_SUFFIXES", "BadRecord", "Chunker", "Item", "Located", "expand_inputs", "iter_items",
           "iter_sources"]

ARTICLE_SUFFIXES = (".txt", ".jsonl", ".csv", ".tsv", ".html", ".htm")
"""The files a folder is searched for (a `.json` file is read when named explicitly)."""
_GLOB_CHARS = frozenset("*?[")


def iter_items(inputs: str | Path | Iterable[str | Path]) -> Iterator[Item]:
    """Stream the articles (as `Located`) and bad inputs (as `BadRecord`) of the inputs, in order."""
    return iter_sources(expand_inputs(inputs))


def iter_sources(sources: Iterable[str | Path | BadRecord]) -> Iterator[Item]:
    """The items of already expanded inputs (see `expand_inputs`), in order, with unique article ids."""
    ids = UniqueIds()
    for src in sources:
        if isinstance(src, BadRecord):
            yield src
            continue
        try:
            for item in read_source(src):
                yield ids.claim(item) if isinstance(item, Located) else item
        except InputError as err:
            yield BadRecord.from_error(err)


def expand_inputs(inputs: str | Path | Iterable[str | Path]) -> Iterator[str | Path | BadRecord]:
    """The files to read, in order: folders searched recursively (hidden files skipped), glob patterns
    expanded, '-' for standard input. Problems come as BadRecord items: an empty name, a path that
    cannot be looked at (a too long name, a folder without access), a pattern or folder without
    articles, an unreadable subfolder."""
    for item in [inputs] if isinstance(inputs, (str, Path)) else inputs:
        name = str(item)
        if name == "-":
            yield "-"
            continue
        if name == "":
            yield BadRecord("''", None, "empty file name (is a shell variable unset?); give a file, folder or "
                            "pattern")
            continue
        path = Path(item)
        try:
            exists, is_dir = path.exists(), path.is_dir()
        except (OSError, ValueError) as exc:
            why = exc.strerror if isinstance(exc, OSError) else str(exc)
            yield BadRecord(name, None, f"cannot look at this path ({why}); check the name and the folders' "
                            "permissions")
            continue
        if _GLOB_CHARS & set(name) and not exists:
            matches = sorted(glob.glob(str(path.expanduser()), recursive=True))
            if not matches:
                yield BadRecord(name, None, "no file matches this pattern; check it")
            yield from expand_inputs(matches)
        elif is_dir:
            yield from _folder_files(path)
        else:
            yield path


def _folder_files(folder: Path) -> Iterator[Path | BadRecord]:
    """The article files under a folder, sorted, hidden ones skipped; then each subfolder that cannot be
    read, as a BadRecord (its articles would otherwise be missing without a word)."""
    found: list[Path] = []
    errors: list[BadRecord] = []

    def unreadable(exc: OSError) -> None:
        errors.append(BadRecord(str(exc.filename or folder), None, f"folder cannot be read ({exc.strerror}); its "
                                "articles are skipped: make it readable"))

    for root, dirs, files in os.walk(folder, onerror=unreadable):
        dirs[:] = [d for d in dirs if not d.startswith((".", "~$"))]
        for name in files:
            p = Path(root) / name
            if p.suffix.lower() in ARTICLE_SUFFIXES and not name.startswith((".", "~$")) and p.is_file():
                found.append(p)
    if not found and not errors:
        yield BadRecord(str(folder), None, f"no article files ({', '.join(ARTICLE_SUFFIXES)}) in this folder")
    yield from sorted(found)
    yield from errors


class Chunker:
    """Number the chunks of `size` items of a stream of items; `count` is how many were yielded."""

    def __init__(self, items: Iterable[Item], size: int) -> None:
        self.items, self.size, self.count = items, size, 0

    def __iter__(self) -> Iterator[tuple[int, list[Item]]]:
        it = iter(self.items)
        while chunk := list(itertools.islice(it, self.size)):
            self.count += 1
            yield self.count - 1, chunk
