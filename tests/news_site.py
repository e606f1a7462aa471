"""A small news site for the fetch tests, written for them: every case issue 8 lists, on a tests.web server.

`build(site)` registers the pages and returns what a run over `site.url("/feed.rss")`, `/atom.xml` and
`/sitemap_index.xml` must load (figures by page) and refuse (reason by URL).
"""

from __future__ import annotations

import gzip
import hashlib

from tests.web import Answer, Site

PAGE = """<!DOCTYPE html>
<html><head>{meta}<title>{title}</title></head>
<body><div class="nav">{nav}</div>
<article><h1>{title}</h1><p class="info">2024-03-01 10:00 {source}：{paper}</p>
{paragraphs}
</article><div class="footer">{footer}</div></body></html>
"""
SIMPLIFIED = {"nav": "首页 | 要闻 | 经济", "source": "来源", "footer": "版权所有 主办单位：某某日报社"}
TRADITIONAL = {"nav": "首頁 | 要聞 | 經濟", "source": "來源", "footer": "版權所有 主辦單位：某某日報社"}


def page(title: str, paragraphs: list[str], paper: str = "边城日报", meta: str = '<meta charset="utf-8">',
         furniture: dict = SIMPLIFIED) -> str:
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return PAGE.format(meta=meta, title=title, paper=paper, paragraphs=body, **furniture)


UTF8 = page("瑞丽市招商引资成效明显", [
    "2023年，瑞丽市签约招商项目32个，协议资金86.7亿元，同比增长27.5%。",
    "全市新登记市场主体1200户，外贸进出口总额达到45.6亿元，口岸经济持续向好。",
])
GBK = page("博乐市固定资产投资稳步增长", [
    "2023年，博乐市完成固定资产投资123.4亿元，同比增长8.6%。",
    "其中，工业投资完成41.2亿元，重点项目建设有序推进，园区承载能力不断提升。",
], meta="")  # no charset anywhere: detection must find GBK
BIG5 = page("瑞麗市簽約項目成效顯著", [
    "2023年，瑞麗市簽約項目21個，協議資金12.5億元，同比增長8.3%。",
    "口岸進出口貨運量達到310萬噸，邊境貿易穩步發展，園區企業不斷增加。",
], paper="邊城日報", meta='<meta charset="utf-8">', furniture=TRADITIONAL)  # declared UTF-8, served as Big5
RUBY = page("澳門投資推廣", [
    "2023年，<ruby>澳<rt>ào</rt></ruby><ruby>門<rt>mén</rt></ruby>特區引進投資項目18個，"
    "<ruby>總<rt>zǒng</rt></ruby>投資額達到36.5億元，同比增長12.1%。",
    "新設立企業共有560家，會展活動帶動旅客消費持續回暖。",
], paper="濠江日報", furniture=TRADITIONAL)
ETAG = page("磨憨口岸货运量创新高", [
    "2023年，磨憨口岸完成进出口货运量580万吨，同比增长41.2%。",
    "口岸通关效率持续提升，中老铁路开行国际货物列车2600列。",
])
DATED = page("凭祥市外贸进出口保持增长", [
    "2023年，凭祥市外贸进出口总额完成1230.5亿元，同比增长6.4%。",
    "边民互市贸易额达到98.7亿元，综合保税区新落户企业75家。",
])
FLAKY = page("二连浩特口岸班列稳定开行", [
    "2023年，二连浩特口岸中欧班列通行2800列，同比增长12.6%。",
    "口岸进出口货运量达到1850万吨，物流园区新入驻企业46家。",
])
BUSY = page("钦州港集装箱吞吐量增长", [
    "2023年，钦州港完成集装箱吞吐量802万标箱，同比增长13.9%。",
    "自贸试验区钦州港片区新设企业3900家，实际利用外资2.3亿美元。",
])
PRIVATE = page("内部资料", ["2023年，某地签约项目99个，协议资金999亿元。这一页不许抓取。"])

# Figures each good page must bring into `facts`: (value, unit), one per page is enough to tell it arrived.
EXPECTED = {
    "/news/utf8.html": (8_670_000_000, "CNY"),
    "/news/gbk.html": (12_340_000_000, "CNY"),
    "/news/big5.html": (1_250_000_000, "CNY"),
    "/news/ruby.html": (3_650_000_000, "CNY"),
    "/news/etag.html": (5_800_000, "tonne"),
    "/news/dated.html": (123_050_000_000, "CNY"),
    "/news/flaky.html": (2800, "count"),
    "/news/busy.html": (13.9, "percent"),
}
# URL path -> reason its reject must give.
REFUSED = {
    "/news/missing.html": "http_404",
    "/news/slow.html": "timeout",
    "/loop/a": "too_many_redirects",
    "/news/huge.html": "too_large",
    "/files/report.pdf": "not_html",
    "/private/secret.html": "robots_disallowed",
}


def build(site: Site, slow_seconds: float = 3.0) -> None:
    """Register every page, feed and sitemap of the site on the server."""
    site.page("/news/utf8.html", UTF8)
    site.page("/news/gbk.html", GBK.encode("gbk"), content_type="text/html")
    site.page("/news/big5.html", BIG5.encode("big5"), content_type="text/html; charset=utf-8")
    site.page("/news/ruby.html", RUBY, content_type="text/html; charset=UTF-8")
    site.page("/news/etag.html", ETAG)
    site.page("/news/dated.html", DATED, etag=False, last_modified="Fri, 01 Mar 2024 02:00:00 GMT")
    flaky, busy = _static(FLAKY), _static(BUSY)
    site.route("/news/flaky.html", [Answer(500, b"oops", {"Content-Type": "text/plain"}), flaky])
    site.route("/news/busy.html", [Answer(429, b"", {"Retry-After": "1"}), busy])
    site.route("/news/slow.html", [Answer(200, UTF8.encode(), {"Content-Type": "text/html"}, delay=slow_seconds)])
    site.route("/loop/a", [Answer(302, b"", {"Location": "/loop/b"})])
    site.route("/loop/b", [Answer(302, b"", {"Location": "/loop/a"})])
    huge = page("大页面", ["2023年，某市签约项目10个，协议资金5亿元。" * 20_000]).encode()  # ~1.2 MB, streamed
    site.route("/news/huge.html", [Answer(200, huge, {"Content-Type": "text/html"}, chunked=True)])
    site.page("/files/report.pdf", b"%PDF-1.4 not a page", content_type="application/pdf")
    site.page("/private/secret.html", PRIVATE)
    site.page("/robots.txt", "User-agent: *\nDisallow: /private/\n", content_type="text/plain", etag=False)
    site.page("/feed.rss", rss(site, ["/news/utf8.html?utm_source=rss#top", "/news/gbk.html", "/news/missing.html",
                                      "/news/slow.html"]), content_type="application/rss+xml")
    site.page("/atom.xml", atom(site, ["/news/big5.html", "/news/ruby.html", "/loop/a", "/news/utf8.html"]),
              content_type="application/atom+xml")
    site.page("/sitemap_index.xml", sitemap_index(site, ["/sitemaps/news.xml.gz"]), content_type="application/xml")
    site.page("/sitemaps/news.xml.gz", gzip.compress(sitemap(site, [
        "/news/etag.html", "/news/dated.html", "/news/flaky.html", "/news/busy.html", "/news/huge.html",
        "/files/report.pdf", "/private/secret.html"]).encode()), content_type="application/x-gzip")


def _static(html: str) -> Answer:
    return Answer(200, html.encode(), {"Content-Type": "text/html; charset=utf-8", "ETag": f'"{hashlib.sha1(html.encode()).hexdigest()[:12]}"'})


def rss(site: Site, paths: list[str]) -> str:
    items = "".join(f"<item><title>t</title><link>{site.url(p).replace('&', '&amp;')}</link></item>" for p in paths)
    return f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>要闻</title>{items}</channel></rss>'


def atom(site: Site, paths: list[str]) -> str:
    entries = "".join(f'<entry><title>t</title><link rel="alternate" href="{site.url(p)}"/></entry>' for p in paths)
    return f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>经济</title>{entries}</feed>'


def sitemap(site: Site, paths: list[str]) -> str:
    urls = "".join(f"<url><loc>{site.url(p)}</loc><lastmod>2024-03-01</lastmod></url>" for p in paths)
    return f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'


def sitemap_index(site: Site, paths: list[str]) -> str:
    maps = "".join(f"<sitemap><loc>{site.url(p)}</loc></sitemap>" for p in paths)
    return (f'<?xml version="1.0" encoding="UTF-8"?>'
            f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{maps}</sitemapindex>')
