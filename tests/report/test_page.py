"""The page as a file: self-contained (nothing to fetch), every section there, links back to the articles."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from reports.build import ReportFailed, ReportProcess, write_report, write_report_apart
from reports.filters import parse_where
from reports.page import article_href, sentence_href
from tests.report.conftest import load_articles
from warehouse.query import run_query


def test_the_sample_report_needs_no_network(samples_warehouse, tmp_path):
    written = write_report(samples_warehouse, tmp_path / "report.html")
    html = written.path.read_text(encoding="utf-8")
    # nothing loaded from elsewhere: no <script src>, no stylesheet link, no remote image or font
    assert not re.search(r"<script[^>]+src=", html)
    assert not re.search(r"<link[^>]+stylesheet", html)
    assert not re.search(r"url\(\s*['\"]?https?:", html)
    assert "Plotly.newPlot" in html and len(html) > 3_000_000  # plotly.js itself is inside
    for chart in ("chart-totals", "chart-top-places", "chart-map", "chart-growth"):
        assert f'id="{chart}"' in html
    for table in ("map-table", "largest-table", "growth-table", "quality-table", "rejects-table"):
        assert f'id="{table}"' in html
    assert written.headline["articles_loaded"] == 6 and written.headline["figures"] > 40


def test_largest_figures_link_to_their_article_and_sentence(samples_warehouse, tmp_path):
    html = write_report(samples_warehouse, tmp_path / "report.html").path.read_text(encoding="utf-8")
    largest = html[html.index('id="largest-table"'):html.index('id="growth"')]
    assert "https://example.org/news/bole-2024-01-25.html#:~:text=" in largest  # a JSON record's URL
    assert re.search(r'href="file:///[^"]+01_ruili_projects\.txt#:~:text=%E', largest)  # a file, at its sentence


def test_filters_show_on_the_page_and_narrow_it(samples_warehouse, tmp_path):
    written = write_report(samples_warehouse, tmp_path / "yunnan.html", parse_where(["province=云南"]))
    html = written.path.read_text(encoding="utf-8")
    assert "filters: provinces 云南" in html
    _, yunnan = run_query(samples_warehouse, "select distinct place from facts where province = '云南省' and place is not null")
    assert written.headline["places"] == len(yunnan) >= 2  # 瑞丽市 and 瑞丽边境经济合作区 at least
    table = html[html.index('id="map-table"'):html.index("</table>", html.index('id="map-table"'))]
    assert "瑞丽市" in table and "中山市" not in table
    assert set(re.findall(r"<td>([^<]*省|[^<]*自治区)</td>", table)) == {"云南省"}


def test_a_rewrite_replaces_the_report_whole(samples_warehouse, tmp_path):
    out = tmp_path / "report.html"
    out.write_text("old", encoding="utf-8")
    umask = os.umask(0o022)
    try:
        write_report(samples_warehouse, out)
    finally:
        os.umask(umask)
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert list(tmp_path.iterdir()) == [out]  # no temporary file left behind
    assert out.stat().st_mode & 0o777 == 0o644  # made as any file is under the umask, not private as a tempfile


def test_links_to_articles():
    assert article_href("https://example.org/a.html") == "https://example.org/a.html"
    assert article_href("/data/news/a b.txt") == "file:///data/news/a%20b.txt"
    assert article_href("news/a.txt") == "news/a.txt"
    # the longest run of Chinese: punctuation the original may write otherwise is left out
    assert sentence_href("https://x.cn/a", "2024年,瑞丽市签约项目15个,协议资金96.35亿元。") == \
        "https://x.cn/a#:~:text=" + "%E7%91%9E%E4%B8%BD%E5%B8%82%E7%AD%BE%E7%BA%A6%E9%A1%B9%E7%9B%AE"
    assert sentence_href("https://x.cn/a", "12%") == "https://x.cn/a"
    assert Path("/data/news/a b.txt").as_uri() == "file:///data/news/a%20b.txt"


def test_a_warehouse_with_nothing_yet_still_gives_a_page(tmp_path):
    written = write_report(load_articles(tmp_path / "empty.duckdb", {}), tmp_path / "empty.html")
    html = written.path.read_text(encoding="utf-8")
    assert "No dated figures match the filters." in html and "No change rates match the filters." in html
    assert 'id="chart-map"' in html and "Nothing was rejected." in html  # the outlines still draw


def test_the_report_written_in_a_process_of_its_own_is_the_same_page(samples_warehouse, tmp_path):
    # the flow writes it so, to keep its memory out of the loading process's
    here = write_report(samples_warehouse, tmp_path / "here.html")
    apart = write_report_apart(samples_warehouse, tmp_path / "apart.html")
    assert apart.headline == here.headline  # the headline's types too: the run's report artifact formats them
    assert apart.size_bytes == here.size_bytes == apart.path.stat().st_size
    assert 50 < apart.peak_mb < 2000  # the child's own peak, in MB


def test_a_report_process_that_fails_says_why(tmp_path):
    with pytest.raises(ReportFailed, match="no warehouse at"):
        write_report_apart(tmp_path / "nowhere.duckdb")


def test_a_report_process_started_ahead_writes_when_asked_and_ends_when_not(samples_warehouse, tmp_path):
    # the flow starts one as a run begins, so its imports overlap the run; a failed run never asks it
    with ReportProcess() as child:
        written = child.write(samples_warehouse, tmp_path / "ahead.html")
    assert written.path.read_text(encoding="utf-8").count('id="chart-map"') == 1
    idle = ReportProcess()
    idle.close()
    assert idle.returncode == 0 and not list(tmp_path.glob("*.tmp"))
