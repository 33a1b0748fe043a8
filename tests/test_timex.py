"""Time expressions resolved against the article date (analysis.extract.timex)."""

from __future__ import annotations

import pytest

from analysis.extract.timex import find_times

MONDAY = "2023-09-11"  # the bundled article's date, a Monday


def resolve(text: str, *, date: str | None = MONDAY, future: bool = False) -> list[tuple[str, str, str]]:
    return [(t.text, t.date, t.precision) for t in find_times(text, 0, len(text), article_date=date, future=future)]


@pytest.mark.parametrize(("text", "date", "precision"), [
    ("Kim arrived on Monday.", "2023-09-11", "day"),
    ("Kim left on Sunday night.", "2023-09-10", "day"),
    ("Officials met last week.", "2023-09-04", "week"),
    ("The forum runs from Sept. 10-13.", "2023-09-10", "day"),
    ("North Korea closed its borders in January, 2020.", "2020-01-01", "month"),
    ("Russia invaded Ukraine in February, 2022.", "2022-02-01", "month"),
    ("The talks began in 2019.", "2019-01-01", "year"),
    ("The ministers met yesterday.", "2023-09-10", "day"),
    ("They will meet next month.", "2023-10-01", "month"),
    ("The deal was signed on March 3, 2021.", "2021-03-03", "day"),
    ("The deal was signed on Sept. 5.", "2023-09-05", "day"),
])
def test_expressions(text, date, precision):
    found = resolve(text)
    assert len(found) == 1, found
    assert found[0][1:] == (date, precision)


def test_span_is_the_expression():
    text = "Kim left Pyongyang on Sunday night for Russia."
    (t,) = find_times(text, 0, len(text), article_date=MONDAY)
    assert text[t.start:t.end] == t.text == "Sunday night"


def test_weekday_is_on_or_before_the_article_date_unless_planned():
    assert resolve("They met on Friday.") == [("Friday", "2023-09-08", "day")]
    assert resolve("They will meet on Friday.", future=True) == [("Friday", "2023-09-15", "day")]
    assert resolve("They meet on Monday.", future=True) == [("Monday", "2023-09-11", "day")]


def test_lower_case_words_are_no_dates():
    assert resolve("Protesters march to the square and may sun themselves.") == []


def test_without_an_article_date_only_absolute_dates_resolve():
    assert resolve("They met on Monday, last week and in February, 2022.", date=None) == [
        ("February, 2022", "2022-02-01", "month")]


def test_impossible_dates_are_skipped():
    assert resolve("The ceasefire of Feb. 30 never held.") == []


def test_expressions_only_within_the_span():
    text = "On Monday Kim left. On Tuesday he arrived."
    second = text.index("On Tuesday")
    found = find_times(text, second, len(text), article_date=MONDAY)
    assert [t.text for t in found] == ["Tuesday"]
    assert found[0].date == "2023-09-05"


def test_counts_ago_weekends_and_parts_of_months():
    # the article is of Monday 2023-09-11
    assert resolve("Russia attacked Ukraine two days ago.") == [("two days ago", "2023-09-09", "day")]
    assert resolve("Russia attacked Ukraine 3 weeks ago.") == [("3 weeks ago", "2023-08-21", "week")]
    assert resolve("Russia attacked over the weekend.") == [("over the weekend", "2023-09-04", "week")]  # 9-10
    assert resolve("Russia attacked Ukraine in mid-August.") == [("mid-August", "2023-08-01", "month")]
    assert resolve("Russia attacked Ukraine in October.") == [("October", "2022-10-01", "month")]  # the last one
    assert resolve("Russia will attack Ukraine in March.", future=True)[0][1:] == ("2024-03-01", "month")
    assert resolve("Russia attacked Ukraine in August 2022.")[0][1:] == ("2022-08-01", "month")
    assert resolve("Russia may attack Ukraine.") == []
