"""Bytes -> text: the encodings Chinese news comes in, and what is refused with which reason."""

from __future__ import annotations

import json

import pytest

from flows.acquire.local import make_document
from flows.parse.decode import decode_bytes, document_text
from flows.parse.errors import DecodeError

SENTENCE = "2024年，片区共推进重点项目26个，总投资73.9亿元，年度计划投资13亿元。"
TRADITIONAL = "2024年，片區共推進重點項目26個，總投資73.9億元，年度計劃投資13億元。"


@pytest.mark.parametrize(
    "encoding, text",
    [
        ("utf-8", SENTENCE),
        ("utf-8-sig", SENTENCE),  # Windows editors write a BOM
        ("gb18030", SENTENCE),  # mainland sites still serve GBK/GB18030
        ("gbk", SENTENCE),
        ("big5", TRADITIONAL),  # Taiwan and Hong Kong sites serve Big5
        ("utf-16", SENTENCE),
    ],
)
def test_decodes_the_encodings_chinese_news_comes_in(encoding, text):
    assert decode_bytes(text.encode(encoding)) == text


@pytest.mark.parametrize(
    "content, reason",
    [
        (b"", "empty"),
        (b"  \n\t ", "empty"),  # whitespace only is as empty as nothing
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
    ],
)
def test_refuses_what_is_not_text(content, reason):
    with pytest.raises(DecodeError) as refused:
        decode_bytes(content)
    assert refused.value.reason == reason


def test_html_page_gives_main_text_and_title_without_ruby_pinyin():
    page = (
        "<html><head><title>片区重点项目加快推进</title></head><body><div class='nav'>首页 &gt; 新闻</div>"
        f"<article><p>{SENTENCE}</p><p>片区新设企业<ruby>企<rt>qǐ</rt></ruby>业527家，同比增长31.2%。</p></article>"
        "</body></html>"
    )
    text, hints = document_text(make_document("page.html", page.encode("utf-8"), "text/html"))
    assert hints["title"] == "片区重点项目加快推进"
    assert "总投资73.9亿元" in text and "527家" in text
    assert "qǐ" not in text


def test_html_page_in_gbk_is_decoded_before_extraction():
    page = f"<html><head><title>标题</title></head><body><article><p>{SENTENCE}</p></article></body></html>"
    text, _ = document_text(make_document("page.htm", page.encode("gbk"), "text/html"))
    assert "总投资73.9亿元" in text


def test_json_record_gives_its_text_field_and_metadata_hints():
    record = {"title": "片区项目", "date": "2024-01-25", "content": SENTENCE}
    text, hints = document_text(make_document("a.json", json.dumps(record).encode(), "application/json"))
    assert text == SENTENCE
    assert hints == {"title": "片区项目", "published_date": "2024-01-25"}


def test_json_record_without_text_is_refused():
    with pytest.raises(DecodeError) as refused:
        document_text(make_document("a.json", b'{"title": "only a title"}', "application/json"))
    assert refused.value.reason == "no_text_field"


def test_a_records_first_date_field_wins():
    record = {"pub_date": "2023-03-04", "time": "10:05", "content": SENTENCE}
    _, hints = document_text(make_document("a.json", json.dumps(record).encode(), "application/json"))
    assert hints == {"published_date": "2023-03-04"}


@pytest.mark.parametrize("meta", [
    '<meta name="PubDate" content="2023-06-12 09:30">',
    "<meta content='2023-06-12T09:30:00+08:00' property='article:published_time'/>",
])
def test_html_meta_publication_date_is_a_hint(meta):
    page = f"<html><head><title>标题</title>{meta}</head><body><article><p>{SENTENCE}</p></article></body></html>"
    _, hints = document_text(make_document("p.html", page.encode("utf-8"), "text/html"))
    assert hints["published_date"].startswith("2023-06-12")


def test_html_keeps_paragraphs_apart_and_the_dateline_that_precise_extraction_drops():
    page = (
        "<html><head><title>重大项目集中开工</title><script>var t='2020-01-01';</script></head><body>"
        "<article><h1>重大项目集中开工</h1><p class='meta'>2024-02-20 10:05:33 来源：某某日报</p>"
        f"<p>{SENTENCE}</p><p>其中，先进制造业项目21个，总投资126亿元，同比增长12.5%，带动就业1.2万人。</p>"
        "</article></body></html>"
    )
    text, _ = document_text(make_document("p.html", page.encode("utf-8"), "text/html"))
    lines = text.splitlines()
    assert "2024-02-20 10:05:33 来源：某某日报" in lines  # the page's dateline, not the script's date
    assert any(line.startswith("其中") for line in lines)  # paragraphs stay lines of their own


PAGE = '<html><head>{meta}<title>t</title></head><body><p>{text}</p></body></html>'
NAMES = "2023年，朱镕基题写的校名与校训同在。"  # 镕 is in GBK, not in GB2312


@pytest.mark.parametrize(
    "content, declared, expected",
    [
        # a header charset decides between GBK and Big5, which detection on a short text can mix up
        (SENTENCE.encode("gbk"), "gbk", SENTENCE),
        (TRADITIONAL.encode("big5"), "big5", TRADITIONAL),
        # gb2312 is read as gb18030, so a GBK-only character declared as gb2312 survives
        (NAMES[:12].encode("gbk"), "gb2312", NAMES[:12]),
        # big5 is read as big5hkscs: a Hong Kong character under a plain big5 label survives
        ("嘅".encode("big5hkscs") + TRADITIONAL.encode("big5"), "big5", "嘅" + TRADITIONAL),  # 嘅: HKSCS, not Big5
        # x-gbk: a label browsers know and Python does not
        (SENTENCE.encode("gbk"), "x-gbk", SENTENCE),
        # a GBK page that says UTF-8: the declaration is wrong, detection finds GBK
        (SENTENCE.encode("gbk") * 3, "utf-8", SENTENCE * 3),
        # valid UTF-8 under a stale gb2312 label is UTF-8
        (SENTENCE.encode("utf-8"), "gb2312", SENTENCE),
    ],
)
def test_a_declared_charset_is_used_when_the_bytes_decode_under_it(content, declared, expected):
    assert decode_bytes(content, declared) == expected


@pytest.mark.parametrize("meta", ['<meta charset="gbk">', '<meta http-equiv="Content-Type" content="text/html; charset=GB2312">'])
def test_a_meta_charset_is_read_from_the_page(meta):
    content = PAGE.format(meta=meta, text=NAMES[:12]).encode("gb18030")
    assert NAMES[:12] in decode_bytes(content)


def test_the_http_header_charset_of_a_fetched_page_is_used():
    content = PAGE.format(meta="", text=TRADITIONAL).encode("big5")
    document = make_document("https://a.cn/x.html", content, "text/html",
                             {"headers": {"content-type": "text/html; charset=Big5"}})
    text, _ = document_text(document)
    assert "總投資73.9億元" in text


@pytest.mark.parametrize("content", [
    "签约项目15个，协议资金96.35亿元。".encode() + b"\xff" + "同比增长12.5%。".encode(),  # one invalid byte
    "签约项目15个，协议资金96.35亿元。".encode()[:-1],  # the last character cut off
    # GBK with a dangling lead byte (long enough for detection to know GBK)
    "签约项目15个，协议资金96.35亿元。今年以来，全区经济运行总体平稳，重点项目建设加快推进。".encode("gbk") * 4 + b"\x81",
])
def test_a_few_undecodable_bytes_are_replaced_and_the_text_kept(content):
    text = decode_bytes(content)
    assert "签约项目15个" in text and "\ufffd" in text  # U+FFFD, which normalize flags as garbled


def test_text_that_is_mostly_undecodable_is_refused():
    with pytest.raises(DecodeError) as refused:
        decode_bytes("签约".encode() + bytes(range(0x80, 0x100)) * 3)
    assert refused.value.reason == "undecodable"


@pytest.mark.parametrize("text, encoding, declared", [
    (SENTENCE * 4, "gbk", "gbk"),  # a declared GBK page with a dangling lead byte
    (TRADITIONAL * 4, "big5", "big5"),
])
def test_a_declared_page_with_a_stray_byte_is_read_with_replacement_not_refused(text, encoding, declared):
    decoded = decode_bytes(text.encode(encoding) + b"\x81", declared)
    assert decoded.startswith(text) and decoded.endswith("\ufffd")
