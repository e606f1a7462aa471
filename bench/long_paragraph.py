"""Benchmark: one paragraph of figures, 1x to 16x long, through parse, extract and validation; each size
in its own process, so its peak memory is its own. The baseline is the smallest size in the same run:
time and memory should grow like the text (a ratio near the size ratio), not with its square.

Before the sentence was capped and the rest of a sentence windowed (flows/extract/attribution.py),
48 KB took 1 GB and each doubling nearly tripled it.

    python bench/long_paragraph.py [--base-kb 64] [--steps 5]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_ONE_SIZE = """
import json, resource, sys, time
from datetime import datetime
sys.path.insert(0, sys.argv[2])
from bench.corpora import paragraph_of_figures  # the paragraph tests/flow/test_hostile.py loads
from flows.acquire.local import make_document
from flows.batch import extract_articles, parse_documents, validate_batch
from flows.extract.places import gazetteer
gazetteer()  # built once per process whatever the text: not the paragraph's cost
text = paragraph_of_figures(int(sys.argv[1]))
document = make_document("bench.txt", text.encode(), "text/plain")
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
began = time.perf_counter()
articles, _ = parse_documents([document])
articles, figures, _ = extract_articles(articles)
extracted = time.perf_counter()
validate_batch([document], articles, figures, "bench", datetime.now())
done = time.perf_counter()
print(json.dumps({"bytes": len(text.encode()), "figures": len(figures[0]), "extract_s": extracted - began,
                  "total_s": done - began, "peak_mb": (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024}))
"""


def measure(size: int) -> dict:
    done = subprocess.run([sys.executable, "-c", _ONE_SIZE, str(size), str(ROOT)], capture_output=True, text=True, check=True)
    return json.loads(done.stdout.splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-kb", type=int, default=64)
    parser.add_argument("--steps", type=int, default=5)
    args = parser.parse_args()
    base = None
    print(f"{'size':>8} {'figures':>8} {'extract s':>10} {'total s':>8} {'KB/s':>7} {'peak MB':>8}  vs baseline: size time memory")
    for step in range(args.steps):
        row = measure(args.base_kb * 1024 * 2 ** step)
        base = base or row
        ratios = (row["bytes"] / base["bytes"], row["total_s"] / base["total_s"], row["peak_mb"] / max(base["peak_mb"], 1))
        print(f"{row['bytes'] // 1024:>6}KB {row['figures']:>8} {row['extract_s']:>10.2f} {row['total_s']:>8.2f} "
              f"{row['bytes'] / 1024 / row['total_s']:>7.0f} {row['peak_mb']:>8.0f}  x{ratios[0]:.0f} x{ratios[1]:.1f} x{ratios[2]:.1f}")


if __name__ == "__main__":
    main()
