"""`--where` as a user writes it: years, spans, provinces by their beginning, categories from the vocabulary."""

from __future__ import annotations

import pytest

from reports.filters import FilterError, Filters, parse_where


@pytest.mark.parametrize(("clauses", "expected"), [
    ([], Filters()),
    (["year=2023"], Filters(years=(2023,))),
    (["year=2021-2023"], Filters(years=(2021, 2022, 2023))),
    (["years=2024,2022", "year=2024"], Filters(years=(2024, 2022))),  # repeats add nothing
    (["province=云南,广西"], Filters(provinces=("云南", "广西"))),
    (["Category=investment", "province= 黑龙江省 "], Filters(provinces=("黑龙江省",), categories=("investment",))),
])
def test_where_clauses_become_filters(clauses, expected):
    assert parse_where(clauses) == expected


@pytest.mark.parametrize(("clause", "says"), [
    ("yr=2023", "cannot read --where"),
    ("year", "cannot read --where"),
    ("year=", "cannot read --where"),
    ("year=twenty", "not a year"),
    ("year=2024-2021", "run forwards"),   # a span written backwards is a typo, not an empty report
    ("year=20245", "between"),
    ("category=money", "unknown category 'money'"),
])
def test_a_where_the_report_cannot_apply_says_what_it_accepts(clause, says):
    with pytest.raises(FilterError, match=says):
        parse_where([clause])


def test_filters_describe_themselves_for_the_page():
    assert Filters().describe() == "all figures"
    assert parse_where(["year=2023-2024", "province=云南"]).describe() == "years 2023, 2024; provinces 云南"
