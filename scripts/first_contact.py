"""Score a new round of probe articles once, before any rule changes for it, and record the score.

    python scripts/first_contact.py r --articles DIR --gold DIR    # DIR of rNN_*.txt, DIR of rNN_*.jsonl

The protocol (issue 7): a round's gold is written to ../shared/eval/ANNOTATION.md before the extractor
ever runs on its articles; this script is that first run. It appends one line to
tests/data/first_contact.tsv (date, round, articles, figures, F1, strict F1, place, year, category:
attribute accuracies on matched figures) and refuses a round already recorded, so the line stays the
first-contact score whatever the rules become. Then the round moves into tests/data/probe_articles and
probe_gold, where tests/test_gold_quality.py holds it at the level later work brings it to.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import importlib.util
import io
import re
import sys
from datetime import date
from pathlib import Path

from flows.explain import figures_as_rows, read_one

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
RECORD = ROOT / "tests" / "data" / "first_contact.tsv"
COLUMNS = ("date", "round", "articles", "figures", "f1", "strict_f1", "place", "year", "category")
_ATTRIBUTE = re.compile(r"^attribute (\w+)\s+accuracy (\S+)", re.M)


def score_round(articles: Path, gold: Path, prefix: str) -> dict[str, str]:
    """The scorer's summary and attribute accuracies for the round's articles against its gold."""
    spec = importlib.util.spec_from_file_location("score", SHARED / "eval" / "score.py")
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    texts = sorted(articles.glob(f"{prefix}*.txt"))
    gold_rows = [row for file in sorted(gold.glob(f"{prefix}*.jsonl")) for row in scorer.load_gold(str(file))]
    predictions = [row for path in texts for row in figures_as_rows(read_one(text=None, path=path, published=None))]
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        summary = scorer.score(gold_rows, predictions, False, None)
    accuracy = dict(_ATTRIBUTE.findall(printed.getvalue()))
    return {"date": date.today().isoformat(), "round": prefix, "articles": str(len(texts)),
            "figures": str(summary["gold"]), "f1": f"{summary['f1']:.3f}", "strict_f1": f"{summary['strict_f1']:.3f}",
            "place": accuracy.get("place", ""), "year": accuracy.get("year", ""), "category": accuracy.get("category", "")}


def recorded_rounds() -> set[str]:
    with RECORD.open(encoding="utf-8") as fh:
        return {row["round"] for row in csv.DictReader(fh, delimiter="\t")}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("round", help="the round's file-name prefix (r, s, t...)")
    ap.add_argument("--articles", type=Path, required=True)
    ap.add_argument("--gold", type=Path, required=True)
    args = ap.parse_args()
    if args.round in recorded_rounds():
        sys.exit(f"first_contact.py: round {args.round} is recorded already: a first contact happens once")
    row = score_round(args.articles, args.gold, args.round)
    with RECORD.open("a", encoding="utf-8") as fh:
        fh.write("\t".join(row[c] for c in COLUMNS) + "\n")
    print("\t".join(COLUMNS))
    print("\t".join(row[c] for c in COLUMNS))


if __name__ == "__main__":
    main()
