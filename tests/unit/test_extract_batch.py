"""A batch is extracted stage by stage: the same figures as article by article, and one failure stays its own."""

from __future__ import annotations

from datetime import date

from flows.extract import extract_batch, extract_figures
from flows.records import Article

PAGES = [
    "2024年3月5日 来源:某市日报\n今年以来,某县签约项目12个,总投资86.5亿元,同比增长21.3%。",
    "据统计,2023年该园区实现工业总产值318亿元,下降4.2%,规上企业达到57家。",
    "本报讯 全市本周天气晴好,市民出行顺利。",  # no figure: nothing to read
    "截至9月底,某区新设市场主体1.2万户,其中企业3860户。",
]


def _article(text: str, source: str) -> Article:
    return Article(source=source, content_hash="0" * 64, original_text=text, text=text, title=None,
                   published_date=date(2024, 3, 5))


def test_a_batch_gives_what_each_article_gives_alone():
    articles = [_article(text, f"p{n}.txt") for n, text in enumerate(PAGES)]
    batch = extract_batch(articles)
    assert batch == [extract_figures(article) for article in articles]
    assert [len(figures) for figures in batch] == [3, 3, 0, 2]


def test_an_article_the_extractor_fails_on_fails_alone():
    broken = _article(PAGES[0], "broken.txt")
    broken.text = None  # a text that is no text: the first stage raises on it
    articles = [_article(PAGES[1], "a.txt"), broken, _article(PAGES[3], "b.txt")]
    first, failure, last = extract_batch(articles)
    assert isinstance(failure, TypeError)
    assert first == extract_figures(articles[0]) and last == extract_figures(articles[2])
