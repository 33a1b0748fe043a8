"""Report HTML: an executed notebook as one self-contained, sanitized page, and a run's index page.

`analysis.reports.runner` runs the notebooks and writes the pages this module renders.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from analysis.reports.runner import ReportJob, ReportResult

HIDE_TAG = "hide-in-report"
"""Cells with this tag (notes for notebook users) are left out of the HTML report."""


_TEMPLATE = r"""{%- extends 'index.html.j2' -%}
{%- block html_head_js -%}{%- endblock html_head_js -%}
{%- block jupyter_widgets -%}{%- endblock jupyter_widgets -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
{%- block data_javascript scoped -%}{%- endblock data_javascript -%}
{%- block data_widget_view scoped -%}{%- endblock data_widget_view -%}
{% block extra_css %}<style type="text/css">{{ resources.georel.css }}</style>{% endblock extra_css %}
{%- block body_header -%}
{{ super() }}
{%- if resources.georel.error -%}
<div class="georel-failed"><strong>This report failed.</strong> {{ resources.georel.error | e }}</div>
{%- endif -%}
{%- endblock body_header -%}
{% block body_footer %}
<footer class="georel-footer"><details><summary>Report parameters</summary><table>
{%- for name, value in resources.georel.parameters -%}
<tr><th>{{ name | e }}</th><td><code>{{ value | e }}</code></td></tr>
{%- endfor -%}</table></details>
<p>georelations {{ resources.georel.version | e }} &middot;
generated {{ resources.georel.generated | e }}</p></footer>
{{ super() }}
{% endblock body_footer %}
"""

_CSS = """
body.jp-Notebook main { max-width: 1180px; margin: 0 auto; padding: 1.5rem 2rem 3rem; }
body.jp-Notebook { --jp-content-font-size1: 15px; }
.jp-Cell { padding: 0; }
.jp-mod-noOutputs { display: none; }
.jp-RenderedHTMLCommon h1 { font-size: 1.9rem; margin-top: 0.4rem; }
.jp-RenderedHTMLCommon h2 { font-size: 1.35rem; margin-top: 1.6rem; border-bottom: 1px solid #ddd;
  padding-bottom: 0.2rem; }
.jp-RenderedImage img, .jp-OutputArea-output img { max-width: 100%; height: auto; }
.jp-RenderedHTMLCommon table.georel-table { border-collapse: collapse; font-size: 12px;
  margin: 0.3rem 0 0.6rem; table-layout: auto; }
.jp-RenderedHTMLCommon table.georel-table th, .jp-RenderedHTMLCommon table.georel-table td { padding: 4px 6px;
  border: none; border-bottom: 1px solid #e5e5e5; text-align: left; vertical-align: top; max-width: 40em; }
.jp-RenderedHTMLCommon table.georel-table thead th { background: #f1f1f1; border-bottom: 1px solid #bbb;
  white-space: nowrap; }
.jp-RenderedHTMLCommon table.georel-table tbody tr:nth-child(odd) { background: #fafafa; }
.jp-RenderedHTMLCommon table.georel-table tbody tr:hover { background: #eef5fb; }
.jp-RenderedHTMLCommon table.georel-table td.num { text-align: right; font-variant-numeric: tabular-nums;
  white-space: nowrap; }
.jp-RenderedHTMLCommon table.georel-table td.wide { min-width: 17em; }
.jp-RenderedHTMLCommon table.georel-table td.nowrap { white-space: nowrap; }
.jp-RenderedHTMLCommon table.georel-table th.key { font-weight: 600; white-space: nowrap; background: none; }
.georel-more, .georel-note { color: #555; font-size: 13px; }
.georel-subtitle { color: #444; font-size: 15px; margin-top: -0.4rem; }
.georel-failed { background: #fde8e4; border: 1px solid #d55e00; padding: 0.8rem 1rem; margin: 1rem 0;
  white-space: pre-wrap; font-family: var(--jp-ui-font-family, system-ui, sans-serif); font-size: 14px; }
.georel-text { white-space: pre-wrap; line-height: 1.55; font-size: 14px; max-width: 52em; }
mark.georel-place { background: #cfe6f5; padding: 0 1px; }
mark.georel-actor { background: #f6e3a6; padding: 0 1px; }
.georel-footer { max-width: 1180px; margin: 2rem auto; padding: 0 2rem; color: #555; font-size: 13px;
  font-family: var(--jp-ui-font-family, system-ui, sans-serif); }
.georel-footer th { text-align: left; padding-right: 1rem; font-weight: normal; }
"""

_TAGS = ["a", "abbr", "b", "blockquote", "br", "caption", "code", "details", "div", "em", "h1", "h2", "h3",
         "h4", "hr", "i", "img", "li", "mark", "ol", "p", "pre", "small", "span", "strong", "sub", "summary",
         "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul"]
_ATTRIBUTES = {"*": ["class", "title"], "a": ["href"], "td": ["colspan", "rowspan"],
               "th": ["colspan", "rowspan"], "img": ["alt", "width", "height"], "details": ["open"]}


def notebook_to_html(notebook: str | os.PathLike[str], path: str | os.PathLike[str], *, title: str,
                     error: str | None = None, parameters: Mapping[str, Any] | None = None) -> Path:
    """Write an executed notebook as one self-contained HTML file (atomically).

    Code is hidden, figures are embedded as data URIs, nothing is fetched from the network (no
    require.js, MathJax or widget scripts) and the HTML of outputs is sanitized: tags outside a
    small allow-list (no ``<script>``, ``<style>``, ``<iframe>``, event attributes) are escaped.
    """
    import warnings

    import nbformat

    from analysis import __version__
    from analysis.io.files import atomic_writer

    nb = nbformat.read(str(notebook), as_version=4)
    nb.metadata["title"] = title
    failed_at = next((i for i, cell in enumerate(nb.cells) if cell.cell_type == "code"
                      and any(o.get("output_type") == "error" for o in cell.get("outputs", []))), None)
    if failed_at is not None:  # the sections after the failure are empty: leave them out
        nb.cells = nb.cells[:failed_at + 1]
    resources = {"georel": {
        "css": _CSS, "error": error, "version": __version__,
        "generated": dt.datetime.now().strftime("%Y-%m-%d %H:%M"),
        "parameters": [(k, _show_value(v)) for k, v in (parameters or {}).items()],
    }}
    with warnings.catch_warnings():  # outputs the sanitizer emptied (javascript) are "not representable"
        warnings.filterwarnings("ignore", message="Your element with mimetype")
        body, _ = html_exporter().from_notebook_node(nb, resources=resources)
    with atomic_writer(Path(path)) as handle:
        handle.write(body)
    return Path(path)


@functools.lru_cache(maxsize=1)
def html_exporter() -> Any:
    """The HTML exporter of `notebook_to_html`, built once per process (loading its templates takes a
    while, so the runner builds it in a thread while a kernel starts)."""
    import nbformat
    from jinja2 import DictLoader
    from nbconvert import HTMLExporter
    from nbconvert.preprocessors import TagRemovePreprocessor
    from nbconvert.preprocessors.sanitize import SanitizeHTML

    exporter = HTMLExporter(template_name="lab", exclude_input=True, exclude_input_prompt=True,
                            exclude_output_prompt=True, embed_images=True,
                            extra_loaders=[DictLoader({"georel_report.html.j2": _TEMPLATE})])
    exporter.template_file = "georel_report.html.j2"
    exporter.register_preprocessor(TagRemovePreprocessor(remove_cell_tags={HIDE_TAG}, enabled=True),
                                   enabled=True)
    exporter.register_preprocessor(SanitizeHTML(tags=_TAGS, attributes=_ATTRIBUTES, strip=False),
                                   enabled=True)
    empty = nbformat.v4.new_notebook()  # compiles the templates now rather than on the first report
    exporter.from_notebook_node(empty, resources={"georel": {"css": "", "parameters": []}})
    return exporter


def _show_value(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 300 else text[:300] + "…"


def _notes_html(notes: Sequence[str], heading: str) -> str:
    if not notes:
        return ""
    items = "".join(f"<li>{html.escape(n)}</li>" for n in notes[:500])
    more = f"<li>... and {len(notes) - 500} more</li>" if len(notes) > 500 else ""
    return f'<div class="notes"><strong>{html.escape(heading)} ({len(notes)}):</strong><ul>{items}{more}</ul></div>'


def index_page(title: str, jobs: Sequence[ReportJob], results: Mapping[int, ReportResult], *,
               notes: Sequence[str] = ()) -> str:
    """The ``index.html`` of a run: one row per job with its status, time, error, the inputs it
    left out and links (escaped); `notes` (inputs skipped, warnings) are listed under the summary."""
    rows = []
    for i, job in enumerate(jobs):
        result = results.get(i)
        name = html.escape(job.name)
        if result is None:
            status, link, detail = "pending", name, ""
        else:
            status = result.status
            has_html = "report.html" in result.files
            link = f'<a href="{html.escape(job.name)}/report.html">{name}</a>' if has_html else name
            extras = [f'<a href="{html.escape(job.name)}/{f}">{html.escape(f)}</a>' for f in
                      ("report.ipynb", "status.json") if f in result.files]
            error = f'<div class="error">{html.escape(result.error)}</div>' if result.error else ""
            detail = (error + _notes_html(result.notes, "Left out or warned")
                      + f'<div class="files">{" · ".join(extras)}</div>')
        seconds = f"{result.seconds:.1f} s" if result else ""
        rows.append(f'<tr class="{status}"><td>{link}</td><td>{html.escape(job.kind)}</td>'
                    f"<td>{html.escape(job.title)}</td><td><span class=\"status\">{status}</span></td>"
                    f"<td class=\"num\">{seconds}</td><td>{detail}</td></tr>")
    done = sum(1 for r in results.values() if r.ok)
    failed = sum(1 for r in results.values() if not r.ok)
    summary = f"{len(jobs)} report{'s' if len(jobs) != 1 else ''}: {done} ok, {failed} failed" + \
        (f", {len(jobs) - done - failed} pending" if done + failed < len(jobs) else "")
    skipped = sum(1 for n in notes if not n.startswith("warning: "))
    if notes:
        summary += f"; {skipped} input{'s' if skipped != 1 else ''} skipped, {len(notes) - skipped} warning" \
            f"{'s' if len(notes) - skipped != 1 else ''} while reading"
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(title)} · georelations reports</title>
<style>
body {{ font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #222; max-width: 1100px;
  margin: 2rem auto; padding: 0 1.5rem; }}
table {{ border-collapse: collapse; width: 100%; }} th, td {{ text-align: left; padding: 6px 10px;
  border-bottom: 1px solid #e3e3e3; vertical-align: top; }}
th {{ background: #f3f3f3; }} td.num {{ text-align: right; white-space: nowrap; }}
.status {{ font-weight: 600; }} tr.ok .status {{ color: #0a7a45; }} tr.failed .status {{ color: #c0392b; }}
tr.pending .status {{ color: #888; }} .error {{ color: #8a2c12; white-space: pre-wrap; font-size: 13px; }}
.files {{ font-size: 12px; color: #666; }} .files a {{ color: #666; }}
.notes {{ color: #7a4a00; font-size: 13px; }} .notes ul {{ margin: 0.2rem 0 0.6rem 1.2rem; padding: 0; }}
</style></head><body>
<h1>{html.escape(title)}</h1>
<p>{html.escape(summary)} · updated {dt.datetime.now():%Y-%m-%d %H:%M:%S}</p>
{_notes_html(notes, "Inputs skipped and warnings")}
<table><thead><tr><th>Report</th><th>Kind</th><th>Article or corpus</th><th>Status</th><th>Time</th>
<th>Details</th></tr></thead><tbody>
{chr(10).join(rows)}
</tbody></table></body></html>
"""
