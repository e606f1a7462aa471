"""URLs as data: one spelling per page, URL lists, and what feeds and sitemaps list."""

from __future__ import annotations

import gzip

import pytest

from flows.acquire.urls import is_url, looks_like_feed, normalize, parse_url_list, read_listing, scheme_of


@pytest.mark.parametrize(
    "url, expected",
    [
        ("HTTP://News.Example.CN:80/a/b.html", "http://news.example.cn/a/b.html"),  # scheme, host case, default port
        ("https://news.example.cn:443/a", "https://news.example.cn/a"),
        ("https://news.example.cn/a#comments", "https://news.example.cn/a"),  # a fragment is the same page
        ("https://news.example.cn/a?id=3&utm_source=wechat&utm_medium=x", "https://news.example.cn/a?id=3"),
        ("https://news.example.cn/a?spm=a2c4g.1&from=timeline&isappinstalled=0", "https://news.example.cn/a"),
        ("https://news.example.cn/a?b=2&a=1", "https://news.example.cn/a?a=1&b=2"),  # order of parameters
        ("https://news.example.cn", "https://news.example.cn/"),
        ("https://news.example.cn/A/Page.HTML", "https://news.example.cn/A/Page.HTML"),  # paths keep their case
        ("http://127.0.0.1:8123/x?id=5", "http://127.0.0.1:8123/x?id=5"),  # other ports stay
    ],
)
def test_normalize_gives_one_spelling_per_page(url, expected):
    assert normalize(url) == expected


@pytest.mark.parametrize(
    "source, scheme",
    [("https://a.cn/x", "https"), ("HTTP://a.cn", "http"), ("ftp://a.cn/x", "ftp"), ("file:///etc/passwd", "file"),
     ("articles/page.html", None), ("/abs/path.txt", None), ("C:\\articles\\a.txt", None)],  # a drive is no scheme
)
def test_scheme_of_tells_urls_from_paths(source, scheme):
    assert scheme_of(source) == scheme
    assert is_url(source) == (scheme is not None)


def test_url_list_skips_blank_lines_and_comments():
    text = "# weekly list\nhttps://a.cn/1\n\n  https://a.cn/2   # shared by a reader\n#https://a.cn/3\n"
    assert parse_url_list(text) == ["https://a.cn/1", "https://a.cn/2"]


@pytest.mark.parametrize("url, feed_like", [
    ("https://a.cn/sitemap.xml", True), ("https://a.cn/sitemap_index.xml.gz", True), ("https://a.cn/rss.xml", True),
    ("https://a.cn/feed", True), ("https://a.cn/news/atom", True), ("https://a.cn/news/2024/0301.html", False),
])
def test_feed_like_paths_are_opened_before_they_are_taken_for_articles(url, feed_like):
    assert looks_like_feed(url) == feed_like


RSS = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
<item><title>a</title><link>https://a.cn/1.html</link></item><item><link> https://a.cn/2.html </link></item>
</channel></rss>"""
ATOM = b"""<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">
<entry><link rel="self" href="https://a.cn/feed/1"/><link href="https://a.cn/1.html"/></entry>
<entry><link rel="alternate" href="https://a.cn/2.html"/></entry></feed>"""
SITEMAP = b"""<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>https://a.cn/1.html</loc></url><url><loc>https://a.cn/2.html</loc></url></urlset>"""
INDEX = b"""<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>https://a.cn/s1.xml.gz</loc></sitemap></sitemapindex>"""


@pytest.mark.parametrize("content, kind", [
    (RSS, "rss"), (ATOM, "atom"), (SITEMAP, "sitemap"),
    (gzip.compress(SITEMAP), "sitemap"),  # sitemap.xml.gz served as application/x-gzip
    (b"\xef\xbb\xbf" + RSS, "rss"),  # a BOM before the declaration
])
def test_feeds_and_sitemaps_list_their_article_urls(content, kind):
    listing = read_listing(content)
    assert listing.kind == kind
    assert listing.articles == ["https://a.cn/1.html", "https://a.cn/2.html"]  # Atom: the alternate link, not self


def test_a_sitemap_index_lists_sitemaps():
    listing = read_listing(INDEX)
    assert listing.kind == "sitemapindex" and listing.sitemaps == ["https://a.cn/s1.xml.gz"] and listing.articles == []


@pytest.mark.parametrize("content", [
    b"<!DOCTYPE html><html><body><p>\xe6\x96\xb0\xe9\x97\xbb</p></body></html>",  # a page, not a listing
    b"plain text", b"", b"\x1f\x8bnot really gzip",
])
def test_anything_else_is_no_listing(content):
    assert read_listing(content) is None
