"""Decoded text -> normalised text: simplified script, ASCII digits, no converter debris, no furniture.

The result keeps one paragraph a line. It cannot repair mojibake; it only finds and reports it, so
figures read from garbage are not trusted.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache

from flows.parse.simplify import simplify
from flows.rules import script as rules
from flows.rules.boilerplate import FURNITURE_ANYWHERE, FURNITURE_FIRST, FURNITURE_START, MAX_FURNITURE_LEN
from flows.rules.places import VARIANT_CHARS

# Footers and menus (copyright, ICP, crumbs) are looked for only in this many lines at each end:
# searching every line for them cost more than the rest of normalisation bar OpenCC.
_EDGE_LINES = 12


@dataclass(slots=True)
class Normalized:
    """What normalisation yields: the text, the lines metadata reads, and what it noticed."""

    text: str
    lines: list[str]  # every non-empty line after folding and simplifying, furniture included
    furniture: list[bool]  # per line of lines: page furniture or header metadata
    script: str  # simplified | traditional | mixed
    garbled_spans: list[tuple[int, int]] = field(default_factory=list)  # offsets in text


def normalize(raw: str) -> Normalized:
    """Fold widths, strip pinyin debris, convert to simplified, drop furniture, find mojibake."""
    folded = fold_width(raw)
    if "?" in folded:
        folded = rules.LOST_CHAR_CHAIN.sub(_repair_lost_char, folded)
    folded = rules.STRAY_COMMA.sub("", rules.PINYIN_DEBRIS.sub("", folded))
    folded = fold_variants(folded)  # before the script test: a compatibility 陸 is traditional 陸
    converted, script = simplify(folded)
    lines = [line.strip() for line in converted.split("\n")]
    # "出炉 |": table debris. Stripped again only where a "|" is: most lines have none.
    lines = [line.strip("|").strip() if "|" in line else line for line in lines if line]
    lines = [line for line in lines if line]
    edge_end = len(lines) - _EDGE_LINES
    furniture = [is_furniture(line, at_edge=i < _EDGE_LINES or i >= edge_end) for i, line in enumerate(lines)]
    text = _join_cjk(_body_lines(lines, furniture))
    return Normalized(text, lines, furniture, script, garbled_spans(text))


def fold_width(text: str) -> str:
    """Full-width digits, letters and the punctuation of rules.PUNCT_FOLD -> ASCII."""
    for wide, narrow in rules.PUNCT_FOLD:
        if wide in text:
            text = text.replace(wide, narrow)
    if rules.FULLWIDTH_ALNUM.search(text):
        text = text.translate(rules.ALNUM_FOLD)
    return text


def fold_variants(text: str) -> str:
    """Variant characters OpenCC leaves -> the standard ones of place names, one for one: "陜西省" ->
    "陕西省", "甯夏" -> "宁夏"; CJK compatibility ideographs -> their unified forms. Same length, so
    offsets into the text stay true."""
    table, present = _variant_table()
    return text.translate(table) if present.search(text) else text


@cache
def _variant_table() -> tuple[dict[int, str], re.Pattern]:
    """The fold as a translate table, and a class of its characters to test a text cheaply first
    (translate with a dict costs ~70 ns a character; most pages hold no variant)."""
    fold = dict(VARIANT_CHARS)
    for code in range(0xF900, 0xFB00):  # compatibility ideographs: Unicode's canonical singletons
        unified = unicodedata.normalize("NFC", chr(code))
        if len(unified) == 1 and unified != chr(code):
            fold[chr(code)] = unified
    return str.maketrans(fold), re.compile(f"[{''.join(fold)}]")


def _repair_lost_char(match: re.Match) -> str:
    """"日?qǐng)?bào)" -> "日报" when the pair is known; else the chain stays, to be flagged as garbage."""
    before = match.string[match.start() - 1: match.start()]
    last_pinyin = match[0].rstrip("|)").rsplit("?", 1)[-1]
    return rules.LOST_CHAR_REPAIRS.get((before, last_pinyin), match[0])


def is_furniture(line: str, *, at_edge: bool = True) -> bool:
    """True for page furniture and header metadata lines ("分享到:", "来源:昆明发布").

    at_edge: the line is near the top or bottom of the page, where footers and menus are.
    """
    if len(line) > MAX_FURNITURE_LEN:
        return False
    # A set test of the first character before FURNITURE_START: most lines are prose and fail it
    first = line[:1]
    if (first in FURNITURE_FIRST or not first.isalnum() or first.isdigit()) and FURNITURE_START.match(line):
        return True
    return bool(at_edge and FURNITURE_ANYWHERE.search(line))


def _body_lines(lines: list[str], furniture: list[bool]) -> list[str]:
    """Lines that are article text, each once: pages repeat their headline ("分享到:" blocks).

    Site names heading the page ("衡水市统计局") stay: they tell whose figures these are.
    """
    seen: set[str] = set()
    body = []
    for i, line in enumerate(lines):
        if furniture[i] or line in seen:
            continue
        seen.add(line)
        body.append(line)
    return body


def _join_cjk(lines: list[str]) -> str:
    """Lines joined, spaces between two CJK characters removed: "同期增 长" -> "同期增长"."""
    text = "\n".join(lines)
    if " " not in text:
        return text
    return rules.CJK_SPACES.sub(lambda m: "" if _is_cjk(m.string[m.start() - 1: m.start()]) else m[0], text)


def _is_cjk(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf"


def garbled_spans(text: str) -> list[tuple[int, int]]:
    """Spans of text that look like GBK/UTF-8 mojibake: "?缇衬茉淳C" in "?缇衬茉淳C合利用".

    Cannot see mojibake that decodes into common characters only; those read as odd words.
    """
    # Every strong sign holds one of these: most pages have none, and "in" is cheaper than a scan
    strong = "?" in text or "\ufffd" in text or "/p>" in text
    anchors = [m.start() for pattern in rules.MOJIBAKE_STRONG for m in pattern.finditer(text)] if strong else []
    anchors += [m.start() for pattern in rules.MOJIBAKE_WEAK for m in pattern.finditer(text)
                if _odd_count(text[m.start(): m.start() + rules.MOJIBAKE_WINDOW]) >= rules.MOJIBAKE_RARE_MIN]
    spans: list[tuple[int, int]] = []
    for start in sorted(anchors):
        if not spans or start >= spans[-1][1]:
            spans.append((start, _garble_end(text, start)))
    return spans


def _garble_end(text: str, start: int) -> int:
    """Offset after the last odd character of the run that starts at start."""
    last = start
    for i in range(start + 1, min(len(text), start + 64)):
        if _is_odd(text[i]):
            last = i
        elif i - last > rules.MOJIBAKE_GAP or text[i] == "\n":
            break
    return last + 1


def _odd_count(window: str) -> int:
    return sum(map(_is_odd, window))


@cache
def _is_odd(char: str) -> bool:
    """A character mojibake produces and prose rarely does: outside GB2312 level 1, Latin, "?"."""
    if char in "?!;/<>" or "A" <= char <= "z" or "\u00c0" <= char <= "\u024f":
        return True
    if "\u0370" <= char <= "\u03ff" or "\u3100" <= char <= "\u312f":  # Greek, bopomofo
        return True
    if not _is_cjk(char):
        return False
    try:
        code = char.encode("gb2312")
    except UnicodeEncodeError:
        return True
    return code[0] > 0xD7  # GB2312 level 2: the 3,008 less common characters
