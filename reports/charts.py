"""The report's charts: plotly figures from the marts' frames, one plain function a chart, no I/O.

Plotly draws SVG in the page from its own inlined JS; the map is a cartesian scatter on lon/lat over the
province outlines, because plotly's geo charts fetch their base map from a CDN at view time.
"""

from __future__ import annotations

import math

import plotly.graph_objects as go
import polars as pl
from plotly.subplots import make_subplots

from reports import geo

CATEGORY_COLOURS = {"investment": "#1f77b4", "projects": "#ff7f0e", "enterprises": "#2ca02c", "trade": "#d62728",
                    "logistics": "#9467bd", "people": "#8c564b", "public_finance": "#e377c2",
                    "public_service": "#7f7f7f", "other": "#bcbd22"}
RISE, DECLINE = "#2a6fb0", "#d1495b"
MEASURES = (("investment", "投资 investment", "亿元"), ("trade", "贸易 trade", "亿元"), ("projects", "项目 projects", "个"))
LABEL_CHARS = 12  # longer place names (中国(广西)自由贸易试验区钦州港片区) are cut on axes; hover shows them whole
MAP_LAT = 36.0  # degrees: y is stretched by 1/cos(lat) so China keeps its shape on a flat lon/lat plot
MAX_BUBBLE_PX = 46  # the largest amount's bubble; areas grow with the amount
MIN_BUBBLE_PX = 4  # a small amount stays visible, and thousands of places do not cover the map


def _layout(fig: go.Figure, height: int, **extra) -> go.Figure:
    fig.update_layout(height=height, margin={"l": 10, "r": 10, "t": 40, "b": 10}, template="plotly_white",
                      font={"family": "Noto Sans CJK SC, Microsoft YaHei, PingFang SC, sans-serif", "size": 12},
                      legend={"orientation": "h", "y": -0.08}, **extra)
    return fig


def _empty(message: str, height: int = 160) -> go.Figure:
    """A chart with nothing to draw says so, rather than an empty frame of axes."""
    fig = go.Figure()
    fig.add_annotation(text=message, showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper", font={"size": 14})
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return _layout(fig, height)


def _short(name: str | None) -> str:
    name = name or "(no place)"
    return name if len(name) <= LABEL_CHARS else name[:LABEL_CHARS - 1] + "…"


def totals_chart(totals: pl.DataFrame) -> go.Figure:
    """Bars by year and category, one panel and one y axis per unit (亿元, 人, 万吨 ...): no unit is added to another."""
    if totals.is_empty():
        return _empty("No dated figures match the filters.")
    units = totals.sort("position")["unit_label"].unique(maintain_order=True).to_list()
    years = [str(y) for y in sorted(totals["year"].unique().to_list())]
    fig = make_subplots(rows=len(units), cols=1, shared_xaxes=True, vertical_spacing=0.25 / len(units),
                        subplot_titles=[f"total in {unit}" for unit in units])
    shown: set[str] = set()
    for row, unit in enumerate(units, start=1):
        for category, part in totals.filter(pl.col("unit_label") == unit).group_by("category", maintain_order=True):
            name = category[0]
            fig.add_trace(go.Bar(x=[str(y) for y in part["year"]], y=part["total"], name=name, legendgroup=name,
                                 showlegend=name not in shown, marker_color=CATEGORY_COLOURS.get(name, "#333"),
                                 customdata=part["figures"],
                                 hovertemplate=f"{name} %{{x}}: %{{y:,.2f}} {unit} (%{{customdata}} figures)<extra></extra>"),
                          row=row, col=1)
            shown.add(name)
        fig.update_yaxes(title_text=unit, row=row, col=1)
    fig.update_xaxes(type="category", categoryorder="array", categoryarray=years)
    return _layout(fig, 190 * len(units) + 90, barmode="group")


def top_places_chart(top: pl.DataFrame) -> go.Figure:
    """The places with the most investment (亿元), trade (亿元) and projects, a panel each, largest on top."""
    if top.is_empty():
        return _empty("No investment, trade or project figures with a place match the filters.")
    fig = make_subplots(rows=1, cols=3, horizontal_spacing=0.12,
                        subplot_titles=[f"{title} ({unit})" for _, title, unit in MEASURES])
    for col, (measure, _, unit) in enumerate(MEASURES, start=1):
        part = top.filter(pl.col("measure") == measure).sort("rank", descending=True)
        fig.add_trace(go.Bar(x=part["total"], y=[_short(p) for p in part["place"]], orientation="h", showlegend=False,
                             marker_color=CATEGORY_COLOURS[measure],
                             customdata=list(zip(part["place"], part["province"], part["figures"], strict=True)),
                             hovertemplate=f"%{{customdata[0]}} (%{{customdata[1]}}): %{{x:,.2f}} {unit}, "
                                           f"%{{customdata[2]}} figures<extra></extra>"),
                      row=1, col=col)
    rows = top.group_by("measure").len()["len"].max() or 1
    return _layout(fig, 22 * rows + 120)


def map_chart(places: pl.DataFrame, outlines: dict) -> go.Figure:
    """Every place with figures at its point over the province outlines, bubbles sized by investment and by trade."""
    xs, ys = geo.outline_path(outlines["shapes"])
    fig = go.Figure(go.Scatter(x=xs, y=ys, mode="lines", line={"color": "#9aa5b1", "width": 0.8},
                               hoverinfo="skip", showlegend=False, name="provinces"))
    largest = max([v for column in ("investment", "trade") for v in places[column].drop_nulls().to_list()] or [1.0])
    hover = [f"<b>{p}</b> ({prov})<br>investment {_amount(i)} 亿元<br>trade {_amount(t)} 亿元<br>"
             f"projects {_amount(n, 0)}<br>{f} figures"
             for p, prov, i, t, n, f in places.select("place", "province", "investment", "trade", "projects",
                                                      "figures").iter_rows()]
    for column, label, colour in (("investment", "investment (亿元)", CATEGORY_COLOURS["investment"]),
                                  ("trade", "trade (亿元)", CATEGORY_COLOURS["trade"])):
        rows = [i for i, v in enumerate(places[column].to_list()) if v]
        sizes = [max(MIN_BUBBLE_PX, MAX_BUBBLE_PX * math.sqrt(places[column][i] / largest)) for i in rows]
        fig.add_trace(go.Scatter(x=[places["lon"][i] for i in rows], y=[places["lat"][i] for i in rows], mode="markers",
                                 name=label, hoverinfo="skip",
                                 marker={"size": sizes, "color": colour, "opacity": 0.55,
                                         "line": {"width": 1, "color": "white"}}))
    # The hover text rides on the dots at the bubbles' centres only: once per place, a third of the page's weight.
    fig.add_trace(go.Scatter(x=places["lon"], y=places["lat"], mode="markers", name="place with figures",
                             text=hover, hovertemplate="%{text}<extra></extra>",
                             marker={"size": 3, "color": "#222"}))
    fig.update_xaxes(visible=False, range=[73, 136])  # all of China, the South China Sea islands too
    fig.update_yaxes(visible=False, range=[3, 54], scaleanchor="x", scaleratio=1 / math.cos(math.radians(MAP_LAT)))
    return _layout(fig, 680, hovermode="closest", hoverdistance=MAX_BUBBLE_PX // 2)


def growth_chart(rates: pl.DataFrame) -> go.Figure:
    """Change rates as bars from zero: rises up in blue, declines down in red, largest first."""
    if rates.is_empty():
        return _empty("No change rates match the filters.")
    ordered = rates.sort("value", descending=True)
    labels = [f"{i + 1}. {_short(place)} {metric or ''} {year or ''}".strip()
              for i, (place, metric, year) in enumerate(ordered.select("place", "metric", "year").iter_rows())]
    values = ordered["value"].to_list()
    fig = go.Figure(go.Bar(x=labels, y=values, marker_color=[DECLINE if v < 0 else RISE for v in values],
                           text=[f"{'▼' if v < 0 else '▲'} {v:+.1f}%" for v in values], textposition="outside",
                           customdata=list(zip(ordered["place"], ordered["sentence"], strict=True)),
                           hovertemplate="%{customdata[0]}: %{y:+.1f}%<br>%{customdata[1]}<extra></extra>"))
    fig.add_hline(y=0, line_color="#333", line_width=1.5)
    fig.update_yaxes(title_text="change, %", zeroline=True)
    fig.update_xaxes(tickangle=-40)
    return _layout(fig, 460, showlegend=False)


def _amount(value: float | None, decimals: int = 2) -> str:
    return "–" if value is None else f"{value:,.{decimals}f}"
