"""Extract figures from a folder of articles and score them with ../shared/eval/score.py.

    python scripts/score_corpus.py seeds            # ../shared/corpus/seeds against gold/seeds.jsonl
    python scripts/score_corpus.py dev --misses     # ../shared/corpus/dev against every dev_*.jsonl
    python scripts/score_corpus.py DIR --gold A.jsonl --gold B.jsonl

Writes the predictions (the `facts` columns) as JSON Lines beside the gold-less temp files, then runs
the scorer as a subprocess so its output is exactly what CI prints.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from flows.explain import figures_as_rows, read_one

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
GOLD = {"seeds": ["seeds.jsonl"], "dev": ["dev_a.jsonl", "dev_b.jsonl", "dev_c.jsonl", "dev_d.jsonl"]}


def predictions(corpus: Path) -> list[dict]:
    """One row per figure of every article of corpus, with the `facts` view's columns and the rule."""
    return [row for path in sorted(corpus.glob("*.txt")) for row in figures_as_rows(read_one(text=None, path=path, published=None))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", help="seeds, dev, or a folder of .txt articles")
    ap.add_argument("--gold", action="append", help="gold JSON Lines file(s); default from the corpus name")
    ap.add_argument("--out", help="where to write the predictions (default: a temp file)")
    ap.add_argument("--misses", action="store_true")
    args = ap.parse_args()
    corpus = SHARED / "corpus" / args.corpus if args.corpus in GOLD else Path(args.corpus)
    golds = args.gold or [str(SHARED / "gold" / name) for name in GOLD.get(args.corpus, [])]
    if not golds:
        sys.exit("score_corpus.py: give --gold for a folder other than seeds or dev")
    work = Path(tempfile.mkdtemp(prefix="score_"))
    gold = work / "gold.jsonl"
    gold.write_text("".join(Path(g).read_text(encoding="utf-8") for g in golds), encoding="utf-8")
    out = Path(args.out) if args.out else work / "predictions.jsonl"
    out.write_text("".join(json.dumps(r, ensure_ascii=False, default=str) + "\n" for r in predictions(corpus)), encoding="utf-8")
    cmd = [sys.executable, str(SHARED / "eval" / "score.py"), "--predictions", str(out), "--gold", str(gold),
           "--corpus", str(corpus)] + (["--misses"] if args.misses else [])
    sys.exit(subprocess.call(cmd))


if __name__ == "__main__":
    main()
