"""Warehouses for the report tests, loaded by the flow's own stages without Prefect, and a real Chromium."""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import date, datetime
from pathlib import Path

import pytest

from flows.acquire.local import discover, make_document, read_documents
from flows.batch import extract_articles, parse_documents, places_table, rejects_table, validate_batch
from flows.extract.places import all_places
from flows.records import Article, Figure, Place, Reject
from flows.settings import DEFAULT_MAX_BYTES
from tests.conftest import SAMPLES
from warehouse import load

CHROMIUM = Path("/usr/bin/chromium")
NOW = datetime(2024, 6, 1, 12, 0)


def load_plainly(paths: list[str], db_path: Path, run_id: str = "run-samples", extra_rejects: list[Reject] = ()) -> None:
    """What one flow run does (discover, read, parse, extract, validate, load), with no Prefect in between."""
    load.ensure_schema(db_path, places_table(all_places()))
    load.start_run(db_path, run_id, "newsfacts-etl", paths, NOW)
    found = discover(paths)
    documents, read_rejects = read_documents(found.files, DEFAULT_MAX_BYTES)
    articles, parse_rejects = parse_documents(documents)
    articles, figures, extract_rejects = extract_articles(articles)
    tables, row_rejects = validate_batch(documents, articles, figures, run_id, NOW)
    rejects = [*found.rejects, *read_rejects, *parse_rejects, *extract_rejects, *row_rejects, *extra_rejects]
    tables["rejects"] = rejects_table(rejects, run_id, NOW)
    load.load_batch(db_path, tables)
    load.finish_run(db_path, run_id, "completed", {"documents_read": len(documents)}, NOW)


@pytest.fixture(scope="session")
def samples_warehouse(tmp_path_factory) -> Path:
    """The sample articles of samples/articles in a warehouse, as `make run` loads them."""
    db = tmp_path_factory.mktemp("samples") / "newsfacts.duckdb"
    load_plainly([str(SAMPLES)], db)
    return db


RUILI = Place("533102", "瑞丽市", "county", "533100", "云南省")
ZONE = Place("zone:533102:瑞丽边境经济合作区", "瑞丽边境经济合作区", "zone", "533102", "云南省")
HEIHE = Place("231100", "黑河市", "prefecture", "230000", "黑龙江省")
CHINA = Place("CN", "中国", "country", None, None)


def figure(value: float, unit: str, category: str, place: Place | None, year: int | None, metric: str = "总投资",
           is_change: bool = False, start: int = 0, is_threshold: bool = False) -> Figure:
    """A figure as extraction would hand it over; the sentence names its value so a test can find it."""
    number = f"{value:f}".rstrip("0").rstrip(".")
    sentence = f"{place.name if place else '全国'}{metric}{number}{unit}。"
    return Figure(mention=f"{number}{unit}", sentence=sentence, value=value, unit=unit, metric=metric, category=category,
                  year=year, place=place, rule="test", start=start, is_change=is_change, is_threshold=is_threshold)


def load_articles(db_path: Path, articles: dict[str, tuple[date | None, list[Figure]]], garbled: set[str] = frozenset(),
                  rejects: list[Reject] = ()) -> Path:
    """Articles of our own, source -> (published date, figures), loaded as the flow loads a batch."""
    load.ensure_schema(db_path, places_table(all_places()))
    load.start_run(db_path, "run-1", "newsfacts-etl", ["test"], NOW)
    documents, records, figure_lists = [], [], []
    for source, (published, figures) in articles.items():
        text = "".join(f.sentence for f in figures) or "没有数字的一篇文章内容。"
        document = make_document(source, text.encode(), "text/plain")
        documents.append(document)
        spans = [(0, len(text))] if source in garbled else []
        records.append(Article(source=source, content_hash=document.content_hash, original_text=text, text=text,
                               title=f"标题 {source}", published_date=published, is_mojibake=bool(spans),
                               garbled_spans=spans))
        figure_lists.append([_at(f, i * 10) for i, f in enumerate(figures)])
    tables, _ = validate_batch(documents, records, figure_lists, "run-1", NOW)
    tables["rejects"] = rejects_table(list(rejects), "run-1", NOW)
    load.load_batch(db_path, tables)
    load.finish_run(db_path, "run-1", "completed", {}, NOW)
    return db_path


def _at(f: Figure, start: int) -> Figure:
    f.start, f.end = start, start + len(f.mention)
    return f


@pytest.fixture(scope="session")
def chromium() -> Path:
    """Debian's Chromium, installed here when missing (as root, as CI runs): the page is tested in a real browser."""
    if not CHROMIUM.exists():
        if os.geteuid() != 0 or not shutil.which("apt-get"):
            pytest.fail(f"{CHROMIUM} is missing and cannot be installed here: run `apt-get install -y chromium` as root")
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-q"], check=True, env=env, timeout=600)
        subprocess.run(["apt-get", "install", "-y", "-q", "chromium"], check=True, env=env, timeout=900)
    return CHROMIUM
