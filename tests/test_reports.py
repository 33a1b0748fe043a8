"""The report runner (analysis.reports.runner) and `georel report`: safety, failure isolation, --force.

Most runs use a tiny notebook with the article report's parameters, so that they take a kernel
start each; one run goes through the real article report with a hostile article.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from analysis.cli import main
from analysis.errors import ReportError
from analysis.reports import runner as reports

EVIL_ID = "x\"'); import os; os._exit(3) #\n{run_uuid}\\n"
SCRIPT_TEXT = ("Kim Jong Un met Vladimir Putin in Vladivostok. <script>alert('pwned')</script> "
               "Russia & North Korea <b onmouseover=alert(1)>signed</b>.")
"""Plain text with a few tags (five or more would make the loader read it as an HTML page)."""
KERNELSPEC = {"name": "python3", "display_name": "Python 3", "language": "python"}


@pytest.fixture()
def tiny_notebook(tmp_path: Path) -> Path:
    """The article report's parameters; records what it received; fails for the article 'boom'."""
    nb = new_notebook(metadata={"kernelspec": KERNELSPEC})
    nb.cells = [
        new_code_cell('article_path: str = ""  # article file\narticle_id: str = ""  # article id\n'
                      'output_dir: str = ""  # output folder', metadata={"tags": ["parameters"]}),
        new_code_cell("import json, pathlib\n"
                      "pathlib.Path('received.json').write_text(json.dumps({'article_id': article_id, "
                      "'article_path': article_path, 'text': pathlib.Path(article_path).read_text()}))\n"
                      "if article_id == 'boom':\n"
                      "    raise ValueError('boom: this article cannot be reported')"),
        new_markdown_cell("Done."),
    ]
    path = tmp_path / "tiny.ipynb"
    nbformat.write(nb, path)
    return path


def _articles(path: Path, *items: tuple[str, str]) -> Path:
    path.write_text("".join(json.dumps({"id": i, "date": "2023-09-11", "text": t}) + "\n" for i, t in items),
                    encoding="utf-8")
    return path


# --- names ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("bad", ["../x", "..", "/abs", "/tmp/x", "a/b", "a\\b", "", ".hidden", "x..y", "-x",
                                 "a" * 101, "run id", "~root"])
def test_unsafe_run_ids_are_refused(bad: str) -> None:
    with pytest.raises(ReportError, match="plain folder name"):
        reports.safe_run_id(bad)
    with pytest.raises(ReportError):
        reports.safe_report_name(bad)


def test_names_from_article_ids_stay_inside() -> None:
    assert reports.safe_run_id("2023-09-11_run.1") == "2023-09-11_run.1"
    for text in ("../../etc/passwd", "/abs/path", "..", "index.html", "", "a/../b"):
        name = reports.slug(text)
        assert reports.safe_report_name(name) == name and "/" not in name and ".." not in name
    assert reports.slug("Kim & Putin: summit") == "Kim-Putin-summit"
    with pytest.raises(ReportError, match="reserved"):
        reports.safe_report_name("index.html")


def test_article_jobs_give_distinct_safe_names(tmp_path: Path) -> None:
    inputs = _articles(tmp_path / "a.jsonl", ("../up", "t"), ("./up", "t"), ("/abs", "t"), (EVIL_ID, "t"))
    jobs = reports.article_jobs([inputs], notebook=tmp_path / "nb.ipynb")
    names = [job.name for job in jobs]
    assert len(set(names)) == 4 and all(reports.safe_report_name(n) == n for n in names)
    assert jobs[3].parameters["article_id"] == EVIL_ID and jobs[3].article is not None


def test_cli_refuses_escaping_run_ids(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = _articles(tmp_path / "a.jsonl", ("a", "Kim met Putin."))
    for bad in ("../escape", "/tmp/escape", ".."):
        assert main(["report", str(article), "--out", str(tmp_path / "reports"), "--run-id", bad]) == 2
        assert "plain folder name" in capsys.readouterr().err
    assert not (tmp_path / "escape").exists() and not (tmp_path / "reports").exists()
    with pytest.raises(ReportError, match="plain folder name"):
        reports.run_reports([reports.ReportJob("../x", tmp_path / "nb.ipynb")], tmp_path / "run")


# --- running -------------------------------------------------------------------------------------

def test_failure_isolation_and_safe_parameters(tmp_path: Path, tiny_notebook: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out{run_uuid}"  # papermill would format a path with braces: it must not
    article = _articles(tmp_path / "batch.jsonl", ("ok-1", "First."), ("boom", "Second."),
                        (EVIL_ID, "Third."))
    code = main(["report", str(article), "--out", str(out), "--run-id", "batch", "--jobs", "2",
                 "--notebook", str(tiny_notebook)])
    captured = capsys.readouterr()
    assert code == 1
    assert "report boom failed: ValueError: boom" in captured.err
    run = out / "batch"
    assert captured.out.strip() == str(run / "index.html")
    status = {p.parent.name: json.loads(p.read_text()) for p in run.glob("*/status.json")}
    assert sorted(s["status"] for s in status.values()) == ["failed", "ok", "ok"]
    failed = status["boom"]
    assert failed["error"].startswith("ValueError: boom") and (run / "boom" / "report.ipynb").is_file()
    assert "This report failed" in (run / "boom" / "report.html").read_text(encoding="utf-8")
    evil = next(name for name, s in status.items() if s["parameters"]["article_id"] == EVIL_ID)
    received = json.loads((run / evil / "received.json").read_text(encoding="utf-8"))
    assert received == {"article_id": EVIL_ID, "article_path": "article.jsonl",
                        "text": (run / evil / "article.jsonl").read_text(encoding="utf-8")}
    assert "Third." in received["text"]
    index = (run / "index.html").read_text(encoding="utf-8")
    assert index.count('class="failed"') == 1 and index.count('class="ok"') == 2
    assert "ValueError: boom" in index and "<script" not in index
    assert json.loads((run / "run.json").read_text())["reports"][1]["status"] == "failed"
    assert not list(run.glob(".*"))


def test_existing_run_needs_force(tmp_path: Path, tiny_notebook: Path,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    article = _articles(tmp_path / "one.jsonl", ("one", "Text."))
    args = ["report", str(article), "--out", str(tmp_path), "--notebook", str(tiny_notebook)]
    assert main(args) == 0
    index = tmp_path / "one" / "index.html"
    assert capsys.readouterr().out.strip() == str(index)
    marker = tmp_path / "one" / "one" / "marker"
    marker.write_text("kept")
    assert main(args) == 2
    assert "--force" in capsys.readouterr().err and marker.exists()
    with pytest.raises(ReportError, match="--force"):
        reports.run_reports(reports.article_jobs([article], notebook=tiny_notebook), tmp_path / "one")
    assert main([*args, "--force"]) == 0
    assert not marker.exists() and (tmp_path / "one" / "one" / "status.json").is_file()


def test_crash_leaves_no_report_that_looks_whole(tmp_path: Path, tiny_notebook: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    import papermill

    def crash(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(papermill, "execute_notebook", crash)
    job = reports.ReportJob("x", tiny_notebook, {"article_id": "x"}, article={"id": "x", "text": "t"})
    (tmp_path / "run").mkdir()
    with pytest.raises(KeyboardInterrupt):
        reports.execute_report(job, tmp_path / "run")
    assert list((tmp_path / "run").iterdir()) == []


def test_unknown_parameters_fail_the_report(tmp_path: Path, tiny_notebook: Path) -> None:
    job = reports.ReportJob("x", tiny_notebook, {"article_id": "x", "nope": 1},
                            article={"id": "x", "text": "t"})
    (tmp_path / "run").mkdir()
    with pytest.raises(ReportError, match="no parameter"):
        reports.execute_report(job, tmp_path / "run")
    assert list((tmp_path / "run").iterdir()) == []


def test_corpus_options_are_checked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = _articles(tmp_path / "a.jsonl", ("a", "Text."))
    assert main(["report", str(article), "--start", "2023-01-01", "--out", str(tmp_path)]) == 2
    assert "need --corpus" in capsys.readouterr().err
    with pytest.raises(Exception, match="YYYY-MM-DD"):
        reports.corpus_job([article], start="2023-13-01")
    with pytest.raises(ReportError, match="after"):
        reports.corpus_job([article], start="2023-02-01", end="2023-01-01")


# --- the real article report ---------------------------------------------------------------------

def test_article_report_escapes_article_text(tmp_path: Path) -> None:
    """The real article report on a hostile article: the text stays text, the id is data."""
    article = _articles(tmp_path / "evil.jsonl", (EVIL_ID, SCRIPT_TEXT))
    run = reports.run_reports(reports.article_jobs([article]), tmp_path / "reports" / "evil")
    (result,) = run.reports
    assert result.ok, result.error
    page = (run.run_dir / result.name / "report.html").read_text(encoding="utf-8")
    assert "<script" not in page.lower() and "onmouseover" not in page.replace("&lt;b onmouseover", "")
    assert "&lt;script&gt;alert(" in page  # the article text, escaped
    assert "Vladivostok" in page
    assert re.search(r'<mark class="georel-place"[^>]*>Vladivostok</mark>', page)


def test_skipped_inputs_and_date_warnings_are_listed_in_the_index(tmp_path: Path, tiny_notebook: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join([
        json.dumps({"id": "rss", "text": "First.", "date": "Mon, 11 Sep 2023 10:00:00 GMT"}),
        json.dumps({"id": "gdelt", "text": "Second.", "date": "20230911"}),
        json.dumps({"id": "odd", "text": "Third.", "date": "11/09/2023"}),
        json.dumps({"id": "bad-date", "text": "Fourth.", "date": "the day after"}),
        json.dumps({"id": "no-text"}),
        "{broken",
    ]) + "\n", encoding="utf-8")
    code = main(["report", str(feed), str(tmp_path / "missing.txt"), "--out", str(tmp_path), "--run-id", "feed",
                 "--notebook", str(tiny_notebook), "--jobs", "1", "--no-progress"])
    err = capsys.readouterr().err
    assert code == 2
    assert "georel: 4 report(s): 4 ok, 0 failed; 3 input(s) skipped, 2 warning(s)" in err
    index = (tmp_path / "feed" / "index.html").read_text(encoding="utf-8")
    assert "4 reports: 4 ok, 0 failed; 3 inputs skipped, 2 warnings while reading" in index
    for shown in ("feed.jsonl:5: record has no &#x27;text&#x27; field", "feed.jsonl:6: malformed JSON",
                  "missing.txt", "day/month or month/day", "unreadable date: &#x27;the day after&#x27;"):
        assert shown in index, shown
    notes = json.loads((tmp_path / "feed" / "run.json").read_text(encoding="utf-8"))["notes"]
    assert len(notes) == 5


def test_a_report_lists_what_its_notebook_left_out(tmp_path: Path) -> None:
    from analysis.reports.html import index_page
    from analysis.reports.runner import NOTES_FILE

    job = reports.ReportJob(name="corpus", notebook=tmp_path / "x.ipynb", kind="corpus", title="Corpus")
    result = reports.ReportResult("corpus", "corpus", "Corpus", "ok", notes=["a.jsonl:3: malformed JSON",
                                                                          "warning: b.csv:2: date read as day/month"])
    page = index_page("run", [job], {0: result})
    assert "Left out or warned (2)" in page and "a.jsonl:3: malformed JSON" in page
    assert NOTES_FILE == "skipped.txt"
