"""Load articles from .txt, .html, .jsonl, .json, .csv and .tsv files, folders of them, or stdin.

A `.txt` article may start with a `date YYYY-MM-DD` token (possibly after whitespace, possibly on
the same line as the first sentence); the article body is what follows it, and every offset the
package reports refers to that body. Line ends of text files are read as Python reads text files
(CRLF and CR become LF), so offsets also match `open(path).read()` after the header.

Files are decoded by `analysis.io.decoding`. HTML pages (.html/.htm, or text that is clearly HTML) are
reduced to their visible text by `analysis.io.html_text`; offsets then refer to that text (see
`html_to_text`), the page's <title> becomes the article title and a published-time <meta> its date.

The articles are those of the streaming reader `analysis.io.sources.iter_items`. Doubtful input is
read with an `InputWarning` (a guessed encoding, HTML, a duplicate id renamed with a suffix, a huge
article); input that cannot be read is an `InputError` naming the file (and line) and what to do.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from analysis.errors import InputError
from analysis.io._article import Article, parse_date, split_date_header
from analysis.io.sources import Located, iter_items

__all__ = ["Article", "ErrorHandler", "article_from_text", "iter_articles", "load_articles", "parse_date",
           "split_date_header"]

ErrorHandler = Callable[[InputError], None]


def iter_articles(
    inputs: str | Path | Iterable[str | Path], *, on_error: ErrorHandler | None = None
) -> Iterator[Article]:
    """Yield the articles of files, directories, glob patterns or '-' (standard input).

    Parameters
    ----------
    inputs
        One path or several; directories are searched recursively for .txt, .html, .jsonl, .csv and
        .tsv files.
    on_error
        Called with the InputError of each bad file or record so that the good records still flow;
        when None the first one is raised.

    Ids are unique across the inputs: a repeated id gets a suffix ('x', 'x-2') and an InputWarning.
    """
    for item in iter_items(inputs):
        if isinstance(item, Located):
            yield item.article
        elif on_error is None:
            raise item.to_error()
        else:
            on_error(item.to_error())


def load_articles(inputs: str | Path | Iterable[str | Path]) -> list[Article]:
    """Return all articles of the inputs as a list; raise on the first bad file or record."""
    return list(iter_articles(inputs))


def article_from_text(text: str, *, id: str = "text", date: str | None = None) -> Article:
    """Wrap a string as an Article; a leading `date YYYY-MM-DD` header is honoured.

    The text is taken as it is (no HTML or newline conversion), so offsets refer to it after the header.
    """
    header_date, body = split_date_header(text, source=id)
    return Article(id=id, text=body, date=date or header_date)
