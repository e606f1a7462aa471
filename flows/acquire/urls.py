"""URLs as plain data: telling them from paths, normalising them, and reading feeds, sitemaps and URL lists.

No network here: flows/acquire/fetch.py fetches, these functions read what it fetched.
"""

from __future__ import annotations

import gzip
import re
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from courlan import normalize_url
from lxml import etree

ALLOWED_SCHEMES = ("http", "https")
# A scheme of two letters or more before a colon: https://x, ftp://x, file:///x, mailto:a@b (C:\\x is a drive).
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]+):")
# Query parameters that say how a reader arrived, not which page it is: dropped before de-duplication.
# utm_source=wechat, spm=a2c4g.11186623, from=timeline, isappinstalled=0, fbclid=IwAR..., gclid=Cj0...
TRACKING_PARAMS = re.compile(
    r"^(?:utm_\w+|spm|fbclid|gclid|dclid|msclkid|yclid|igshid|mc_cid|mc_eid|_hsenc|_hsmi|from|isappinstalled"
    r"|scene|share_token|sharer_\w+|wxfrom|clicktime|enterid)$",
    re.IGNORECASE,
)
# Paths worth opening as a feed or sitemap before they are taken for an article:
# /sitemap.xml, /sitemap_index.xml.gz, /rss.xml, /feed, /atom, /news/index.rss
FEED_LIKE = re.compile(r"(?:\.xml|\.xml\.gz|\.rss|\.atom|/feed|/rss|/atom|sitemap[^/]*)/?$", re.IGNORECASE)


def scheme_of(source: str) -> str | None:
    """The scheme a source names, lowercased, or None for a plain path: "HTTPS://a" -> "https", "a/b.txt" -> None."""
    match = _SCHEME.match(source.strip())
    return match.group(1).lower() if match else None


def is_url(source: str) -> bool:
    return scheme_of(source) is not None


def normalize(url: str) -> str:
    """One spelling per page: scheme and host lowercased, default port, fragment and tracking parameters dropped.

    "HTTP://News.Example.CN:80/a?id=3&utm_source=x#top" -> "http://news.example.cn/a?id=3". The remaining
    query parameters are sorted by courlan, so ?b=2&a=1 and ?a=1&b=2 are one page.
    """
    parts = urlsplit(normalize_url(url.strip()))
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not TRACKING_PARAMS.match(k)])
    return urlunsplit((parts.scheme, parts.netloc, parts.path or "/", query, ""))


def parse_url_list(text: str) -> list[str]:
    """One URL a line; blank lines and `#` comments (whole line or after the URL) skipped."""
    urls = []
    for line in text.splitlines():
        url = line.split(" #", 1)[0].strip()
        if url and not url.startswith("#"):
            urls.append(url)
    return urls


def looks_like_feed(url: str) -> bool:
    return bool(FEED_LIKE.search(urlsplit(url).path))


@dataclass(slots=True)
class Listing:
    """What a feed or sitemap lists: article URLs, and child sitemaps for an index."""

    kind: str  # rss | atom | sitemap | sitemapindex
    articles: list[str] = field(default_factory=list)
    sitemaps: list[str] = field(default_factory=list)


def read_listing(content: bytes) -> Listing | None:
    """An RSS or Atom feed, a sitemap or a sitemap index (gzipped or not) -> its URLs; None for anything else.

    Parsed with lxml, not trafilatura.feeds/sitemaps: those fetch by themselves and keep only links of
    the feed's own domain, while here fetching is httpx's job and a feed may list other sites' pages.
    """
    if content[:2] == b"\x1f\x8b":
        try:
            content = gzip.decompress(content)
        except (OSError, EOFError):
            return None
    if not content.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):  # after a BOM and blanks, markup or nothing
        return None
    try:
        root = etree.fromstring(content, etree.XMLParser(recover=True, resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError:
        return None
    if root is None:
        return None
    kind = etree.QName(root).localname.lower()
    if kind == "rss" or kind == "rdf":
        return Listing("rss", articles=_texts(root, "item", "link"))
    if kind == "feed":
        return Listing("atom", articles=_atom_links(root))
    if kind == "urlset":
        return Listing("sitemap", articles=_texts(root, "url", "loc"))
    if kind == "sitemapindex":
        return Listing("sitemapindex", sitemaps=_texts(root, "sitemap", "loc"))
    return None


def _texts(root, parent: str, child: str) -> list[str]:
    """Text of each <child> of each <parent>, whatever their namespace: <url><loc>https://...</loc></url>."""
    found = root.xpath(f"//*[local-name()='{parent}']/*[local-name()='{child}']/text()")
    return [text.strip() for text in found if text.strip()]


def _atom_links(root) -> list[str]:
    """<entry><link rel="alternate" href="..."/></entry>: the alternate link of each entry (rel defaults to it)."""
    urls = []
    for entry in root.xpath("//*[local-name()='entry']"):
        links = entry.xpath("*[local-name()='link'][not(@rel) or @rel='alternate']/@href")
        if links:
            urls.append(links[0].strip())
    return urls
