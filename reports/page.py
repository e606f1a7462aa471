"""One self-contained HTML page from the sections' frames: plotly.js, data and styles inline, no request when read."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path
from urllib.parse import quote

import plotly.io as pio
import polars as pl
from jinja2 import Environment, PackageLoader, select_autoescape
from plotly import __version__ as plotly_version
from plotly.offline import get_plotlyjs

from reports import charts, geo
from reports.filters import Filters

PLOT_CONFIG = {"displaylogo": False, "responsive": True, "modeBarButtonsToRemove": ["select2d", "lasso2d"]}
MAP_TABLE_ROWS = 40  # the table beside the map; the map itself shows every place
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]{4,}")


def render(sections: dict[str, pl.DataFrame], filters: Filters, db_path: str, generated_at: datetime) -> str:
    """The page as a string: headline, charts, map, tables and data quality, in that order."""
    outlines = geo.outlines()
    figures = {
        "totals": charts.totals_chart(sections["totals_by_category_year"]),
        "top-places": charts.top_places_chart(sections["top_places"]),
        "map": charts.map_chart(sections["place_map"], outlines),
        "growth": charts.growth_chart(sections["growth_rates"]),
    }
    environment = Environment(loader=PackageLoader("reports"), autoescape=select_autoescape(default=True))
    environment.filters["amount"] = _amount
    return environment.get_template("report.html.j2").render(
        plotly_js=get_plotlyjs(),
        charts={name: _chart_html(name, fig) for name, fig in figures.items()},
        headline=sections["headline"].row(0, named=True),
        largest=_linked(sections["largest_figures"]),
        growth=_linked(sections["growth_rates"].sort("value", descending=True)),
        map_places=sections["place_map"].head(MAP_TABLE_ROWS).to_dicts(),
        map_places_total=sections["place_map"].height,
        rejects=sections["rejects_by_reason"].to_dicts(),
        quality=sections["data_quality"].to_dicts(),
        quality_examples=_linked(sections["quality_examples"]),
        filters=filters.describe(),
        db_path=db_path,
        generated_at=generated_at.strftime("%Y-%m-%d %H:%M"),
        plotly_version=plotly_version,
        geodata_source=outlines["source"],
    )


def _chart_html(name: str, fig) -> str:
    return pio.to_html(fig, full_html=False, include_plotlyjs=False, div_id=f"chart-{name}", config=PLOT_CONFIG)


def _linked(frame: pl.DataFrame) -> list[dict]:
    """Rows with the article's link and a link that opens it at the sentence."""
    rows = frame.to_dicts()
    for row in rows:
        row["article_href"] = article_href(row["source"])
        row["sentence_href"] = sentence_href(row["source"], row.get("sentence"))
    return rows


def article_href(source: str) -> str:
    """A URL as it is; a file path as a file: URI (relative paths as the warehouse stored them)."""
    if re.match(r"^[a-z][a-z0-9+.-]*://", source, re.IGNORECASE):
        return source
    path = Path(source)
    return path.as_uri() if path.is_absolute() else quote(source)


def sentence_href(source: str, sentence: str | None) -> str:
    """The article opened at the sentence, by a text fragment (#:~:text=) on its longest run of Chinese:
    punctuation and digits may be written otherwise in the original (，vs ,) and would not match."""
    runs = _HAN_RUN.findall(sentence or "")
    if not runs:
        return article_href(source)
    return f"{article_href(source)}#:~:text={quote(max(runs, key=len))}"


def _amount(value, decimals: int = 2) -> str:
    if value is None:
        return "–"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.{decimals}f}"
