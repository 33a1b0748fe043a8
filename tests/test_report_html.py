"""Report HTML (analysis.reports.html): executed notebooks as sanitized self-contained pages, run index pages."""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from analysis.reports import html as report_html
from analysis.reports.runner import ReportJob, ReportResult

KERNELSPEC = {"name": "python3", "display_name": "Python 3", "language": "python"}


def test_html_sanitizes_outputs(tmp_path: Path) -> None:
    nb = new_notebook(metadata={"kernelspec": KERNELSPEC})
    cell = new_code_cell("x = 1")
    cell.outputs = [
        new_output("display_data", data={
            "text/html": "<b>bold</b><script>alert(1)</script><img src=x onerror=alert(2)>"
                         "<a href='javascript:alert(3)'>a</a>",
            "text/plain": "<script>"}),
        new_output("display_data", data={"application/javascript": "alert(4)"}),
        new_output("stream", name="stdout", text="</pre><script>alert(5)</script>"),
    ]
    nb.cells = [cell]
    path = tmp_path / "nb.ipynb"
    nbformat.write(nb, path)
    html = report_html.notebook_to_html(path, tmp_path / "out.html", title="<script>t</script>",
                                       error="<script>e</script>", parameters={"p": "</td><script>"}).read_text()
    assert "<script" not in html.lower()
    assert "onerror" not in html.replace("onerror=alert(2)&gt;", "")
    assert "javascript:" not in html and "alert(4)" not in html
    assert "<b>bold</b>" in html and "&lt;script&gt;" in html


def test_html_leaves_out_hidden_cells_and_the_sections_after_a_failure(tmp_path: Path) -> None:
    nb = new_notebook(metadata={"kernelspec": KERNELSPEC})
    hidden = new_markdown_cell("Only for notebook users.", metadata={"tags": [report_html.HIDE_TAG]})
    failed = new_code_cell("1 / 0")
    failed.outputs = [new_output("error", ename="ZeroDivisionError", evalue="division by zero", traceback=[])]
    nb.cells = [new_markdown_cell("Before."), hidden, failed, new_markdown_cell("After the failure.")]
    path = tmp_path / "nb.ipynb"
    nbformat.write(nb, path)
    page = report_html.notebook_to_html(path, tmp_path / "out.html", title="t",
                                        error="ZeroDivisionError: division by zero").read_text()
    assert "Before." in page and "This report failed" in page
    assert "Only for notebook users." not in page and "After the failure." not in page


def test_index_page_lists_every_job_escaped(tmp_path: Path) -> None:
    jobs = [ReportJob("ok-1", tmp_path / "nb.ipynb", title="<b>Summit</b>"),
            ReportJob("boom", tmp_path / "nb.ipynb", title="Boom"),
            ReportJob("later", tmp_path / "nb.ipynb", kind="corpus", title="Later")]
    results = {0: ReportResult("ok-1", "article", "<b>Summit</b>", "ok", seconds=1.25,
                               files=["report.html", "report.ipynb", "status.json"]),
               1: ReportResult("boom", "article", "Boom", "failed", "ValueError: <script>x</script>")}
    page = report_html.index_page("Run <1>", jobs, results)
    assert "<title>Run &lt;1&gt; · georelations reports</title>" in page
    assert "3 reports: 1 ok, 1 failed, 1 pending" in page
    assert '<a href="ok-1/report.html">ok-1</a>' in page and "1.2 s" in page
    assert '<a href="ok-1/status.json">status.json</a>' in page
    assert "&lt;b&gt;Summit&lt;/b&gt;" in page and "<script" not in page
    assert page.count('class="ok"') == 1 and page.count('class="failed"') == 1
    assert page.count('class="pending"') == 1
