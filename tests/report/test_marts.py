"""The report's SQL on small warehouses of our own: what is added up, what is kept apart, what the filters keep."""

from __future__ import annotations

from datetime import date

import pytest

from flows.records import Reject
from reports.filters import Filters, parse_where
from reports.queries import read_sections
from tests.report.conftest import CHINA, HEIHE, RUILI, ZONE, figure, load_articles


@pytest.fixture
def warehouse(tmp_path):
    return load_articles(tmp_path / "w.duckdb", {
        "a.txt": (date(2024, 3, 1), [
            figure(3e9, "CNY", "investment", RUILI, 2024),              # 30 亿元
            figure(1.2e4, "person", "people", RUILI, 2024, "带动就业"),  # 人: its own axis, never added to 亿元
            figure(12.5, "percent", "investment", RUILI, 2024, "完成投资", is_change=True),
            figure(46, "count", "projects", RUILI, 2024, "重点项目"),
        ]),
        # b.txt restates a.txt's 30 亿元 (syndicated news): counted once; adds trade and a decline
        "b.txt": (date(2024, 4, 1), [
            figure(3e9, "CNY", "investment", RUILI, 2024),
            figure(8e9, "CNY", "trade", HEIHE, 2023, "进出口总额"),
            figure(-4.2, "percent", "trade", HEIHE, 2023, "进出口总额", is_change=True),
        ]),
        # an undated, garbled article: a zone's figure and a national one
        "c.txt": (None, [
            figure(5e8, "CNY", "investment", ZONE, 2023, "完成固定资产投资"),
            figure(7e10, "CNY", "investment", CHINA, 2023),
        ]),
    }, garbled={"c.txt"}, rejects=[Reject("parse", "d.txt", "empty", "the file is empty"),
                                   Reject("parse", "e.txt", "empty", "the file is empty")])


def test_totals_keep_units_apart_and_count_a_restated_figure_once(warehouse):
    totals = read_sections(warehouse, Filters())["totals_by_category_year"]
    rows = {(r["unit_label"], r["category"], r["year"]): r["total"] for r in totals.to_dicts()}
    # 30 亿元 stated by a.txt and b.txt is 30, not 60; people are 人, never added to 亿元
    assert rows[("亿元", "investment", 2024)] == pytest.approx(30)
    assert rows[("人", "people", 2024)] == pytest.approx(12000)
    assert rows[("亿元", "investment", 2023)] == pytest.approx(705)  # the zone's 5 亿元 and the national 700 亿元
    assert not any(label == "percent" for label, _, _ in rows)  # change rates are no totals


def test_top_places_rank_investment_trade_and_projects(warehouse):
    top = read_sections(warehouse, Filters())["top_places"]
    first = {r["measure"]: (r["place"], r["total"]) for r in top.filter(top["rank"] == 1).to_dicts()}
    assert first["investment"] == ("瑞丽市", pytest.approx(30))  # 全国's 700 亿元 is no place's
    assert first["trade"] == ("黑河市", pytest.approx(80))
    assert first["projects"] == ("瑞丽市", pytest.approx(46))


def test_map_places_a_zone_at_its_parent_and_leaves_the_country_off(warehouse):
    places = {r["place"]: r for r in read_sections(warehouse, Filters())["place_map"].to_dicts()}
    assert set(places) == {"瑞丽市", "黑河市", "瑞丽边境经济合作区"}
    assert (places["瑞丽边境经济合作区"]["lon"], places["瑞丽边境经济合作区"]["lat"]) == (
        places["瑞丽市"]["lon"], places["瑞丽市"]["lat"])
    assert 97 < places["瑞丽市"]["lon"] < 99 and 23 < places["瑞丽市"]["lat"] < 25  # on the Myanmar border
    assert 126 < places["黑河市"]["lon"] < 128 and places["黑河市"]["trade"] == pytest.approx(80)


def test_growth_rates_keep_their_sign(warehouse):
    rates = read_sections(warehouse, Filters())["growth_rates"].to_dicts()
    assert [(r["value"], r["direction"]) for r in rates] == [(12.5, "rise"), (-4.2, "decline")]


def test_largest_figures_carry_their_sentence_and_article(warehouse):
    largest = read_sections(warehouse, Filters())["largest_figures"]
    top = largest.row(0, named=True)
    assert (top["unit_label"], top["shown"], top["place"], top["source"]) == ("亿元", pytest.approx(700), "中国", "c.txt")
    assert "70000000000" in top["sentence"]
    restated = largest.filter(largest["shown"] == 30).row(0, named=True)
    assert restated["articles"] == 2 and restated["source"] == "a.txt"  # the first article by source is quoted


def test_filters_keep_years_provinces_and_categories(warehouse):
    def headline(*where):
        return read_sections(warehouse, parse_where(list(where)))["headline"].row(0, named=True)

    assert headline("province=云南")["places"] == 2  # 瑞丽市 and its zone; 黑河 and the country are left out
    assert headline("year=2023")["figures"] == 4
    assert headline("category=trade", "year=2023")["figures"] == 2
    assert headline("province=黑龙江", "year=2024")["figures"] == 0
    assert headline("year=2023")["articles_loaded"] == 3  # the warehouse's, whatever the filters


def test_quality_counts_garbled_figures_undated_articles_and_rejects(warehouse):
    sections = read_sections(warehouse, Filters())
    checks = {r["check_name"]: (r["found"], r["out_of"]) for r in sections["data_quality"].to_dicts()}
    assert checks["figures read next to garbled text (fact_figure.is_garbled)"] == (2, 9)
    assert checks["articles without a date"] == (1, 3)
    assert sections["rejects_by_reason"].to_dicts() == [
        {"stage": "parse", "reason": "empty", "rejects": 2, "example_source": "d.txt", "example_detail": "the file is empty"}]
    kinds = sections["quality_examples"]["kind"].to_list()
    assert kinds.count("garbled figure") == 2 and kinds.count("article without a date") == 1
    assert sections["headline"]["rejects"][0] == 2


def test_an_empty_warehouse_gives_empty_sections_not_errors(tmp_path):
    sections = read_sections(load_articles(tmp_path / "empty.duckdb", {}), Filters())
    assert sections["headline"]["figures"][0] == 0 and sections["place_map"].is_empty()


def test_a_class_threshold_is_in_no_total_and_no_ranking(tmp_path):
    # 100亿元以上项目2个: the 100 亿元 bounds a class of projects; 瑞丽's investment is its 30 亿元 alone
    warehouse = load_articles(tmp_path / "t.duckdb", {"a.txt": (date(2024, 3, 1), [
        figure(3e9, "CNY", "investment", RUILI, 2024),
        figure(1e10, "CNY", "investment", RUILI, 2024, "100亿元以上项目", is_threshold=True),
        figure(2, "count", "projects", RUILI, 2024, "100亿元以上项目"),
    ])})
    sections = read_sections(warehouse, Filters())
    totals = {(r["unit_label"], r["category"]): r["total"] for r in sections["totals_by_category_year"].to_dicts()}
    assert totals[("亿元", "investment")] == pytest.approx(30)
    top = sections["top_places"].filter(sections["top_places"]["measure"] == "investment").row(0, named=True)
    assert (top["place"], top["total"]) == ("瑞丽市", pytest.approx(30))
    assert sections["place_map"].row(0, named=True)["investment"] == pytest.approx(30)
    assert sections["largest_figures"].filter(sections["largest_figures"]["unit_label"] == "亿元")["shown"].to_list() == \
        [pytest.approx(30)]
    assert sections["headline"]["figures"][0] == 3  # still a figure of the warehouse, only never added up
