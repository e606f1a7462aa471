"""Benchmark: the whole flow over N copies of the sample articles; prints articles/s and peak memory.

A warm-up run starts Prefect's temporary server; the baseline in the same process is then the flow
over the sample articles alone: a run's fixed cost (flow and task runs, schema) plus a little work. The flow's own throughput is
(N - n_samples) / (T(N) - T(samples)): what each added article costs.

    python bench/flow_throughput.py [--copies 2500] [--batch-size 1000]
"""

from __future__ import annotations

import argparse
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from flows.settings import prefect_environment  # noqa: E402

TARGET_ARTICLES_PER_SECOND = 500


def make_corpus(folder: Path, copies: int) -> int:
    """`copies` renamed copies of every sample file, each made distinct by a line of its own."""
    samples = sorted(p for p in (ROOT / "samples" / "articles").iterdir() if p.suffix in (".txt", ".md", ".html"))
    folder.mkdir(parents=True)
    for n in range(copies):
        for sample in samples:
            text = sample.read_text(encoding="utf-8")
            (folder / f"{n:05d}_{sample.name}").write_text(f"{text}\n<!-- copy {n} -->\n" if sample.suffix == ".html"
                                                           else f"{text}\n(copy {n})\n", encoding="utf-8")
    return copies * len(samples)


def timed_run(etl, folder: Path, db: Path, batch_size: int) -> tuple[float, object]:
    began = time.perf_counter()
    counts = etl(paths=[str(folder)], db_path=str(db), batch_size=batch_size)
    return time.perf_counter() - began, counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--copies", type=int, default=2500, help="copies of each sample file (4 files: 2500 -> 10,000 articles)")
    parser.add_argument("--batch-size", type=int, default=1000)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="newsfacts-bench-"))
    prefect_environment(work)
    from flows.etl import etl

    try:
        base_n = make_corpus(work / "baseline", 1)
        big_n = make_corpus(work / "corpus", args.copies)
        warm_s, _ = timed_run(etl, work / "baseline", work / "warm-up.duckdb", args.batch_size)  # starts the server
        base_s, _ = timed_run(etl, work / "baseline", work / "baseline.duckdb", args.batch_size)
        big_s, counts = timed_run(etl, work / "corpus", work / "corpus.duckdb", args.batch_size)
        rerun_s, _ = timed_run(etl, work / "corpus", work / "corpus.duckdb", args.batch_size)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    per_article = (big_s - base_s) / (big_n - base_n)
    throughput = 1 / per_article
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"warm-up:  {base_n} articles in {warm_s:.1f} s (starts Prefect's temporary server)")
    print(f"baseline: {base_n} articles in {base_s:.1f} s (a flow run's fixed cost: flow and task runs, schema)")
    print(f"corpus:   {big_n} articles in {big_s:.1f} s, {counts.figures_loaded} figures, {counts.rejected} rejects")
    print(f"rerun:    {big_n} unchanged articles in {rerun_s:.1f} s")
    print(f"flow's own work: {throughput:,.0f} articles/s ({per_article * 1000:.2f} ms per article); "
          f"target {TARGET_ARTICLES_PER_SECOND}/s: {'met' if throughput >= TARGET_ARTICLES_PER_SECOND else 'NOT met'}")
    print(f"peak memory (this process): {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
