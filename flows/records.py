"""The records that travel between stages: what each transform takes and returns.

Plain dataclasses, no framework: acquire -> RawDocument, parse -> Article, extract -> Figure.
Anything refused on the way becomes a Reject, so nothing is lost silently.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True, slots=True)
class RawDocument:
    """The bytes of one input exactly as read or fetched, kept so an article can be re-extracted."""

    source: str  # file path or URL; "path#3" for the third record of a JSON Lines file
    content: bytes
    media_type: str  # "text/plain", "text/html", "text/markdown", "application/json"
    content_hash: str  # sha256 of content, hex
    hints: dict = field(default_factory=dict)  # metadata a container gave (JSON title/date fields)


@dataclass(frozen=True, slots=True)
class Place:
    """One place of the gazetteer: an administrative division or a named zone."""

    place_id: str  # adcode for divisions ("530100"); "zone:<adcode>:<name>" for zones
    name: str  # canonical full name: "昆明市", "磨憨—磨丁经济合作区"
    level: str  # country | province | prefecture | county | zone
    parent_id: str | None
    province: str | None  # canonical name of the province it lies in ("云南省")


@dataclass(slots=True)
class Article:
    """One article after decoding and normalisation: the unit extraction works on."""

    source: str
    content_hash: str
    original_text: str  # decoded text as found (HTML already reduced to text)
    text: str  # normalised: simplified script, pinyin debris and boilerplate removed, one paragraph a line
    title: str | None = None
    published_date: date | None = None
    published_year: int | None = None  # also where the page gives a month but no day (来源:某刊 2024年5月)
    publisher: str | None = None
    bylines: list[str] = field(default_factory=list)  # reporters, editors, photographers
    script: str = "simplified"  # simplified | traditional | mixed
    is_mojibake: bool = False  # garbled fragments found: figures near them are not to be trusted
    garbled_spans: list[tuple[int, int]] = field(default_factory=list)  # [start, end) in text of the garbage
    copy_of: str | None = None  # source of the article this one is a byte-identical copy of: no figures of its own


@dataclass(slots=True)
class Figure:
    """One figure stated in an article, with what it measures, where and when."""

    mention: str  # number plus unit as it stands in the normalised text: "678.46亿元"
    sentence: str  # the normalised sentence that states it
    value: float  # in base units: yuan, tonnes, persons, ...; the percent number for percent
    unit: str  # CNY, USD, EUR, HKD, percent, tonne, person, person_time, count, km, m2, m3, mu, kwh, other:<unit>
    qualifier: str = "exact"  # exact | approx | over | under
    is_change: bool = False  # a change rate or change amount (同比增长370.2%), or percentage points
    metric: str | None = None  # what is measured, a phrase from the text: 总投资, 注册企业
    category: str = "other"  # investment, projects, enterprises, trade, logistics, people, public_finance, public_service, other
    year: int | None = None  # reporting year the figure refers to
    place: Place | None = None
    rule: str = ""  # name of the rule that produced it, for debugging
    start: int = 0  # offsets of the mention in Article.text
    end: int = 0
    sentence_start: int = 0  # offsets in Article.text of the whole sentence (`sentence` is capped)
    sentence_end: int = 0
    is_threshold: bool = False  # the bound of a class, no amount: 10亿元 of 10亿元以上项目371个, 超千万美元项目


@dataclass(frozen=True, slots=True)
class Reject:
    """Anything refused at some stage, with the reason in words a user can act on."""

    stage: str  # discover | acquire | parse | extract | validate | load
    source: str
    reason: str  # short, stable code: "empty", "binary", "not_an_article", "schema:<check>"
    detail: str = ""  # the human sentence: what was wrong and where
