"""Unit words that may follow a number, and what they become: (unit code, factor to base units).

The words are data: units.tsv beside this module, one row per surface with its unit, factor, kind,
the words it may not start (6个月 is no count) and an example (see its header). A magnitude (万, 亿)
between number and unit is read by numbers.py, so 万元 is 万 + 元. Longer surfaces are tried first
(平方公里 before 公里, 人次 before 人). A unit not listed is no figure: that is what keeps dates
(年 月 日), durations (天 小时), ordinals' 次 and levels (17级) out.
"""

from __future__ import annotations

from importlib.resources import files
from typing import NamedTuple


class UnitWord(NamedTuple):
    """One row of units.tsv."""

    surface: str
    unit: str
    factor: float
    kind: str  # money, price, percent, physical, people, count
    not_before: str  # regex alternatives that may not follow (月|工作日 after 个)
    example: str


def _read_units() -> dict[str, UnitWord]:
    lines = files(__package__).joinpath("units.tsv").read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in lines if line and not line.startswith("#")]
    return {row[0]: UnitWord(row[0], row[1], float(row[2]), *row[3:]) for row in rows[1:]}  # rows[0]: names


UNIT_WORDS = _read_units()
UNITS: dict[str, tuple[str, float]] = {w.surface: (w.unit, w.factor) for w in UNIT_WORDS.values()}
PRICES = frozenset(w.surface for w in UNIT_WORDS.values() if w.kind == "price")
# A measure word that is really the start of another word: 6个月 (duration), 30个工作日,
# 3台湾 (never), 9家庭, 3单位, 2所有; 大 only before the nouns it counts (11大行业, not 二十大精神).
UNIT_FALSE_STARTS = {w.surface: w.not_before for w in UNIT_WORDS.values() if w.not_before}
# Longest first, so the regex alternation prefers 人次 over 人 and 平方公里 over 公里.
UNIT_SURFACES = sorted(UNITS, key=len, reverse=True)

# A currency written before the number decides what its 元 is: 新台币120亿元, 澳门币3000万元, 港币5亿元
CURRENCY_BEFORE = {"新台币": "other:新台币", "台币": "other:新台币", "澳门币": "other:澳门元", "澳门元": "other:澳门元",
                   "港币": "HKD", "港元": "HKD", "美元": "USD"}
# A currency sign before the number, as Hong Kong, Macau and Taiwan business news write it:
# HK$3.2亿, NT$150亿, US$8000万, MOP$5亿, RMB 20亿元, ￥500万. Longest first.
CURRENCY_SIGNS = {"US$": "USD", "HK$": "HKD", "NT$": "other:新台币", "MOP$": "other:澳门元", "RMB": "CNY",
                  "¥": "CNY", "￥": "CNY", "$": "USD"}
BIG_COUNT_NOUNS = "行业|产业|领域|板块|工程|基地|集群|平台|类|招商|片区|园区|中心"  # 11大行业, 五大产业
