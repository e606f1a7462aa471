"""Screenshot of a warehouse's report in headless Chromium, for docs/report.png.

    newsfacts run samples/articles --db data/newsfacts.duckdb
    python scripts/report_screenshot.py --db data/newsfacts.duckdb --png docs/report.png
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reports.build import write_report  # noqa: E402

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", default="data/newsfacts.duckdb")
    parser.add_argument("--png", type=Path, default=ROOT / "docs" / "report.png")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work, sync_playwright() as playwright:
        page_file = write_report(args.db, Path(work) / "report.html").path
        browser = playwright.chromium.launch_persistent_context(str(Path(work) / "profile"), executable_path=args.chromium,
                                                                headless=True, args=ARGS, viewport={"width": 1400, "height": 900})
        try:
            tab = browser.new_page()
            tab.goto(page_file.as_uri(), wait_until="load")
            tab.wait_for_function("document.querySelectorAll('.js-plotly-plot .main-svg').length >= 4")
            tab.screenshot(path=str(args.png), full_page=True)
        finally:
            browser.close()
    print(f"{args.png}: {args.png.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
