"""Number words -> floats: Arabic (12,000  678.46), Chinese (三万四千五百六十七  一点零四亿), mixed (5万  1.49万亿).

The parser reads the number only; units, qualifiers (余, 多) and ranges are split off by figures.py.
cn2an would do most of this but rejects decimals before a magnitude (一点零四亿) and bare magnitudes
(千 in 近千条), and costs a function call with validation per number; this is a plain loop over a few
characters. Every form of Chinese numeral is read:
- formal: 一千二百三十四 -> 1234, 四百零六亿;
- financial: 壹仟贰佰叁拾肆 -> 1234 (traditional 貳參陸 arrive as 贰参陆 from normalisation; 参 is 叁);
- colloquial: 两万 -> 20000, 廿三 -> 23, 卅 -> 30, 卌 -> 40, 零点77 -> 0.77, and a last digit right after
  a magnitude counts in the next lower one: 三千五 -> 3500, 一万二 -> 12000, 两亿五 -> 250000000
  (一万零五, with 零, is 10005).
"""

from __future__ import annotations

import re

CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CN_SMALL = {"十": 10, "百": 100, "千": 1000}
CN_TENS = {"廿": 20, "卅": 30, "卌": 40}  # 廿三 -> 23
# Financial numerals -> formal ones, character for character: 壹佰贰拾 -> 一百二十
FINANCIAL = str.maketrans("壹贰貮叁参肆伍陆柒捌玖拾佰仟", "一二二三三四五六七八九十百千")
MAGNITUDES = {"万亿": 1e12, "千万": 1e7, "百万": 1e6, "亿": 1e8, "万": 1e4, "千": 1e3, "百": 100}

# 678.46, 12,000, 21 364, 0.47 with an optional magnitude: 1.49万亿, 22800万
_ARABIC = re.compile(r"(\d+(?:,\d{3})*(?: \d{3})*(?:\.\d+)?)\s?(万亿|千万|百万|亿|万|千|百)?")  # 21 364万: spaced thousands
# a decimal Chinese number before a magnitude: 一点零四亿, 二十八点八亿
_CN_DECIMAL = re.compile(r"(.+?)点([零〇一二两三四五六七八九]+|[0-9]+)(万亿|亿|万)?")  # 零点77


def parse_number(text: str) -> float:
    """The value of one number word; raises ValueError on anything else."""
    text = text.strip()
    if len(text) <= 12 and text.isascii():  # most numbers: 12 digits at most, no comma, no magnitude
        whole, dot, fraction = text.partition(".")
        if whole.isdigit() and (not dot or fraction.isdigit()):
            return float(text)  # as tidy(float(text)): 12 significant digits or fewer round-trip
    arabic = _ARABIC.fullmatch(text)
    if arabic:
        return tidy(float(arabic[1].replace(",", "").replace(" ", "")) * MAGNITUDES.get(arabic[2] or "", 1))
    text = text.translate(FINANCIAL)
    decimal = _CN_DECIMAL.fullmatch(text)
    if decimal:
        fraction = decimal[2] if decimal[2].isascii() else "".join(str(CN_DIGITS[ch]) for ch in decimal[2])
        mantissa = _cn_integer(decimal[1]) + float("0." + fraction)
        return tidy(mantissa * MAGNITUDES.get(decimal[3] or "", 1))
    return float(_cn_integer(text))


def tidy(value: float) -> float:
    """12 significant digits: 152.3 * 1e8 is 15230000000.000002 in binary floating point."""
    if type(value) is float and value.is_integer() and -1e12 < value < 1e12:
        return value  # a whole number below 10**12 is printed and read back exactly
    return float(f"{value:.12g}")


def _cn_integer(text: str) -> int:
    """三百一十七亿六千七百万 -> 31767000000: split on the largest magnitude, then read each section."""
    if not text:
        raise ValueError("empty number")
    for char, size in (("亿", 100_000_000), ("万", 10_000)):
        head, sep, tail = text.rpartition(char)
        if sep:
            return (_cn_integer(head) if head else 1) * size + _tail(tail, size)
    return _cn_section(text)


def _tail(tail: str, size: int) -> int:
    """What follows 万 or 亿: 一万二 -> 2000 (a lone digit counts in the next lower unit), 一万零五 -> 5."""
    if not tail:
        return 0
    if len(tail) == 1 and tail in CN_DIGITS and CN_DIGITS[tail]:
        return CN_DIGITS[tail] * size // 10
    return _cn_integer(tail)


def _cn_section(text: str) -> int:
    """A number below 10000: 四千五百六十七, 十六 (a leading 十 means 一十), 一百零六, 廿三, 三千五 (3500)."""
    value, digit, last = 0, None, 1  # last: the multiplier the digit right now follows (1 after 零)
    for ch in text:
        if ch in CN_DIGITS:
            digit = CN_DIGITS[ch]
            if not digit:  # 零 holds a place: 一百零五 is 105
                last = 1
        elif ch in CN_SMALL:
            value += (1 if digit is None else digit) * CN_SMALL[ch]
            digit, last = None, CN_SMALL[ch]
        elif ch in CN_TENS:
            value += CN_TENS[ch]
            digit, last = None, 1
        elif ch.isdigit():  # an Arabic digit inside a Chinese number: 2千 is read by _ARABIC, not here
            raise ValueError(f"mixed digits in {text!r}")
        else:
            raise ValueError(f"not a number: {text!r}")
    # 三千五: a last digit right after 百 or 千 counts in the next lower unit (十 is already the lowest)
    return value + (digit or 0) * max(1, last // 10)


def parse_tenths(whole: str, tenth: str | None) -> float:
    """成 as percent: 九成 -> 90, 二成八 -> 28, 8成 -> 80."""
    first = float(whole) if whole.isdigit() else CN_DIGITS[whole]
    return first * 10 + (CN_DIGITS[tenth] if tenth else 0)
