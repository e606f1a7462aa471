"""Traditional -> simplified: the character map gives what OpenCC gives, and OpenCC takes what it would not."""

from __future__ import annotations

import opencc
import pytest

from flows.parse import simplify as module
from flows.parse.simplify import simplify

_OPENCC = opencc.OpenCC("t2s")


def _fast_path_taken(text: str) -> bool:
    tables = module._tables()
    return not module._needs_opencc(tables.exceptions, text, module._code_points(text))


def test_the_fast_path_is_on():
    # OpenCC's dictionaries were read: if a new OpenCC changes their format, every page would quietly go
    # to OpenCC (right, but slower): this says so.
    assert module._tables().exceptions is not None


@pytest.mark.parametrize("text", [
    "該縣今年簽約項目42個,總投資316億元,同比增長12.5%。",  # characters only: the map
    "園區實現進出口貿易額達到創紀錄的水平,並帶動周邊鄉鎮發展。",
    "據統計,全區規模以上工業企業實現產值185億元。",
])
def test_pages_of_characters_only_take_the_map_and_match_opencc(text):
    assert _fast_path_taken(text)
    assert simplify(text) == (_OPENCC.convert(text), "traditional")


@pytest.mark.parametrize("text", [
    "乾隆年間此地已是商埠,如今建成物流園區。",  # 乾隆 keeps its 乾, which alone becomes 干
    "市場壓力沈重,企業負擔加大。",  # 沈重 -> 沉重, where 沈 alone stays 沈 (a surname)
])
def test_a_phrase_opencc_converts_its_own_way_goes_to_opencc(text):
    assert not _fast_path_taken(text)
    assert simplify(text)[0] == _OPENCC.convert(text)


def test_the_phrase_exception_is_real():
    # The reason for the fallback: converted character by character 乾隆 would lose its 乾.
    assert _OPENCC.convert("乾隆") == "乾隆" and _OPENCC.convert("乾") == "干"


def test_a_character_beyond_the_bmp_goes_to_opencc():
    text = "該項目位於𠀋村,總投資5億元。"
    assert not _fast_path_taken(text)
    assert simplify(text)[0] == _OPENCC.convert(text)


def test_simplified_pages_are_returned_as_they_are():
    text = "该县今年签约项目42个,总投资316亿元。"
    converted, script = simplify(text)
    assert converted is text and script == "simplified"


def test_every_traditional_only_character_converts_as_opencc_converts_it():
    # The whole map at once: each character the script test counts as traditional, in one page.
    tables = module._tables()
    page = "".join(chr(code) for code in tables.traditional.nonzero()[0])
    if _fast_path_taken(page):
        assert simplify(page)[0] == _OPENCC.convert(page)
    else:  # the page holds exception characters: check it without them, by the map alone
        keep = "".join(c for c in page if not tables.exceptions.chars[ord(c)])
        assert module._tables().to_simplified.take(module._code_points(keep)).tobytes().decode("utf-32-le") == \
            _OPENCC.convert(keep)
