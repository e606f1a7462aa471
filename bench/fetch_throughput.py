"""Benchmark: N pages fetched from a local HTTP server vs the same N pages read from local .html files.

One process, one run of the flow each, after a warm-up run that starts Prefect's temporary server:
  local:   the N pages as .html files in a folder (the baseline)
  fetched: the same bytes served by tests/web.py on 127.0.0.1, listed in a URL file, fetched with the
           given concurrency, then decoded, parsed and loaded as the files are. The server runs in a child
           process (--server process, the default: a real site's serving costs its own machine, not our
           interpreter) or in a thread of this process (--server thread: its work then shares our GIL)
  rerun:   the fetched run again: every page answers 304, nothing is fetched in full
Prints pages/s, ms per page, peak resident memory of each run (sampled every 20 ms) and the ratio
fetched/local, which issue 8 wants at most 1.25 at 10,000 pages and concurrency 32.

    python bench/fetch_throughput.py [--pages 10000] [--concurrency 32] [--batch-size 1000] [--buffer 1000]
                                     [--server process|thread] [--repeat 1]
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import resource
import shutil
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from flows.settings import FetchPolicy, prefect_environment  # noqa: E402
from tests import news_site  # noqa: E402
from tests.web import serve  # noqa: E402

TARGET_RATIO = 1.25
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")


def templates() -> list[bytes]:
    """The pages the corpus repeats: the sample page and the test site's good pages, one of them GBK without a charset."""
    sample = (ROOT / "samples" / "articles" / "04_zhongshan_opening.html").read_bytes()
    pages = [news_site.UTF8, news_site.ETAG, news_site.DATED, news_site.FLAKY, news_site.BUSY]
    return [sample, *(p.encode("utf-8") for p in pages), news_site.GBK.encode("gbk")]


def corpus(count: int) -> list[bytes]:
    """`count` distinct pages: the templates in turn, each copy made distinct by a comment of its own."""
    bases = templates()
    return [bases[n % len(bases)] + f"\n<!-- copy {n} -->\n".encode() for n in range(count)]


class PeakMemory:
    """Peak resident memory of this process and its children (the fetching process; not the page server)
    while the block runs, read from /proc every 20 ms."""

    def __init__(self, exclude: set[int]):
        self.peak_mb = 0.0
        self.exclude = exclude

    @contextmanager
    def watch(self):
        stop = threading.Event()

        def sample() -> None:
            while not stop.is_set():
                pids = ["self", *(p.pid for p in multiprocessing.active_children() if p.pid not in self.exclude)]
                self.peak_mb = max(self.peak_mb, sum(_rss_mb(pid) for pid in pids))
                stop.wait(0.02)

        thread = threading.Thread(target=sample, daemon=True)
        thread.start()
        try:
            yield self
        finally:
            stop.set()
            thread.join()


def _rss_mb(pid) -> float:
    try:
        with open(f"/proc/{pid}/statm") as statm:
            return int(statm.read().split()[1]) * PAGE_SIZE / 2**20
    except (OSError, IndexError):  # the child ended between the listing and the reading
        return 0.0


SERVER_PIDS: set[int] = set()  # the page server's process, left out of the memory figures


def timed(etl, **parameters) -> tuple[float, float, object, float]:
    """Wall seconds, peak MB, the run's counts, and CPU seconds of this process and the children it ended
    (the fetching process; not the page server nor Prefect's, which still run): a figure the machine's load
    moves less than wall time."""
    memory = PeakMemory(SERVER_PIDS)
    cpu_before = _cpu_seconds()
    with memory.watch():
        began = time.perf_counter()
        state = etl(**parameters, return_state=True)
        seconds = time.perf_counter() - began
    if not state.is_completed():
        raise SystemExit(f"the run failed: {state.message}")
    return seconds, memory.peak_mb, state.result(), _cpu_seconds() - cpu_before


def _cpu_seconds() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


@contextmanager
def page_server(pages: list[bytes], mode: str):
    """The pages at /news/NNNNN.html; yields (base URL, a function giving (full answers, most at once))."""
    if mode == "thread":
        with serve() as site:
            _register(site, pages)
            yield site.base, lambda: (sum(site.full.values()), site.most_in_flight)
        return
    parent, child = multiprocessing.Pipe()
    process = multiprocessing.Process(target=_serve_in_child, args=(len(pages), child), daemon=True)
    process.start()
    SERVER_PIDS.add(process.pid)
    base = parent.recv()

    def stats() -> tuple[int, int]:
        parent.send("stats")
        return parent.recv()

    try:
        yield base, stats
    finally:
        parent.send("stop")
        process.join(timeout=10)


def _serve_in_child(count: int, pipe) -> None:
    with serve() as site:
        _register(site, corpus(count))  # the same pages: corpus() is deterministic
        pipe.send(site.base)
        while pipe.recv() == "stats":
            pipe.send((sum(site.full.values()), site.most_in_flight))


def _register(site, pages: list[bytes]) -> None:
    for n, page in enumerate(pages):
        site.page(f"/news/{n:05d}.html", page)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=10_000)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--batch-size", type=int, default=1000)
    parser.add_argument("--buffer", type=int, default=FetchPolicy().buffer, help="pages fetched ahead of parsing")
    parser.add_argument("--server", choices=("process", "thread"), default="process")
    parser.add_argument("--repeat", type=int, default=1, help="local and fetched runs, alternating; the fastest of each counts")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="newsfacts-fetch-bench-"))
    prefect_environment(work)
    from flows.etl import etl

    pages = corpus(args.pages)
    folder = work / "pages"
    folder.mkdir()
    for n, page in enumerate(pages):
        (folder / f"{n:05d}.html").write_bytes(page)
    policy = FetchPolicy(concurrency=args.concurrency, per_host=args.concurrency, buffer=args.buffer)
    try:
        with page_server(pages, args.server) as (base, server_stats):
            url_file = work / "urls.txt"
            url_file.write_text("\n".join(f"{base}/news/{n:05d}.html" for n in range(len(pages))), encoding="utf-8")
            common = {"batch_size": args.batch_size}
            warm_s, *_ = timed(etl, paths=[str(folder / "00000.html")], db_path=str(work / "warm.duckdb"), **common)
            local = fetched = None
            for attempt in range(args.repeat):
                this_local = timed(etl, paths=[str(folder)], db_path=str(work / f"local{attempt}.duckdb"), **common)
                this_fetched = timed(etl, paths=[], url_files=[str(url_file)], db_path=str(work / f"web{attempt}.duckdb"),
                                     fetch_policy=policy, **common)
                local = this_local if local is None or this_local[0] < local[0] else local
                fetched = this_fetched if fetched is None or this_fetched[0] < fetched[0] else fetched
            full_before, _ = server_stats()
            rerun = timed(etl, paths=[], url_files=[str(url_file)], db_path=str(work / "web0.duckdb"),
                          fetch_policy=policy, **common)
            full_after, served_at_most = server_stats()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    report(args, pages, warm_s, local, fetched, rerun, full_after - full_before, served_at_most)


def report(args, pages, warm_s, local, fetched, rerun, full_in_rerun, served_at_most) -> None:
    n = len(pages)
    average_kb = sum(map(len, pages)) / n / 1024
    print(f"corpus: {n:,} pages of {average_kb:.1f} KB on average; warm-up run {warm_s:.1f} s (starts Prefect's server)")
    for name, (seconds, peak_mb, counts, cpu) in (("local .html", local), ("fetched", fetched), ("rerun (304)", rerun)):
        print(f"{name:12} {seconds:7.1f} s  {n / seconds:6.0f} pages/s  {1000 * seconds / n:5.2f} ms/page  "
              f"CPU {1000 * cpu / n:5.2f} ms/page  "
              f"peak RSS {peak_mb:6.0f} MB (with the fetching process)  new {counts.articles_new:,} unchanged {counts.articles_unchanged:,} "
              f"rejected {counts.rejected:,} figures {counts.figures_loaded:,}")
    ratio = fetched[0] / local[0]
    print(f"CPU fetched/local: {fetched[3] / local[3]:.2f} (the cost of fetching in CPU, whatever else the machine runs)")
    print(f"fetched/local: {ratio:.2f} (target at most {TARGET_RATIO}: {'met' if ratio <= TARGET_RATIO else 'NOT met'}); "
          f"concurrency {args.concurrency}, most requests the server answered at once {served_at_most}; "
          f"server in a {args.server}; fastest of {args.repeat}; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    held = args.buffer + args.concurrency + args.batch_size
    print(f"bodies held at most: buffer {args.buffer} + in flight {args.concurrency} + batch {args.batch_size} = {held:,} "
          f"(~{held * average_kb / 1024:.1f} MB of pages); rerun fetched {full_in_rerun} pages in full")


if __name__ == "__main__":
    main()
