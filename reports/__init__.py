"""newsfacts reports: the warehouse as one self-contained HTML page (`newsfacts report`, reports.build).

Kept free of imports, so the CLI can name a report's path without loading plotly.
"""

from __future__ import annotations

from pathlib import Path


def default_report_path(db_path: str | Path) -> Path:
    """The report of a warehouse sits beside it: data/newsfacts.duckdb -> data/newsfacts.html."""
    return Path(db_path).with_suffix(".html")
