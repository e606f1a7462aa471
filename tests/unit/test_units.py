"""The unit table (flows/rules/units.tsv) against ANNOTATION.md's "Units" section."""

import re

import pytest

from flows.extract.figures import find_mentions
from flows.rules.units import UNIT_WORDS, UNITS
from flows.rules.vocab import UNITS as UNIT_CODES

# ANNOTATION.md, Units: "count for every classifier of discrete things (个 家 户 项 条 座 所 间 台 辆 艘 架 列 趟
# 班 票 件 只 头 种 批 顶 站 口岸)"; person for 人 名 位 and 人口; person_time for 人次
GUIDE_COUNTS = "个 家 户 项 条 座 所 间 台 辆 艘 架 列 趟 班 票 件 只 头 种 批 顶 站 口岸".split()


@pytest.mark.parametrize("word", GUIDE_COUNTS)
def test_every_classifier_of_the_guide_is_a_count(word):
    assert UNITS[word] == ("count", 1)


@pytest.mark.parametrize("word, unit", [("人", "person"), ("名", "person"), ("位", "person"), ("人口", "person"),
                                        ("人次", "person_time"), ("辆次", "other:辆次"), ("架次", "other:架次")])
def test_persons_and_trips(word, unit):
    assert UNITS[word][0] == unit


@pytest.mark.parametrize("word, unit, factor", [
    ("米", "km", 0.001), ("公里", "km", 1), ("平方公里", "m2", 1e6), ("平方千米", "m2", 1e6), ("公顷", "m2", 1e4),
    ("平方米", "m2", 1), ("亩", "mu", 1), ("立方米", "m3", 1), ("公斤", "tonne", 0.001), ("千瓦时", "kwh", 1),
    ("千瓦", "other:千瓦", 1), ("兆瓦", "other:千瓦", 1000),
])
def test_lengths_areas_weights_energy_in_base_units(word, unit, factor):
    assert UNITS[word] == (unit, factor)


def test_every_unit_is_a_code_of_the_guide_or_other():
    assert {w.unit for w in UNIT_WORDS.values() if not w.unit.startswith("other:")} <= set(UNIT_CODES)


@pytest.mark.parametrize("row", list(UNIT_WORDS.values()), ids=lambda row: row.surface)
def test_every_row_matches_its_example(row):
    # the example's first figure is read with the row's unit (a price keeps its magnitude in the unit)
    example = row.example.split(" -> ")[0]
    found = find_mentions(example + "。")
    assert found, example
    unit = found[0].unit
    assert unit == row.unit or (row.kind == "price" and re.fullmatch(rf"other:[万亿]?{re.escape(row.surface)}", unit))
