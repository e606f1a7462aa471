"""Benchmark: the whole flow over N copies of the sample articles, on each task runner, against the same stage
functions called in a plain loop; prints articles/s, the speed-up of Dask, Prefect's overhead and peak memory.

One temporary Prefect server serves every run (started first, not timed); each runner first loads the sample
articles once, untimed, as a long-running deployment has done before the run one times. Each run loads a fresh warehouse;
the first runner's warehouse is then loaded again unchanged (the rerun). Baselines in the same run:
- plain loop: discover, read, triage, parse, extract, validate, load, publish, digest and the HTML report, as the
  flow does them but with no Prefect at all;
- thread: the flow with Prefect's default task runner (the default of `newsfacts run`).

    python bench/flow_throughput.py                                  # 10,000 articles: plain, thread, dask
    python bench/flow_throughput.py --copies 25000 --runners thread --no-plain   # 100,000 articles, memory
"""

from __future__ import annotations

import argparse
import resource
import shutil
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from flows.settings import prefect_environment  # noqa: E402

TARGET_DASK_SPEEDUP = 1.4
TARGET_OVERHEAD = 0.20


def make_corpus(folder: Path, copies: int) -> int:
    """`copies` renamed copies of every sample file, each made another article by a sentence with a figure of its own:
    copies with the same figures would be near-duplicates, linked to the first and their figures not loaded."""
    samples = sorted(p for p in (ROOT / "samples" / "articles").iterdir() if p.suffix in (".txt", ".md", ".html"))
    folder.mkdir(parents=True)
    for n in range(copies):
        own = f"本批签约项目协议资金{n + 1}.5亿元。"  # copy 7: 协议资金8.5亿元; one metric for all copies
        for sample in samples:
            text = sample.read_text(encoding="utf-8")
            text = text.replace("</article>", f"<p>{own}</p>\n</article>") if sample.suffix == ".html" else f"{text}\n{own}\n"
            (folder / f"{n:06d}_{sample.name}").write_text(text, encoding="utf-8")
    return copies * len(samples)


def plain_loop(folder: Path, db: Path, batch_size: int) -> int:
    """The flow's stages as plain function calls, one batch after another: what the flow costs without Prefect."""
    from datetime import datetime

    from flows import batch as stages
    from flows import star
    from flows.acquire.local import discover, read_documents
    from flows.extract.places import all_places
    from reports.build import write_report_apart
    from warehouse import load, writer

    figures_loaded, seen = 0, stages.Seen()
    with writer.hold(db, {"run_id": "plain", "run_name": "plain loop"}) as work:
        load.ensure_schema(work, stages.places_table(all_places()))
        found = discover([str(folder)])
        for start in range(0, len(found.files), batch_size):
            documents, refused = read_documents(found.files[start:start + batch_size], 5_000_000)
            known, canonical = load.loaded_versions(work, [star.article_id_of(d.source) for d in documents],
                                                    list({d.content_hash for d in documents}))
            sorted_docs = stages.triage(documents, known, canonical, seen)
            to_process = sorted_docs.to_process
            articles, parse_rejects = stages.parse_documents(to_process)
            articles, figures, extract_rejects = stages.extract_articles(articles)
            tables, row_rejects = stages.validate_batch(to_process, articles, figures, "plain", datetime.now())
            rejects = refused + sorted_docs.rejects + parse_rejects + extract_rejects + row_rejects
            tables["rejects"] = stages.rejects_table(rejects, "plain", datetime.now())
            figures_loaded += load.load_batch(work, tables).figures
            writer.publish(work, db)
        load.run_digest(work, "plain")  # the flow's digest artifact reads this
    write_report_apart(db)  # the HTML report the flow writes after each run, in a process of its own as the flow does
    return figures_loaded


def peak_now() -> float:
    """This process's peak resident memory so far, MB: the loading process's, since the flow runs in it."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(call) -> tuple[float, object]:
    began = time.perf_counter()
    result = call()
    return time.perf_counter() - began, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--copies", type=int, default=2500, help="copies of each sample file (4 files: 2500 -> 10,000 articles)")
    parser.add_argument("--batch-size", type=int, default=1000)
    parser.add_argument("--runners", default="thread,dask", help="task runners to time, in order (thread, dask)")
    parser.add_argument("--dask-workers", type=int, default=2)
    parser.add_argument("--no-plain", action="store_true", help="skip the plain-loop baseline")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="newsfacts-bench-"))
    prefect_environment(work)
    from flows.runners import local_cluster_options, shared_temporary_server, task_runner

    runners = args.runners.split(",")
    results: dict[str, float] = {}
    try:
        n = make_corpus(work / "corpus", args.copies)
        print(f"corpus: {n:,} articles ({args.copies} copies of the samples), batches of {args.batch_size}")
        small = ROOT / "samples" / "articles"  # a run's fixed cost: a handful of articles
        if not args.no_plain:  # the small run first, so the timed one finds the stages' tables built, as the flows do
            results["plain-small"], _ = timed(lambda: plain_loop(small, work / "plain-small.duckdb", args.batch_size))
            results["plain"], figures = timed(lambda: plain_loop(work / "corpus", work / "plain.duckdb", args.batch_size))
            print(f"plain loop: {results['plain']:.1f} s, {n / results['plain']:,.0f} articles/s, {figures:,} figures")
        with shared_temporary_server(), ExitStack() as cluster:
            address = None
            if "dask" in runners:  # started once, as `--dask-address` uses one; its start is timed on its own
                from distributed import LocalCluster

                start_s, local = timed(lambda: cluster.enter_context(LocalCluster(**local_cluster_options(args.dask_workers))))
                address = local.scheduler_address
                print(f"dask cluster: {args.dask_workers} workers started and warmed up in {start_s:.1f} s (paid by each run that "
                      f"starts its own, `newsfacts run --task-runner dask` without --dask-address)")
            for runner in runners:  # a process's first flow run (a worker's first task run) sets Prefect up, ~1-2 s
                with task_runner(runner, dask_address=address) as etl:  # that a long-running deployment pays once
                    etl(paths=[str(small)], db_path=str(work / f"warm-up-{runner}.duckdb"))
            if "thread" in runners and not args.no_plain:
                with task_runner("thread") as etl:
                    results["thread-small"], _ = timed(lambda: etl(paths=[str(small)], db_path=str(work / "small.duckdb")))
                print(f"fixed cost of a run (the sample articles): flow {results['thread-small']:.1f} s, "
                      f"plain loop {results['plain-small']:.1f} s")
            for runner in runners:
                db = work / f"{runner}.duckdb"
                with task_runner(runner, dask_address=address) as etl:
                    results[runner], counts = timed(lambda etl=etl, db=db: etl(paths=[str(work / "corpus")], db_path=str(db),
                                                                              batch_size=args.batch_size))
                print(f"{runner}: {results[runner]:.1f} s, {n / results[runner]:,.0f} articles/s, "
                      f"{counts.figures_loaded:,} figures, {counts.rejected} rejects; peak memory so far {peak_now():,.0f} MB")
            with task_runner(runners[0], dask_address=address) as etl:
                rerun_s, counts = timed(lambda: etl(paths=[str(work / "corpus")], db_path=str(work / f"{runners[0]}.duckdb"),
                                                    batch_size=args.batch_size))
            print(f"rerun ({runners[0]}, all unchanged): {rerun_s:.1f} s, {counts.articles_unchanged:,} unchanged")
        peak_mb = peak_now()  # the runs; the report below is not in it
        from reports.build import write_report_apart

        written = write_report_apart(work / f"{runners[0]}.duckdb")  # as each run wrote it, once more to read its memory
        print(f"report (in its own process, as each run writes it): {written.seconds:.1f} s, "
              f"{written.size_bytes / 1e6:.1f} MB, peak memory of its process {written.peak_mb:,.0f} MB")
        db_mb = (work / f"{runners[0]}.duckdb").stat().st_size / 1e6
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if "thread" in results and "dask" in results:
        speedup = results["thread"] / results["dask"]
        print(f"dask speed-up over thread: {speedup:.2f}x; target {TARGET_DASK_SPEEDUP}x: "
              f"{'met' if speedup >= TARGET_DASK_SPEEDUP else 'NOT met'}")
    if "thread" in results and "plain" in results:
        overhead = results["thread"] / results["plain"] - 1
        print(f"orchestration overhead (thread flow vs plain loop): {overhead:+.1%}; target under {TARGET_OVERHEAD:.0%}: "
              f"{'met' if overhead < TARGET_OVERHEAD else 'NOT met'}")
        marginal = (results["thread"] - results["thread-small"]) / (results["plain"] - results["plain-small"]) - 1
        print(f"  of which per article (each run's fixed cost taken out): {marginal:+.1%}")
    print(f"warehouse: {db_mb:,.0f} MB; peak memory of the loading process (this one): {peak_mb:,.0f} MB")


if __name__ == "__main__":
    main()
