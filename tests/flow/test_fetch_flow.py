"""Fetched articles through the real flow, from a real HTTP server on 127.0.0.1 into a real DuckDB file."""

from __future__ import annotations

import json

import pytest

from flows import report
from flows.cli import main
from flows.etl import etl
from flows.settings import FetchPolicy
from tests import news_site
from tests.flow.helpers import rows
from tests.flow.test_etl import artifacts_of, snapshot
from tests.web import Answer, serve

pytestmark = pytest.mark.usefixtures("prefect_server")

# Short timeouts and backoff so the slow page and the retries cost seconds, not minutes.
POLICY = FetchPolicy(connect_timeout=2.0, read_timeout=1.0, total_timeout=1.0, retries=2, backoff=0.05, max_retry_after=5)
LOCAL = "2024-03-01 来源:某某日报\n2023年，瑞丽市签约招商项目35个，协议资金90.1亿元。"


@pytest.fixture
def news():
    with serve() as site:
        news_site.build(site, slow_seconds=2.5)
        yield site


def listings(site) -> list[str]:
    return [site.url("/feed.rss"), site.url("/atom.xml"), site.url("/sitemap_index.xml")]


def run(paths, db, **parameters):
    state = etl(paths=[str(p) for p in paths], db_path=str(db), max_bytes=1_000_000, fetch_policy=POLICY,
                return_state=True, **parameters)
    assert state.is_completed(), state.message
    return state.result()


def test_feeds_and_sitemaps_load_beside_local_files_and_a_rerun_fetches_nothing_in_full(news, warehouse, tmp_path, monkeypatch):
    local = tmp_path / "local.txt"
    local.write_text(LOCAL, encoding="utf-8")
    heard = []
    monkeypatch.setattr(report, "FETCH_LISTENERS", [lambda done, total: heard.append((done, total))])
    counts = run([local, *listings(news)], warehouse)

    # every good page's figures reach facts, under its URL, its site the dim_source
    for path, (value, unit) in news_site.EXPECTED.items():
        found = rows(warehouse, f"select count(*) from facts where source = '{news.url(path)}' and unit = '{unit}' "
                                f"and abs(value - {value}) < 0.01")
        assert found == [(1,)], path
    assert rows(warehouse, "select count(*) from facts where value = 9010000000") == [(1,)]  # the local file too
    assert rows(warehouse, "select distinct s.site, s.kind from dim_article a join dim_source s using (source_id) "
                           "where a.source like 'http%'") == [("127.0.0.1", "web")]
    # every failure reaches rejects, with the URL and the reason (the status in it)
    refused = dict(rows(warehouse, "select source, reason from rejects"))
    assert refused == {news.url(path): reason for path, reason in news_site.REFUSED.items()}
    # raw bytes and headers kept: the GBK page exactly as served
    raw = rows(warehouse, f"select content, headers from raw_document where source = '{news.url('/news/gbk.html')}'")
    assert raw[0][0] == news_site.GBK.encode("gbk") and "etag" in json.loads(raw[0][1])
    assert counts.pages_found == 14 and counts.articles_new == 9 and counts.rejected == len(news_site.REFUSED)
    # progress moved while fetching and ended at all pages
    assert heard[-1] == (14, 14) and len(heard) > 1
    assert artifacts_of(rows(warehouse, "select run_id from etl_run")[0][0])["newsfacts-run-fetch-progress"].data == 100.0

    before, full_before = snapshot(warehouse), sum(news.full[p] for p in news_site.EXPECTED)
    again = run([local, *listings(news)], warehouse)
    assert sum(news.full[p] for p in news_site.EXPECTED) == full_before  # nothing fetched in full: all 304
    assert news.seen_headers["/news/dated.html"][-1]["if-modified-since"] == "Fri, 01 Mar 2024 02:00:00 GMT"
    assert news.seen_headers["/news/etag.html"][-1]["if-none-match"].startswith('"')
    assert again.articles_unchanged == 9 and again.articles_new == 0 and again.figures_loaded == 0
    assert snapshot(warehouse) == before


def test_a_page_that_changed_is_fetched_whole_and_replaces_its_figures(news, warehouse):
    run([news.url("/news/etag.html")], warehouse)
    news.page("/news/etag.html", news_site.ETAG.replace("580万吨", "600万吨"))  # a new ETag with the new body
    counts = run([news.url("/news/etag.html")], warehouse)
    assert counts.articles_changed == 1
    assert rows(warehouse, "select count(*) from facts where value = 6000000 and unit = 'tonne'") == [(1,)]
    assert rows(warehouse, "select count(*) from facts where value = 5800000") == [(0,)]


def test_the_cli_fetches_a_url_list_and_a_local_file_in_one_run(news, warehouse, tmp_path, capsys):
    local = tmp_path / "local.txt"
    local.write_text(LOCAL, encoding="utf-8")
    url_list = tmp_path / "urls.txt"
    url_list.write_text(f"# pages of the week\n{news.url('/news/utf8.html')}\n"
                        f"{news.url('/news/utf8.html?utm_source=wechat')}  # the same page, shared\n\n"
                        f"{news.url('/news/gbk.html')}\nftp://127.0.0.1/report.html\n", encoding="utf-8")
    code = main(["run", str(local), "--urls", str(url_list), "--db", str(warehouse), "--concurrency", "4",
                 "--per-host", "2", "--timeout", "5", "--retries", "1"])
    out = capsys.readouterr().out
    assert code == 0, out
    assert "pages to fetch 2" in out and "new 3" in out
    assert "scheme_not_allowed" in out
    assert news.hits["/news/utf8.html"] == 1  # normalised and de-duplicated before fetching
    assert all("newsfacts/" in h["user-agent"] for h in news.seen_headers["/news/gbk.html"])


def test_a_fetched_page_is_a_document_like_a_file_copies_linked_and_withdrawals_marked(news, warehouse, tmp_path):
    local = tmp_path / "local.html"
    local.write_bytes(news_site.UTF8.encode("utf-8"))
    news.page("/mirror/utf8.html", news_site.UTF8)  # a page with the local file's bytes
    news.page("/news/edited.html", news_site.DATED)
    pages = [news.url("/mirror/utf8.html"), news.url("/news/edited.html")]
    run([local, *pages], warehouse)
    # the page repeats the file: linked to it, so sums count its figures once, and still queryable
    assert rows(warehouse, "select count(*) from facts where abs(value - 8670000000) < 1") == [(1,)]
    copy = rows(warehouse, f"""select c.canonical_article_id = a.article_id from dim_article c, dim_article a
                               where c.source = '{pages[0]}' and a.source = '{local.resolve()}'""")
    assert copy == [(True,)]
    assert rows(warehouse, "select count(*) from facts where abs(value - 123050000000) < 1") == [(1,)]

    news.page("/news/edited.html", "<html><body><p>此页已删除。</p></body></html>")  # edited into no article
    news.route("/mirror/utf8.html", [Answer(404, b"", {"Content-Type": "text/plain"})])  # gone: a reject only
    run([local, *pages], warehouse)
    assert rows(warehouse, "select count(*) from facts where abs(value - 123050000000) < 1") == [(0,)]
    withdrawn = dict(rows(warehouse, "select source, is_withdrawn from dim_article where source like 'http%'"))
    assert withdrawn == {pages[1]: True, pages[0]: False}  # a page that cannot be had is not withdrawn
    reasons = rows(warehouse, "select source, reason from rejects order by reason")
    assert (pages[0], "http_404") in reasons and (pages[1], "not_an_article") in reasons
