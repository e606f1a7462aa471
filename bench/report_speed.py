"""Benchmark: `newsfacts report` on a warehouse of 100,000 articles; prints seconds, page size, peak memory, and
the time Chromium takes to draw the page, against the report of the 6 sample articles in the same run.

The warehouse is synthesised through the project's loader: the sample articles are extracted once, then
copied with another source, place (any of the gazetteer's), year (2015-2025) and values scaled, checked by
validate_batch and loaded by warehouse.load.load_batch, 5,000 articles a batch. Target: under 60 s.

    python bench/report_speed.py [--articles 100000] [--keep /tmp/big.duckdb]
"""

from __future__ import annotations

import argparse
import dataclasses
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from flows.acquire.local import discover, make_document, read_documents  # noqa: E402
from flows.batch import extract_articles, parse_documents, places_table, rejects_table, validate_batch  # noqa: E402
from flows.extract.places import all_places  # noqa: E402
from flows.settings import DEFAULT_MAX_BYTES  # noqa: E402
from warehouse import load  # noqa: E402

TARGET_SECONDS = 60
BATCH = 5000
CHROMIUM = Path("/usr/bin/chromium")
NOW = datetime(2026, 12, 1)


def sample_articles():
    """The sample articles, parsed and extracted once: (articles, figures)."""
    found = discover([str(ROOT / "samples" / "articles")])
    documents, _ = read_documents(found.files, DEFAULT_MAX_BYTES)
    articles, _ = parse_documents(documents)
    articles, figures, _ = extract_articles(articles)
    return articles, figures


def synthesise(db: Path, n_articles: int, seed: int = 11) -> int:
    """Load n_articles copies of the samples, each about another place and year; returns the figures loaded."""
    rng = random.Random(seed)
    articles, figures = sample_articles()
    places = [p for p in all_places() if p.level in ("prefecture", "county", "zone")]
    load.ensure_schema(db, places_table(all_places()))
    load.start_run(db, "bench", "newsfacts-etl", ["synthetic"], NOW)
    loaded = 0
    for start in range(0, n_articles, BATCH):
        documents, batch_articles, batch_figures = [], [], []
        for n in range(start, min(start + BATCH, n_articles)):
            article, found = articles[n % len(articles)], figures[n % len(articles)]
            place, year = rng.choice(places), 2015 + n % 11
            source = f"https://bench.example/{n:06d}/{Path(article.source).name}"
            document = make_document(source, f"copy {n} of {article.source}".encode(), "text/plain")
            documents.append(document)
            batch_articles.append(dataclasses.replace(article, source=source, content_hash=document.content_hash,
                                                      published_date=date(year, 1 + n % 12, 1 + n % 28)))
            scale = 0.5 + rng.random()
            batch_figures.append([dataclasses.replace(f, value=f.value * scale, year=year if f.year else None,
                                                      place=place if f.place else None) for f in found])
        tables, rejects = validate_batch(documents, batch_articles, batch_figures, "bench", NOW)
        tables["rejects"] = rejects_table(rejects, "bench", NOW)
        loaded += load.load_batch(db, tables).figures
    load.finish_run(db, "bench", "completed", {"documents_read": n_articles, "figures_loaded": loaded}, NOW)
    return loaded


def timed_report(db: Path, out: Path) -> float:
    """`newsfacts report` in a process of its own, as a user runs it; its peak memory shows in RUSAGE_CHILDREN."""
    began = time.perf_counter()
    subprocess.run([sys.executable, "-m", "flows.cli", "report", "--db", str(db), "--out", str(out)], check=True,
                   cwd=ROOT, stdout=subprocess.DEVNULL)
    return time.perf_counter() - began


def browser_seconds(page: Path) -> float | None:
    """Seconds from opening the page in headless Chromium until its four charts have drawn; None without Chromium."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    if not CHROMIUM.exists():
        return None
    args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync"]
    with sync_playwright() as playwright, tempfile.TemporaryDirectory() as profile:
        browser = playwright.chromium.launch_persistent_context(profile, executable_path=str(CHROMIUM), headless=True, args=args)
        try:
            tab = browser.new_page()
            began = time.perf_counter()
            tab.goto(page.as_uri(), wait_until="load", timeout=120_000)
            tab.wait_for_function("document.querySelectorAll('.js-plotly-plot .main-svg').length >= 4", timeout=120_000)
            return time.perf_counter() - began
        finally:
            browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, help="build (or reuse) the big warehouse here instead of a temporary folder")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="newsfacts-report-bench-"))
    small, big = work / "samples.duckdb", args.keep or work / "big.duckdb"
    small_figures = synthesise(small, len(sample_articles()[0]))
    began = time.perf_counter()
    big_figures = synthesise(big, args.articles) if not big.exists() else None
    print(f"synthesised: {args.articles:,} articles, {big_figures or 'reused'} figures in {time.perf_counter() - began:.0f} s")
    base_s = timed_report(small, work / "samples.html")
    base_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    big_s = timed_report(big, work / "big.html")
    big_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    size_mb = (work / "big.html").stat().st_size / 1e6
    print(f"baseline: report of the samples ({small_figures} figures) in {base_s:.1f} s, peak {base_mb:.0f} MB "
          "(a report's fixed cost: imports, plotly.js, the page)")
    print(f"large:    report of {args.articles:,} articles in {big_s:.1f} s, peak {big_mb:.0f} MB, page {size_mb:.1f} MB; "
          f"{args.articles / big_s:,.0f} articles/s; target {TARGET_SECONDS} s: {'met' if big_s < TARGET_SECONDS else 'NOT met'}")
    for name, page in (("samples", work / "samples.html"), ("large", work / "big.html")):
        seconds = browser_seconds(page)
        print(f"chromium: {name} page drawn in {seconds:.1f} s" if seconds is not None else "chromium: not installed")
    print(f"pages in {work}")


if __name__ == "__main__":
    main()
