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


def spans(text: str, date: str) -> list[tuple[str, str, str, str]]:
    return [(t.text, t.date, t.last_day, t.precision) for t in find_times(text, 0, len(text), article_date=date)]


@pytest.mark.parametrize(("text", "date", "first", "last", "precision"), [
    # a span up to the article date is the time before it, not the calendar period before
    ("Trade grew in the past year.", MONDAY, "2022-09-11", "2023-09-10", "year"),
    ("Trade grew over the last year.", MONDAY, "2022-09-11", "2023-09-10", "year"),
    ("Trade grew during the past year.", "2024-03-31", "2023-03-31", "2024-03-30", "year"),
    ("Prices rose 5% over the past 12 months.", MONDAY, "2022-09-11", "2023-09-10", "month"),
    ("The two sides met often in recent months.", MONDAY, "2023-06-11", "2023-09-10", "month"),
    ("Shelling grew in recent weeks.", "2023-09-13", "2023-08-23", "2023-09-12", "week"),
    ("Attacks rose in the past week.", "2023-09-13", "2023-09-06", "2023-09-12", "week"),
    ("In the last few days, clashes spread.", MONDAY, "2023-09-08", "2023-09-10", "day"),
    ("The last two years saw war.", MONDAY, "2021-09-11", "2023-09-10", "year"),
    ("Prices fell over the past month.", "2024-03-31", "2024-02-29", "2024-03-30", "month"),  # a leap February
    # calendar periods: the whole week, month or year
    ("Officials met last week.", "2023-09-13", "2023-09-04", "2023-09-10", "week"),
    ("Exports fell last year.", MONDAY, "2022-01-01", "2022-12-31", "year"),
    ("Exports fell last month.", MONDAY, "2023-08-01", "2023-08-31", "month"),
    ("Kim arrived on Monday.", MONDAY, "2023-09-11", "2023-09-11", "day"),
])
def test_spans_are_the_time_they_mean(text, date, first, last, precision):
    found = spans(text, date)
    assert len(found) == 1, found
    assert found[0][1:] == (first, last, precision)


def test_the_last_year_of_something_is_no_span_up_to_now():
    # without 'in', 'over' ... or a count, 'the last year' is not the year before the article
    assert spans("It was the last year of the war.", MONDAY) == [("last year", "2022-01-01", "2022-12-31", "year")]
