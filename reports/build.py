"""Write the report: the warehouse's sections (reports.queries) rendered into one HTML file (reports.page)."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from reports import default_report_path, page, queries
from reports.filters import Filters


@dataclass(frozen=True, slots=True)
class ReportWritten:
    """Where the report went and what it shows at the top."""

    path: Path
    size_bytes: int
    seconds: float
    headline: dict


def write_report(db_path: str | Path, out_path: str | Path | None = None, filters: Filters | None = None) -> ReportWritten:
    """Read the warehouse read-only and write its report; the file is replaced whole, never left half-written."""
    began = time.perf_counter()
    out = Path(out_path) if out_path else default_report_path(db_path)
    sections = queries.read_sections(db_path, filters or Filters())
    html = page.render(sections, filters or Filters(), str(db_path), datetime.now())
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(f".{out.name}.{os.getpid()}.tmp")  # made as any file is (umask), unlike a tempfile's 0600
    partial.write_text(html, encoding="utf-8")
    os.replace(partial, out)  # a browser reading the old report never sees half of the new one
    return ReportWritten(out, out.stat().st_size, time.perf_counter() - began, sections["headline"].row(0, named=True))
