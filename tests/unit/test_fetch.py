"""The httpx door against a real server on 127.0.0.1: politeness, retries, limits, and a reject for each failure."""

from __future__ import annotations

import ast
import time
from pathlib import Path

import pytest

from flows.acquire.fetch import Fetcher, NotModified
from flows.acquire.politeness import conditional_headers, interleave_hosts, retry_after
from flows.parse.decode import document_text
from flows.records import RawDocument, Reject
from flows.settings import FetchPolicy
from tests import news_site
from tests.conftest import ROOT
from tests.web import Answer, serve

FAST = FetchPolicy(connect_timeout=2.0, read_timeout=0.5, total_timeout=0.5, retries=2, backoff=0.02, max_retry_after=3)


@pytest.fixture
def site():
    with serve() as served:
        news_site.build(served, slow_seconds=1.5)
        yield served


def fetch_one(site, path: str, policy: FetchPolicy = FAST, headers: dict | None = None, max_bytes: int = 1_000_000):
    with Fetcher(policy, max_bytes) as web:
        return web._call(web.page(site.url(path), headers or {}))


@pytest.mark.parametrize("path, reason", sorted(news_site.REFUSED.items()))
def test_each_failure_is_a_reject_with_its_reason(site, path, reason):
    result = fetch_one(site, path)
    assert isinstance(result, Reject) and result.reason == reason and result.source == site.url(path)
    assert result.stage == "acquire" and result.detail


def test_a_404_is_not_retried_a_500_is_and_then_succeeds(site):
    assert fetch_one(site, "/news/missing.html").detail == "HTTP 404 Not Found"
    assert site.hits["/news/missing.html"] == 1
    page = fetch_one(site, "/news/flaky.html")
    assert isinstance(page, RawDocument) and site.hits["/news/flaky.html"] == 2


def test_a_429_waits_as_long_as_retry_after_says(site):
    began = time.monotonic()
    page = fetch_one(site, "/news/busy.html")
    assert isinstance(page, RawDocument) and time.monotonic() - began >= 1.0  # Retry-After: 1
    assert site.hits["/news/busy.html"] == 2


def test_a_retry_after_over_the_cap_gives_the_page_up_at_once(site):
    site.route("/news/later.html", [Answer(429, b"", {"Retry-After": "3600"})])
    result = fetch_one(site, "/news/later.html")
    assert result.reason == "http_429" and "3600" in result.detail and site.hits["/news/later.html"] == 1


def test_timeouts_and_5xx_are_retried_until_the_retries_run_out(site):
    site.route("/news/down.html", [Answer(503, b"")])
    assert fetch_one(site, "/news/down.html").reason == "http_503"
    assert site.hits["/news/down.html"] == 3  # 1 + FAST.retries
    assert "after 3 attempts" in fetch_one(site, "/news/slow.html").detail
    assert site.hits["/news/slow.html"] == 3


def test_a_refused_connection_is_a_reject_after_retries():
    with serve() as gone:
        url = gone.url("/news/a.html")
    with Fetcher(FAST, 1_000_000) as web:  # nobody listens on that port any more
        result = web._call(web.page(url, {}))
    assert result.reason == "connection_error" and "robots.txt" in result.detail  # the first request it tried


def test_only_http_and_https_are_fetched_even_after_a_redirect(site):
    site.route("/news/moved.html", [Answer(301, b"", {"Location": "ftp://127.0.0.1/news.html"})])
    assert fetch_one(site, "/news/moved.html").reason == "scheme_not_allowed"
    with Fetcher(FAST, 1_000_000) as web:
        found = web.expand(["file:///etc/passwd", "ftp://127.0.0.1/a.html", site.url("/news/utf8.html")])
    assert [r.reason for r in found.rejects] == ["scheme_not_allowed", "scheme_not_allowed"]
    assert found.urls == [site.url("/news/utf8.html")]


def test_a_body_over_the_limit_is_refused_by_its_content_length_too(site):
    result = fetch_one(site, "/news/utf8.html", max_bytes=100)
    assert result.reason == "too_large" and "Content-Length" in result.detail


def test_robots_txt_is_read_once_per_host_and_sent_our_user_agent(site):
    with Fetcher(FAST, 1_000_000) as web:
        stream = web.stream([site.url(p) for p in ("/news/utf8.html", "/news/gbk.html", "/private/secret.html")], {})
        results = stream.take(10)
    assert sorted(type(r).__name__ for r in results) == ["RawDocument", "RawDocument", "Reject"]
    assert site.hits["/robots.txt"] == 1 and site.hits["/private/secret.html"] == 0
    assert site.seen_headers["/news/utf8.html"][0]["user-agent"] == FetchPolicy().user_agent


@pytest.mark.parametrize("status, outcome", [(404, RawDocument), (500, "robots_unavailable")])
def test_robots_txt_missing_allows_all_unreachable_allows_nothing(status, outcome):
    # RFC 9309: a 4xx robots.txt means no rules; a 5xx means the site may not be crawled for now
    with serve() as site:
        site.page("/a.html", news_site.UTF8)
        site.route("/robots.txt", [Answer(status, b"")])
        result = fetch_one(site, "/a.html")
    assert isinstance(result, RawDocument) if outcome is RawDocument else result.reason == outcome


def test_requests_in_flight_stay_within_the_per_host_bound():
    with serve() as site:
        for n in range(8):
            site.route(f"/p{n}.html", [Answer(200, news_site.UTF8.encode(), {"Content-Type": "text/html"}, delay=0.2)])
        with Fetcher(FetchPolicy(concurrency=8, per_host=2), 1_000_000) as web:
            results = web.stream([site.url(f"/p{n}.html") for n in range(8)], {}).take(8)
    assert len(results) == 8 and site.most_in_flight == 2


def test_a_host_delay_spaces_requests_out():
    with serve() as site:
        for n in range(3):
            site.page(f"/p{n}.html", news_site.UTF8)
        began = time.monotonic()
        with Fetcher(FetchPolicy(host_delay=0.3, obey_robots=False), 1_000_000) as web:
            web.stream([site.url(f"/p{n}.html") for n in range(3)], {}).take(3)
    assert time.monotonic() - began >= 0.6  # three starts, two gaps


def test_fetching_runs_ahead_of_the_reader_by_the_buffer_only():
    # bodies held at once are bounded: with nobody taking, at most buffer + concurrency pages are fetched
    with serve() as site:
        for n in range(40):
            site.page(f"/p{n}.html", news_site.UTF8)
        with Fetcher(FetchPolicy(concurrency=2, buffer=3, obey_robots=False), 1_000_000) as web:
            stream = web.stream([site.url(f"/p{n}.html") for n in range(40)], {})
            time.sleep(0.5)
            ahead = sum(site.hits.values())
            assert len(stream.take(40)) == 40
    assert ahead <= 3 + 2 + 1


def test_a_page_with_a_stored_etag_or_date_is_fetched_conditionally(site):
    first = fetch_one(site, "/news/etag.html")
    assert isinstance(first, RawDocument) and first.hints["headers"]["etag"]  # headers kept with the bytes
    again = fetch_one(site, "/news/etag.html", headers=conditional_headers(first.hints["headers"]))
    assert again == NotModified(site.url("/news/etag.html"))
    dated = fetch_one(site, "/news/dated.html")
    assert isinstance(fetch_one(site, "/news/dated.html", headers=conditional_headers(dated.hints["headers"])), NotModified)


def test_feeds_and_a_gzipped_sitemap_under_an_index_expand_with_a_limit(site):
    with Fetcher(FAST, 1_000_000) as web:
        everything = web.expand([site.url("/feed.rss"), site.url("/atom.xml"), site.url("/sitemap_index.xml")])
        limited = web.expand([site.url("/feed.rss"), site.url("/sitemap_index.xml")], limit=2)
    # utf8.html is in both feeds, once with a tracking parameter and a fragment: fetched once
    assert len(everything.urls) == 14 and everything.urls.count(site.url("/news/utf8.html")) == 1
    assert limited.urls == [site.url(p) for p in ("/news/utf8.html", "/news/gbk.html", "/news/etag.html", "/news/dated.html")]


@pytest.mark.parametrize("path, words", [
    ("/news/utf8.html", "协议资金86.7亿元"),
    ("/news/gbk.html", "固定资产投资123.4亿元"),  # GBK with no charset anywhere
    ("/news/big5.html", "協議資金12.5億元"),  # Big5 that says it is UTF-8
    ("/news/ruby.html", "總投資額達到36.5億元"),  # ruby: the pinyin is dropped, not run into the text
])
def test_fetched_pages_decode_through_the_html_path(site, path, words):
    text, hints = document_text(fetch_one(site, path))
    assert words in text and "zǒng" not in text and hints["title"]


def test_httpx_is_imported_by_one_module_only():
    importers = []
    for path in sorted(p for folder in ("flows", "warehouse", "schemas") for p in (ROOT / folder).rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
        names |= {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}
        if any(name == "httpx" or name.startswith("httpx.") for name in names):
            importers.append(str(path.relative_to(ROOT)))
    assert importers == [str(Path("flows/acquire/fetch.py"))]


def test_a_page_that_breaks_the_fetcher_is_a_reject_and_the_stream_goes_on(site, monkeypatch):
    real_page = Fetcher.page

    async def page(self, url, headers):
        if url.endswith("gbk.html"):
            raise ValueError("a bug met on one page")
        return await real_page(self, url, headers)

    monkeypatch.setattr(Fetcher, "page", page)
    with Fetcher(FAST, 1_000_000) as web:
        results = web.stream([site.url("/news/gbk.html"), site.url("/news/utf8.html")], {}).take(5)
    rejects = [r for r in results if isinstance(r, Reject)]
    assert len(results) == 2 and rejects[0].reason == "fetch_error" and "a bug met" in rejects[0].detail


@pytest.mark.parametrize("value, seconds", [
    ("120", 120.0), (" 3 ", 3.0), (None, None), ("soon", None),
    ("Wed, 21 Oct 2015 07:28:00 GMT", 0.0),  # a date already past: no wait
])
def test_retry_after_reads_seconds_and_http_dates(value, seconds):
    assert retry_after(value) == seconds


def test_hosts_take_turns_so_one_busy_host_does_not_hold_the_workers():
    urls = ["https://a.cn/1", "https://a.cn/2", "https://a.cn/3", "https://b.cn/1", "https://c.cn/1"]
    assert interleave_hosts(urls) == ["https://a.cn/1", "https://b.cn/1", "https://c.cn/1", "https://a.cn/2", "https://a.cn/3"]
