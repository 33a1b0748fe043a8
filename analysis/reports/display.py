"""The helpers a report notebook calls: load its article, show titles, tables, figures and marked
text, and write its data files.

Everything they display is escaped, so article text stays text. The report runner
(`analysis.reports.runner`) executes the notebooks; `analysis.reports.html` turns them into HTML.
"""

from __future__ import annotations

import html
import os
from collections.abc import Collection, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from analysis.errors import InputError, ReportError

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes

    from analysis.io.articles import Article


def load_article(path: str | os.PathLike[str], *, article_id: str = "") -> Article:
    """The article with `article_id` in a file (.txt, .jsonl, .csv), or its first article."""
    from analysis.io.articles import iter_articles

    for article in iter_articles(Path(path)):
        if not article_id or article.id == article_id:
            return article
    what = f"no article with id {article_id!r}" if article_id else "no article"
    raise InputError(f"{what}; check the id and the file", source=str(path))


def output_folder(output_dir: str | os.PathLike[str] | None) -> Path | None:
    """The folder a notebook writes figures and data to (created), or None for ``""``."""
    if output_dir is None or str(output_dir) == "":
        return None
    out = Path(output_dir)
    for sub in (out, out / "figures", out / "data"):
        sub.mkdir(exist_ok=True)
    return out


def _display_html(markup: str) -> None:
    from IPython.display import HTML, display

    display(HTML(markup))


def show_header(title: str, subtitle: str = "") -> None:
    """Display a report title and a line under it (both escaped)."""
    _display_html(f"<h1>{html.escape(title)}</h1>"
                  + (f'<p class="georel-subtitle">{html.escape(subtitle)}</p>' if subtitle else ""))


def report_title(article: Article) -> str:
    """An article's title; without one its first line when that reads like a headline (short, no
    final period), else its first sentence, shortened (`analysis.reports.runner.report_title`)."""
    from analysis.reports.runner import report_title as title_of

    return title_of(article)


def article_subtitle(article: Article) -> str:
    """``Article report · date · source · id`` of an article, the parts that are known."""
    parts = ["Article report", article.date or "undated", article.source or "", f"id {article.id}"]
    return " · ".join(p for p in parts if p)


def table_html(frame: pd.DataFrame, *, max_rows: int | None = None, index: bool = False, header: bool = True,
               drop_empty: bool = True, wide: Collection[str] = ("evidence",),
               nowrap: Collection[str] = ("date", "source", "target")) -> str:
    """An escaped HTML table of a DataFrame, numbers right-aligned, and notes on what is left out.

    Columns without any value are left out (with a note) when `drop_empty`; columns named in
    `wide` get room for sentences, those in `nowrap` stay on one line.
    """
    import pandas as pd

    if frame.empty:
        return '<p class="georel-note">None.</p>'
    empty = [c for c in frame.columns if frame[c].map(_cell).eq("").all()] if drop_empty else []
    frame = frame.drop(columns=empty)
    shown = frame if max_rows is None or len(frame) <= max_rows else frame.head(max_rows)
    numeric = [pd.api.types.is_numeric_dtype(frame[c]) and not pd.api.types.is_bool_dtype(frame[c])
               for c in frame.columns]
    classes = [" class=num" if num else " class=wide" if str(c) in wide
               else " class=nowrap" if str(c) in nowrap else ""
               for c, num in zip(frame.columns, numeric, strict=True)]
    head = ""
    if header:
        names = ([str(frame.index.name or "")] if index else []) + [str(c) for c in frame.columns]
        head = "<thead><tr>" + "".join(f"<th>{html.escape(c)}</th>" for c in names) + "</tr></thead>"
    body = []
    for key, row in zip(shown.index, shown.itertuples(index=False), strict=True):
        cells = "".join(f"<td{cls}>{html.escape(_cell(v))}</td>" for v, cls in zip(row, classes, strict=True))
        key_cell = f'<th class="key">{html.escape(_cell(key))}</th>' if index else ""
        body.append(f"<tr>{key_cell}{cells}</tr>")
    notes = []
    if len(shown) < len(frame):
        notes.append(f"… and {len(frame) - len(shown)} more rows (all of them are in the data files).")
    if empty:
        notes.append("Columns without any value are left out: " + ", ".join(map(str, empty)) + ".")
    more = "".join(f'<p class="georel-more">{html.escape(n)}</p>' for n in notes)
    return f'<table class="georel-table">{head}<tbody>{"".join(body)}</tbody></table>{more}'


def _cell(value: Any) -> str:
    import pandas as pd

    if value is None or (not isinstance(value, str | list | tuple | dict) and pd.isna(value)):
        return ""
    if isinstance(value, float):
        return f"{value:.4f}".rstrip("0").rstrip(".") if value != int(value) else f"{value:.0f}"
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d")
    return str(value)


def show_table(frame: pd.DataFrame, *, max_rows: int | None = None, index: bool = False,
               header: bool = True) -> None:
    """Display a DataFrame as an escaped table (see `table_html`)."""
    _display_html(table_html(frame, max_rows=max_rows, index=index, header=header))


def show_note(text: str) -> None:
    """Display a line of explanatory text (escaped); nothing when `text` is empty."""
    if text:
        _display_html(f'<p class="georel-note">{html.escape(text)}</p>')


def show_figure(ax: Axes, name: str, out: Path | None = None, *, dpi: int = 150) -> None:
    """Show a figure in the notebook and save it as ``<out>/figures/<name>.png``; close it.

    The same PNG is displayed and saved, so the report shows exactly the file it ships.
    """
    import io

    import matplotlib.pyplot as plt
    from IPython.display import Image, display

    from analysis.export import save_figure
    from analysis.reports.runner import slug

    fig = ax.get_figure(root=True)
    if fig is None:
        raise ReportError(f"figure {name!r}: the Axes belongs to no figure")
    if out is not None:
        data = save_figure(fig, out / "figures" / f"{slug(name)}.png", dpi=dpi).read_bytes()
    else:
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png", dpi=dpi, bbox_inches="tight")
        data = buffer.getvalue()
    plt.close(fig)
    width = int.from_bytes(data[16:20], "big")  # PNG IHDR width
    display(Image(data=data, format="png", width=max(1, round(width * 100 / dpi))))


def article_text_html(article: Article, record: Mapping[str, Any]) -> str:
    """The article text, escaped, with place and actor mentions marked (offsets from the record)."""
    spans: list[tuple[int, int, str, str]] = []
    for place in record.get("places") or []:
        spans.append((int(place["start"]), int(place["end"]), "place",
                      f"{place.get('name')} ({place.get('kind')}, {place.get('country') or '?'})"))
    for actor in record.get("actors") or []:
        spans.append((int(actor["start"]), int(actor["end"]), "actor", f"{actor.get('code')}"))
    spans.sort(key=lambda s: (s[0], -s[1]))
    text = article.text
    parts: list[str] = []
    at = 0
    for start, end, kind, label in spans:
        if start < at or end > len(text) or start >= end:
            continue
        parts.append(html.escape(text[at:start]))
        parts.append(f'<mark class="georel-{kind}" title="{html.escape(label)}">'
                     f'{html.escape(text[start:end])}</mark>')
        at = end
    parts.append(html.escape(text[at:]))
    return f'<div class="georel-text">{"".join(parts)}</div>'


def show_article_text(article: Article, record: Mapping[str, Any]) -> None:
    """Display the article with its place (blue) and actor (yellow) mentions marked."""
    _display_html('<details open><summary>Article text: <mark class="georel-place">places</mark> and '
                  '<mark class="georel-actor">actors</mark> marked</summary>'
                  + article_text_html(article, record) + "</details>")


def write_exports(records: Any, out: Path | None, *, formats: str | Iterable[str] = "geojson,graphml,csv"
                  ) -> dict[str, Path]:
    """Write ``<out>/data/records.jsonl`` and `analysis.export.export_all` files; nothing when out is None."""
    from analysis.export import export_all
    from analysis.io.files import write_jsonl
    from analysis.io.records import as_records

    if out is None:
        return {}
    records = as_records(records)
    wanted = [f.strip() for f in formats.split(",")] if isinstance(formats, str) else list(formats)
    data = out / "data"
    data.mkdir(parents=True, exist_ok=True)
    written = {"records.jsonl": data / "records.jsonl"}
    write_jsonl([dict(r) for r in records], data / "records.jsonl")
    written.update(export_all(records, data, formats=[f for f in wanted if f]))
    return written


def show_files(files: Mapping[str, Path], out: Path | None) -> None:
    """Display links (relative to the report) to the files a report wrote."""
    if out is None or not files:
        show_note("No files written (output_dir is empty).")
        return
    figures = sorted((out / "figures").glob("*.png")) if (out / "figures").is_dir() else []
    items = [*figures, *files.values()]
    links = []
    for path in items:
        rel = os.path.relpath(path, out)
        size = path.stat().st_size if path.exists() else 0
        links.append(f'<li><a href="{html.escape(rel)}">{html.escape(rel)}</a> '
                     f'<span class="georel-note">({_size(size)})</span></li>')
    _display_html(f"<ul>{''.join(links)}</ul>")


def _size(n: int) -> str:
    return f"{n / 1e6:.1f} MB" if n >= 1e6 else f"{n / 1e3:.0f} kB" if n >= 1e3 else f"{n} B"


def show_problems(problems: Sequence[Any], out: str | os.PathLike[str] | None = None,
                  warnings: Sequence[str] = ()) -> None:
    """Display the inputs that could not be read and the warnings given while reading (escaped), and
    write them to `analysis.reports.runner.NOTES_FILE` in `out` (the report's index lists them)."""
    from analysis.reports.runner import NOTES_FILE

    lines = [" ".join(str(p).split()) for p in problems] + [f"warning: {' '.join(w.split())}" for w in warnings]
    if out is not None:
        Path(out, NOTES_FILE).write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")
    if problems:
        items = "".join(f"<li>{html.escape(str(p))}</li>" for p in problems)
        _display_html(f'<div class="georel-failed"><strong>{len(problems)} input(s) skipped:</strong>'
                      f"<ul>{items}</ul></div>")
    if warnings:
        items = "".join(f"<li>{html.escape(w)}</li>" for w in warnings[:200])
        more = f"<li>... and {len(warnings) - 200} more</li>" if len(warnings) > 200 else ""
        _display_html(f'<div class="georel-warned"><strong>{len(warnings)} warning(s) while reading:</strong>'
                      f"<ul>{items}{more}</ul></div>")
