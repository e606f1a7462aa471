"""Number words -> values (flows/extract/numbers.py)."""

import cn2an
import pytest

from flows.extract.numbers import parse_number, parse_tenths


@pytest.mark.parametrize(
    "text, value",
    [
        ("12,000", 12000),  # thousands separator
        ("247 815", 247_815),  # thousands set apart by a space
        ("678.46", 678.46),
        ("三万四千五百六十七", 34567),
        ("一点零四亿", 104_000_000),  # cn2an rejects a decimal before a magnitude
        ("二十八点八亿", 2_880_000_000),
        ("十亿三千四百万", 1_034_000_000),  # 亿 section then 万 section
        ("四百零六亿", 40_600_000_000),  # 零 as a place holder
        ("十六点三", 16.3),  # a leading 十 means 一十
        ("5万", 50_000),
        ("1.49万亿", 1_490_000_000_000),
        ("22800万", 228_000_000),
        ("千", 1000),  # bare magnitude (近千条): only a figure with a qualifier, see figures.py
        ("两", 2),
        # formal
        ("一千二百三十四", 1234),
        ("九千零九", 9009),  # 零 holds the place
        # financial, simplified and (through normalisation's t2s) traditional 貳參陸
        ("壹仟贰佰叁拾肆", 1234),
        ("伍佰万", 5_000_000),
        ("贰拾参万", 230_000),  # 參 arrives as 参, the financial 三
        ("陆拾柒亿捌仟玖佰万", 6_789_000_000),
        ("貮拾", 20),  # the variant 貮 (OpenCC leaves it) is 贰
        # colloquial
        ("两万五千", 25_000),
        ("廿三", 23),
        ("卅", 30),
        ("卌八", 48),
        ("零点77", 0.77),  # Arabic decimals after 零点
        ("三千五", 3500),  # a last digit after a magnitude counts in the next lower unit
        ("一万二", 12_000),
        ("两亿五", 250_000_000),
        ("三百五", 350),
        ("一万零五", 10_005),  # ... but not after 零
        ("二十五", 25),  # 十 has no lower unit: read literally
    ],
)
def test_parse_number(text, value):
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["三百一十七亿六千七百万", "一百六十", "三万四千五百六十七", "二十五"])
def test_agrees_with_cn2an_where_cn2an_works(text):
    # cn2an is the reference for plain integers; we parse ourselves for the cases it rejects
    assert parse_number(text) == cn2an.cn2an(text, "smart")


@pytest.mark.parametrize("text", ["", "abc", "三x"])
def test_parse_number_refuses_non_numbers(text):
    with pytest.raises(ValueError):
        parse_number(text)


@pytest.mark.parametrize("whole, tenth, value", [("九", None, 90), ("二", "八", 28), ("8", None, 80), ("一", "九", 19)])
def test_tenths(whole, tenth, value):
    assert parse_tenths(whole, tenth) == value
