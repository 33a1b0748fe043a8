"""The notebooks: stored clean, parameters papermill can document, and each one runs on a small input.

Running a notebook starts a kernel (a few seconds each), so the article and corpus reports run once
per module and every check reads their output.
"""

from __future__ import annotations

import ast
import base64
import json
import re
from pathlib import Path

import nbformat
import papermill
import pytest

from analysis.reports import runner as reports

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
ARTICLE = ROOT / "data" / "articles" / "2023-09-11-kim-putin-summit.txt"
EXPECTED = {
    "01-article-report.ipynb": {
        "article_path": ("str", '"../data/articles/2023-09-11-kim-putin-summit.txt"'),
        "article_id": ("str", '""'), "output_dir": ("str", '""'),
        "export_formats": ("str", '"geojson,graphml,csv"'), "max_rows": ("int", "60")},
    "02-corpus-report.ipynb": {
        "corpus_paths": ("list", '["../data/articles"]'), "start_date": ("str", '""'),
        "end_date": ("str", '""'),
        "focus_countries": ("str", '""'), "date_order": ("str", '""'), "dyad_level": ("str", '"country"'),
        "top_dyads": ("int", "8"),
        "top_actors": ("int", "40"), "output_dir": ("str", '""'),
        "export_formats": ("str", '"geojson,graphml,csv"'), "max_rows": ("int", "25")},
    "03-explore.ipynb": {"text": ("str", None), "date": ("str", '"2023-09-11"'),
                         "place_name": ("str", '"Vladivostok"')},
}
CORPUS = [
    {"id": "c1", "date": "2023-09-01", "title": "Strikes",
     "text": "Russian forces attacked the Ukrainian city of Kharkiv on Friday. "
             "Ukraine condemned the attack."},
    {"id": "c2", "date": "2023-09-08", "title": "Deal",
     "text": "Russia and China signed a trade agreement in Moscow on Friday. "
             "Ukraine accused Russia of shelling Odesa."},
    {"id": "c3", "date": "2023-09-15", "title": "Summit",
     "text": "North Korean leader Kim Jong Un met President Vladimir Putin in Vladivostok on Wednesday. "
             "U.S. officials warned North Korea against selling arms to Russia."},
    {"id": "c4", "date": "2023-11-20", "title": "Outside the range",
     "text": "France hosted talks with Germany."},
]


def _notebook(name: str) -> nbformat.NotebookNode:
    return nbformat.read(NOTEBOOKS / name, as_version=4)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_notebook_is_stored_clean_with_one_parameters_cell(name: str) -> None:
    nb = _notebook(name)
    nbformat.validate(nb)
    assert nb.metadata["kernelspec"]["name"] == "python3"
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(c.outputs == [] and c.execution_count is None for c in code), "store notebooks without outputs"
    tagged = [i for i, c in enumerate(nb.cells) if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1
    cell = nb.cells[tagged[0]]
    for line in cell.source.splitlines():  # name: type = literal  # help
        statement = ast.parse(line).body[0]
        assert isinstance(statement, ast.AnnAssign) and statement.value is not None
        ast.literal_eval(statement.value)
        assert re.search(r"\S  # \S", line), f"parameter without help: {line}"
    derived = nb.cells[tagged[0] + 1]
    assert derived.cell_type == "code" and "import" in derived.source


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_cell_has_its_own_id(name: str) -> None:
    # read as stored: nbformat would otherwise add the missing ids itself (with a warning)
    cells = json.loads((NOTEBOOKS / name).read_text(encoding="utf-8"))["cells"]
    ids = [c.get("id") for c in cells]
    assert all(ids) and len(set(ids)) == len(ids), ids


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_declared_parameters(name: str) -> None:
    declared = papermill.inspect_notebook(str(NOTEBOOKS / name))
    assert list(declared) == list(EXPECTED[name])
    for param, (kind, default) in EXPECTED[name].items():
        assert declared[param]["inferred_type_name"] == kind
        if default is not None:
            assert declared[param]["default"] == default
        assert declared[param]["help"], f"{name}: {param} has no help text"


@pytest.fixture(scope="module")
def article_run(tmp_path_factory: pytest.TempPathFactory) -> reports.RunResult:
    out = tmp_path_factory.mktemp("reports")
    jobs = reports.article_jobs([ARTICLE])
    return reports.run_reports(jobs, out / "kim", workers=1)


def test_article_report_files(article_run: reports.RunResult) -> None:
    (result,) = article_run.reports
    assert result.ok, result.error
    folder = article_run.run_dir / result.name
    for name in ("report.ipynb", "report.html", "status.json", "article.jsonl", "figures/map.png",
                 "figures/network.png", "figures/timeline.png", "data/records.jsonl", "data/events.csv",
                 "data/places.geojson", "data/relations.geojson", "data/actors.graphml"):
        assert (folder / name).is_file(), name
    nb = nbformat.read(folder / "report.ipynb", as_version=4)
    assert nb.metadata["kernelspec"]["name"] == "python3"
    assert nb.metadata["papermill"]["parameters"]["article_path"] == "article.jsonl"
    status = json.loads((folder / "status.json").read_text(encoding="utf-8"))
    assert status["status"] == "ok" and status["error"] is None
    assert not list(article_run.run_dir.glob(".*"))  # no temporary folder left


def test_article_report_html_is_self_contained(article_run: reports.RunResult) -> None:
    folder = article_run.run_dir / article_run.reports[0].name
    page = (folder / "report.html").read_text(encoding="utf-8")
    for figure in ("map", "network", "timeline"):  # the shipped PNG is the one embedded
        encoded = base64.b64encode((folder / "figures" / f"{figure}.png").read_bytes()).decode()
        assert f"data:image/png;base64,{encoded}" in page, figure
    assert "<script" not in page.lower()
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", page, re.IGNORECASE)
    assert "@import" not in page
    assert "North Korean leader" in page and "Places" in page and "Evidence".lower() in page.lower()
    assert "hide-in-report" not in page and "Change the parameters below" not in page
    # titled by its first sentence, shortened (the file has no title line), not by its file name
    headline = "North Korean leader Kim Jong Un will meet with President Vladimir Putin in Russia…"
    assert f"<h1>{headline}</h1>" in page and f"<title>{headline}" in page
    index = article_run.index.read_text(encoding="utf-8")
    assert f'href="{article_run.reports[0].name}/report.html"' in index and ">ok<" in index


def test_corpus_report(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps(a) + "\n" for a in CORPUS), encoding="utf-8")
    job = reports.corpus_job([corpus], start="2023-09-01", end="2023-09-30", countries="rus, prk")
    assert job.parameters["focus_countries"] == "RUS,PRK"
    run = reports.run_reports([job], tmp_path / "reports" / "weekly")
    (result,) = run.reports
    assert result.ok, result.error
    folder = run.run_dir / "corpus"
    for name in ("countries", "network", "dyads"):  # the dyads chart is the corpus timeline
        assert (folder / "figures" / f"{name}.png").is_file(), name
    page = (folder / "report.html").read_text(encoding="utf-8")
    assert "3 articles of 4" in page and "involving PRK, RUS" in page
    assert page.count("data:image/png;base64,") >= 3 and "<script" not in page.lower()
    assert "Domestic events" in page and "Warning" not in page
    records = [json.loads(line) for line in (folder / "data" / "records.jsonl").read_text().splitlines()]
    assert [r["id"] for r in records] == ["c1", "c2", "c3"]


def test_explore_notebook_runs(tmp_path: Path) -> None:
    out = tmp_path / "explore.ipynb"
    papermill.execute_notebook(str(NOTEBOOKS / "03-explore.ipynb"), str(out), kernel_name="python3",
                               parameters={"text": "Putin met Kim in Vladivostok.", "place_name": "Kyiv"},
                               cwd=str(NOTEBOOKS), progress_bar=False, start_timeout=60,
                               execution_timeout=300)
    nb = nbformat.read(out, as_version=4)
    assert not [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert any("Vladivostok" in json.dumps(c.outputs) for c in nb.cells if c.cell_type == "code")
