"""The sample articles' report in a real browser: headless Chromium (Debian's) opens the file with no network;
every chart and the map drew, with size, and the console shows no error."""

from __future__ import annotations

import re
import tempfile

import pytest
from playwright.sync_api import sync_playwright

from reports.build import write_report
from reports.filters import Filters
from reports.page import MAP_TABLE_ROWS
from reports.queries import read_sections

# As the issue asks: no sandbox (root in CI), no GPU, nothing phoning home, a fresh empty profile.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
CHARTS = ("chart-totals", "chart-top-places", "chart-map", "chart-growth")


@pytest.fixture(scope="module")
def opened(chromium, samples_warehouse, tmp_path_factory):
    """The report loaded in Chromium: what drew, the console's messages and errors, and every request made."""
    report = write_report(samples_warehouse, tmp_path_factory.mktemp("browser") / "report.html").path
    messages, requests = [], []
    with sync_playwright() as playwright, tempfile.TemporaryDirectory() as profile:
        browser = playwright.chromium.launch_persistent_context(profile, executable_path=str(chromium), headless=True,
                                                                args=CHROMIUM_ARGS, viewport={"width": 1400, "height": 900})
        try:
            page = browser.new_page()
            page.on("console", lambda message: messages.append((message.type, message.text)))
            page.on("pageerror", lambda error: messages.append(("pageerror", str(error))))
            page.on("request", lambda request: requests.append(request.url))
            page.goto(report.as_uri(), wait_until="load", timeout=60_000)
            page.wait_for_function("document.querySelectorAll('.js-plotly-plot .main-svg').length >= 4", timeout=30_000)
            drawn = page.evaluate("""() => Object.fromEntries([...document.querySelectorAll('.js-plotly-plot')].map(
                plot => [plot.id, {box: plot.querySelector('.main-svg').getBoundingClientRect().toJSON(),
                                   traces: plot.querySelectorAll('.trace').length,
                                   bars: plot.querySelectorAll('.bars path').length,
                                   points: plot.querySelectorAll('.scatterlayer .points path').length,
                                   lines: [...plot.querySelectorAll('.scatterlayer .js-line')].map(
                                       l => l.getBoundingClientRect().toJSON())}]))""")
            rows = page.evaluate("() => document.querySelectorAll('#map-table tr').length")
            first_place = page.locator("#chart-map .scatterlayer .trace").last.locator(".points path").first
            first_place.scroll_into_view_if_needed()
            dot = first_place.bounding_box()
            page.mouse.move(dot["x"] + dot["width"] / 2, dot["y"] + dot["height"] / 2)
            page.wait_for_selector("#chart-map .hoverlayer .hovertext", timeout=10_000)
            hover = page.evaluate("""() => [...document.querySelectorAll('#chart-map .hoverlayer .hovertext tspan.line')]
                .map(line => line.textContent).join('|')""")
        finally:
            browser.close()
    places = read_sections(samples_warehouse, Filters())["place_map"]  # what the map should show
    return {"drawn": drawn, "messages": messages, "requests": requests, "map_rows": rows, "uri": report.as_uri(),
            "hover": hover, "places": places}


def test_every_chart_drew_with_size(opened):
    drawn = opened["drawn"]
    assert set(CHARTS) <= set(drawn)
    for chart in CHARTS:
        box = drawn[chart]["box"]
        assert box["width"] > 300 and box["height"] > 150, (chart, box)
    assert drawn["chart-totals"]["bars"] >= 5 and drawn["chart-top-places"]["bars"] >= 8
    assert drawn["chart-growth"]["bars"] >= 10


def test_the_map_drew_outlines_and_places(opened):
    chart = opened["drawn"]["chart-map"]
    lines = chart["lines"]  # the province outlines: a path per ring, together as wide and tall as China
    assert len(lines) > 34
    width = max(b["right"] for b in lines) - min(b["left"] for b in lines)
    height = max(b["bottom"] for b in lines) - min(b["top"] for b in lines)
    assert width > 300 and height > 300, (width, height)
    places = opened["places"]
    assert places.height >= 8  # the samples name at least 8 places
    bubbles = (places["investment"] > 0).sum() + (places["trade"] > 0).sum()
    assert chart["points"] == places.height + bubbles  # a dot per place, a bubble per investment and per trade
    assert opened["map_rows"] == 1 + min(places.height, MAP_TABLE_ROWS)  # the table beside it: a header, the places
    # the first place's point shows its numbers under the pointer (or those of a place on the same point:
    # 瑞丽边境经济合作区 sits on 瑞丽市's)
    shown = re.fullmatch(r"(\S+) \((\S+)\)\|investment (\S+) 亿元\|trade (\S+) 亿元\|projects (\S+)\|(\d+) figures",
                         opened["hover"])
    assert shown, opened["hover"]
    first = places.row(0, named=True)
    hovered = places.filter(places["place"] == shown[1]).row(0, named=True)
    assert (hovered["lon"], hovered["lat"]) == (first["lon"], first["lat"])
    assert shown[3] == (f"{hovered['investment']:,.2f}" if hovered["investment"] is not None else "–")
    assert int(shown[6]) == hovered["figures"]


def test_the_console_shows_no_error(opened):
    errors = [m for m in opened["messages"] if m[0] in ("error", "pageerror")]
    assert errors == []


def test_the_page_asks_nothing_of_the_network(opened):
    assert opened["requests"] == [opened["uri"]]
