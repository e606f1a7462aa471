"""Benchmark: normalise + extract per article, against jionlp.ner.extract_money on the same texts.

Runs on one core in this process. Two groups of texts, timed apart because their lengths differ:
the seed-like articles (../shared/corpus/seeds, 5-9 KB: the headline and the target) and the dev
articles (../shared/corpus/dev, shorter). Without ../shared, the bundled samples stand in for the
seeds. Each group is repeated to --articles. Prints articles/s, latency percentiles, the time per
stage on the seeds, import time of the extractor, and the peak memory of extraction.

The target is a ratio, so the machine's speed cancels out: normalise+extract at least twice as fast
as jionlp.ner.extract_money on the seeds. Timed as --rounds short passes of both, alternating
(ours, theirs, ours, theirs...), each round giving one ratio; the median ratio is the figure. Two
long passes minutes apart gave 2.4x and 1.8x on one quiet machine: load drifts between them.

Articles go through in the flow's shape: a batch is normalised (parse_article) article by article,
then extracted stage by stage over the batch (extract_batch), as the parse and extract tasks do
(flows/batch.py). An article's latency is its parse plus an equal share of its batch's extraction.
For comparison the script also times one article at a time (parse, extract_figures, next article),
which is slower: each stage's tables and code stay in the CPU caches through a batch, and are
evicted by the other stages' when they alternate article by article.

    python bench/extract_speed.py [--articles 3000] [--rounds 15] [--round-articles 60]
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from flows.settings import DEFAULT_BATCH_SIZE  # noqa: E402  (after the path: run from a checkout)

SHARED = ROOT.parent / "shared" / "corpus"
TARGET_SPEEDUP = 2.0  # median of the alternating rounds, seeds
TARGET_PEAK_MB = 500
TARGET_IMPORT_S = 1.0


def corpus_groups() -> dict[str, list[str]]:
    """{"seeds": [...], "dev": [...]}: the seed-like articles first, they carry the target."""
    shared = {"seeds": SHARED / "seeds", "dev": SHARED / "dev"}
    folders = shared if SHARED.exists() else {"seeds": ROOT / "samples" / "articles"}
    return {name: [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
            for name, folder in folders.items()}


def import_seconds() -> float:
    """Import time of parse + extract in a fresh interpreter (what a worker process pays once)."""
    code = "import time; t=time.perf_counter(); import flows.parse.article, flows.extract; print(time.perf_counter()-t)"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    return float(out.stdout.strip())


_HASH = "0" * 64


def newsfacts_pass(texts: list[str], batch_size: int = DEFAULT_BATCH_SIZE) -> list[float]:
    """Latency of each article, parse plus its share of extract, run batch by batch as the flow's tasks run them."""
    from flows.extract import extract_batch
    from flows.parse.article import parse_article

    latencies = []
    for first in range(0, len(texts), batch_size):
        parsed = []
        for text in texts[first:first + batch_size]:
            began = time.perf_counter()
            parsed.append(parse_article(text, source="bench", content_hash=_HASH))  # hashing is acquire's work
            latencies.append(time.perf_counter() - began)
        began = time.perf_counter()
        extract_batch(parsed)
        share = (time.perf_counter() - began) / len(parsed)
        for n in range(first, first + len(parsed)):
            latencies[n] += share
    return latencies


def one_at_a_time_pass(texts: list[str]) -> list[float]:
    """Latency of each article when each is parsed and extracted before the next is read."""
    from flows.extract import extract_figures
    from flows.parse.article import parse_article

    latencies = []
    for text in texts:
        began = time.perf_counter()
        extract_figures(parse_article(text, source="bench", content_hash=_HASH))
        latencies.append(time.perf_counter() - began)
    return latencies


def stage_ms(texts: list[str], rounds: int = 200) -> dict[str, float]:
    """Mean ms per article of each stage, the stages run one by one on the outputs of the last."""
    from flows.extract.attribution import attribute
    from flows.extract.figures import find_mentions
    from flows.extract.places import find_places
    from flows.parse.article import parse_article
    from flows.parse.metadata import read_metadata
    from flows.parse.normalize import normalize

    normalized = [normalize(t) for t in texts]
    articles = [parse_article(t, source="bench", content_hash="") for t in texts]
    mentions = [find_mentions(a.text) for a in articles]
    stages = {
        "normalize": lambda: [normalize(t) for t in texts],
        "metadata": lambda: [read_metadata(n.lines, n.furniture) for n in normalized],
        "find_places": lambda: [find_places(a.text) for a in articles],
        "find_mentions": lambda: [find_mentions(a.text) for a in articles],
        "attribution": lambda: [attribute(a, m) for a, m in zip(articles, mentions, strict=True)],
    }
    timings = {}
    for name, run in stages.items():
        began = time.perf_counter()
        for _ in range(rounds):
            run()
        timings[name] = (time.perf_counter() - began) * 1000 / (rounds * len(texts))
    return timings


def jionlp_pass(texts: list[str]) -> list[float]:
    import jionlp

    latencies = []
    for text in texts:
        began = time.perf_counter()
        jionlp.ner.extract_money(text)
        latencies.append(time.perf_counter() - began)
    return latencies


def alternating_ratios(texts: list[str], rounds: int, per_round: int) -> list[float]:
    """One speed ratio (ours over jionlp's, articles/s) per round of two short passes on the same texts.

    Short passes taken in turn see the same machine: a drift in load moves both sides of a ratio.
    The order within a round alternates too, so neither side always runs on a warmer cache.
    """
    sample = repeated(texts, per_round)
    ratios = []
    for n in range(rounds):
        passes = (newsfacts_pass, jionlp_pass) if n % 2 == 0 else (jionlp_pass, newsfacts_pass)
        seconds = {run: sum(run(sample)) for run in passes}
        ratios.append(seconds[jionlp_pass] / seconds[newsfacts_pass])
    return ratios


def describe(name: str, latencies: list[float]) -> float:
    per_second = len(latencies) / sum(latencies)
    q = statistics.quantiles(latencies, n=100)
    print(f"{name:16} {len(latencies):6d} articles  {per_second:9,.0f} articles/s  "
          f"p50 {q[49] * 1000:.3f} ms  p95 {q[94] * 1000:.3f} ms  max {max(latencies) * 1000:.3f} ms")
    return per_second


def repeated(texts: list[str], n: int) -> list[str]:
    return [texts[i % len(texts)] for i in range(n)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=3000, help="texts timed per group")
    parser.add_argument("--rounds", type=int, default=15, help="alternating rounds of both extractors")
    parser.add_argument("--round-articles", type=int, default=60, help="seed texts per pass of a round")
    args = parser.parse_args()
    groups = corpus_groups()
    for name, texts in groups.items():
        print(f"{name}: {len(texts)} distinct articles, mean {statistics.mean(map(len, texts)):,.0f} characters")
    imported = import_seconds()
    everything = [text for texts in groups.values() for text in texts]
    newsfacts_pass(everything)  # warm-up: lazy indexes built once, as in a long-running worker
    ours = {name: describe(f"newsfacts {name}", newsfacts_pass(repeated(texts, args.articles)))
            for name, texts in groups.items()}
    describe("  one at a time", one_at_a_time_pass(repeated(groups["seeds"], args.articles)))
    stages = stage_ms(groups["seeds"])
    print("per seed article: " + "  ".join(f"{name} {ms:.3f} ms" for name, ms in stages.items())
          + "  (attribution includes its own find_places)")
    tracemalloc.start()  # a separate pass: tracing slows Python down and would spoil the timing
    newsfacts_pass(everything * 4)
    peak_mb = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    process_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # before jionlp loads its dictionaries
    try:
        import jionlp  # noqa: F401  (its dictionaries load here, outside the timed rounds)
        jionlp_pass(groups["seeds"][:1])
        ratios = alternating_ratios(groups["seeds"], args.rounds, args.round_articles)
    except ImportError:
        ratios = []
        print("jionlp     not installed: `pip install -e .[bench]` for the comparison")
    print(f"import time of the extractor: {imported:.2f} s (target < {TARGET_IMPORT_S} s)")
    print(f"peak memory of extraction: {process_mb:.0f} MB for the whole process with its libraries and "
          f"gazetteer (target < {TARGET_PEAK_MB} MB); {peak_mb:.1f} MB allocated per pass (tracemalloc)")
    print(f"throughput on seed-like articles: {ours['seeds']:,.0f} articles/s")
    if "dev" in ours:
        print(f"throughput on dev articles: {ours['dev']:,.0f} articles/s")
    if ratios:
        speedup = statistics.median(ratios)
        print(f"speed-up over jionlp.ner.extract_money (seeds, median of {len(ratios)} alternating rounds): "
              f"{speedup:.2f}x, min {min(ratios):.2f}x, max {max(ratios):.2f}x (target >= {TARGET_SPEEDUP}x): "
              f"{'met' if speedup >= TARGET_SPEEDUP else 'NOT met'}")


if __name__ == "__main__":
    main()
