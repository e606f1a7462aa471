"""Hostile input through the real flow into real DuckDB files: huge paragraphs, bad records, copies, crashes."""

from __future__ import annotations

import os
import random
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from flows.etl import etl
from tests.conftest import ROOT

pytestmark = pytest.mark.usefixtures("prefect_server")

# Peak resident memory a 1 MB one-paragraph article of figures may add to a run, over a run of a
# small article in the same kind of process. Before the sentence was capped and the rest of the
# sentence windowed, a 48 KB paragraph took 1 GB and 1 MB would have taken hundreds.
PEAK_BOUND_MB = 500

_PEAK_OF_A_RUN = """
import resource, sys
from flows.etl import etl
state = etl(paths=[sys.argv[1]], db_path=sys.argv[2], return_state=True)
assert state.is_completed(), state.message
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
"""


def rows(db, sql: str) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def run(paths, db, **parameters):
    state = etl(paths=[str(p) for p in paths], db_path=str(db), return_state=True, **parameters)
    assert state.is_completed(), state.message
    return state.result()


def paragraph_of_figures(size_bytes: int, seed: int = 7) -> str:
    """One paragraph, no line break, of distinct figures (a statistical table flattened into prose)."""
    rng = random.Random(seed)
    parts, size = ["2024年，昆明市"], 0
    while size < size_bytes:
        part = (f"第{rng.randint(1, 99999)}批签约项目{rng.randint(1, 999)}个，协议资金{rng.randint(1, 99999) / 100}亿元，"
                f"同比增长{rng.randint(1, 999) / 10}%，")
        parts.append(part)
        size += len(part.encode("utf-8"))
    return "".join(parts) + "。"


def peak_mb_of_a_run(path: Path, db: Path) -> int:
    done = subprocess.run([sys.executable, "-c", _PEAK_OF_A_RUN, str(path), str(db)], capture_output=True, text=True,
                          cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    return int(done.stdout.split()[-1])


def test_a_one_megabyte_paragraph_of_figures_loads_in_bounded_memory(tmp_path):
    small, huge = tmp_path / "small.txt", tmp_path / "huge.txt"
    small.write_text(paragraph_of_figures(2_000), encoding="utf-8")
    huge.write_text(paragraph_of_figures(1_000_000), encoding="utf-8")
    baseline = peak_mb_of_a_run(small, tmp_path / "small.duckdb")
    peak = peak_mb_of_a_run(huge, tmp_path / "huge.duckdb")
    print(f"peak RSS: small article {baseline} MB, 1 MB article {peak} MB")
    assert peak - baseline < PEAK_BOUND_MB
    # Every figure keeps a capped window of the sentence, and the offsets of the whole of it.
    longest, sentence_end, figures = rows(tmp_path / "huge.duckdb",
                                          "select max(length(sentence)), max(sentence_end), count(*) from fact_figure")[0]
    assert figures > 10_000 and longest <= 402 and sentence_end > 300_000
