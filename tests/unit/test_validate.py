"""Validation: rows that break a schema become rejects with the failed check; the rest of the batch goes on."""

from __future__ import annotations

from datetime import date, datetime

from flows.acquire.local import make_document
from flows.batch import validate_batch
from flows.records import Article, Figure, Place


def article(source: str, text: str = "2024年，签约项目15个，协议资金96.35亿元。") -> Article:
    document = make_document(source, text.encode(), "text/plain")
    return Article(source=source, content_hash=document.content_hash, original_text=text, text=text,
                   title="签约项目", published_date=date(2024, 1, 19))


def figure(**changes) -> Figure:
    fields = dict(mention="15个", sentence="签约项目15个。", value=15.0, unit="count", metric="签约项目",
                  category="projects", year=2024, rule="test")
    return Figure(**{**fields, **changes})


def test_a_figure_breaking_its_schema_is_rejected_and_the_others_load():
    good = article("a.txt")
    documents = [make_document("a.txt", good.original_text.encode(), "text/plain")]
    figures = [[figure(), figure(mention="96.35亿元", value=9.635e9, unit="yuan", category="investment")]]
    tables, rejects = validate_batch(documents, [good], figures, "run-1", datetime(2024, 1, 20))
    assert tables["fact_figure"]["mention"].to_list() == ["15个"]
    assert [(r.stage, r.reason, r.source) for r in rejects] == [("validate", "schema:unit", "a.txt")]
    assert "96.35亿元" in rejects[0].detail


def test_a_repeated_figure_keeps_its_first_statement():
    # a headline repeating the body states the figure twice; the grain is one row per figure
    one = article("b.txt")
    figures = [[figure(), figure(sentence="标题：签约项目15个。", start=40)]]
    tables, rejects = validate_batch([], [one], figures, "run-1", datetime(2024, 1, 20))
    assert tables["fact_figure"].height == 1 and tables["fact_figure"]["position"].to_list() == [0]
    assert rejects[0].reason.startswith("schema:")


def test_star_tables_derive_their_dimensions():
    one = article("c.txt")
    tables, _ = validate_batch([], [one], [[figure()]], "run-1", datetime(2024, 1, 20))
    assert tables["dim_metric"].select("metric", "category").rows() == [("签约项目", "projects")]
    assert tables["dim_date"].select("date_id", "quarter", "day_of_week").rows() == [(20240119, 1, 5)]
    assert tables["dim_article"]["figure_count"].to_list() == [1]
    assert tables["dim_source"].select("publisher", "site", "kind").rows() == [("unknown", "local", "file")]


def test_a_figure_inside_mojibake_is_marked_not_to_be_trusted():
    garbled = article("d.txt")
    garbled.garbled_spans = [(30, 60)]  # where the decoder left garbage
    figures = [[figure(), figure(mention="9?3亿元", value=9.3e8, unit="CNY", category="investment", start=35, end=41)]]
    tables, _ = validate_batch([], [garbled], figures, "run-1", datetime(2024, 1, 20))
    assert tables["fact_figure"].select("mention", "is_garbled").rows() == [("15个", False), ("9?3亿元", True)]


def test_a_decline_loads_with_its_negative_value():
    # ANNOTATION.md: a change that is a decline is negative (下降5% -> -5)
    one = article("e.txt", "2024年，出口下降5%。")
    figures = [[figure(mention="5%", sentence="出口下降5%。", value=-5.0, unit="percent", is_change=True, metric="出口",
                       category="trade")]]
    tables, rejects = validate_batch([], [one], figures, "run-1", datetime(2024, 1, 20))
    assert tables["fact_figure"]["value"].to_list() == [-5.0] and rejects == []


def test_equal_figures_of_two_places_both_load():
    # 乙市4个、丙市4个: the grain is distinct by place too
    one = article("f.txt")
    places = [Place(f"53010{i}", name, "county", "530100", "云南省") for i, name in enumerate(("甲县", "乙县"))]
    figures = [[figure(place=places[0]), figure(place=places[1], start=20)]]
    tables, rejects = validate_batch([], [one], figures, "run-1", datetime(2024, 1, 20))
    assert tables["fact_figure"].height == 2 and rejects == []
