"""Write the report: the warehouse's sections (reports.queries) rendered into one HTML file (reports.page).

    python -m reports.build DB [OUT]    # write_report in a process of its own (write_report_apart reads its output)
"""

from __future__ import annotations

import os
import pickle
import resource
import subprocess
import sys
import time
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from reports import default_report_path, page, queries
from reports.filters import Filters

PROJECT = Path(__file__).resolve().parents[1]
WRITTEN = b"\n--newsfacts report written--\n"  # what follows it on the child's stdout is its ReportWritten


class ReportFailed(RuntimeError):
    """The report's own process failed; the message is its last line of error."""


@dataclass(frozen=True, slots=True)
class ReportWritten:
    """Where the report went and what it shows at the top; `peak_mb`: the peak memory of the process that wrote it."""

    path: Path
    size_bytes: int
    seconds: float
    headline: dict
    peak_mb: float | None = None


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


def write_report_apart(db_path: str | Path, out_path: str | Path | None = None) -> ReportWritten:
    """write_report in a child process, as the flow calls it: DuckDB's buffers and the page being rendered (~900 MB
    at 100,000 articles) are given back when the child ends instead of raising the loading process's peak memory.
    Raises ReportFailed with the child's error."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, (str(PROJECT), os.environ.get("PYTHONPATH"))))}
    command = [sys.executable, "-m", "reports.build", str(db_path), *([str(out_path)] if out_path else [])]
    done = subprocess.run(command, capture_output=True, env=env, check=False)
    if done.returncode != 0 or WRITTEN not in done.stdout:
        lines = done.stderr.decode("utf-8", "replace").strip().splitlines() or [f"exit status {done.returncode}"]
        raise ReportFailed(lines[-1])
    return pickle.loads(done.stdout.rsplit(WRITTEN, 1)[1])  # our own child's: the headline's types kept as they were


def peak_mb() -> float:
    """This process's peak resident memory since it started its program. Not ru_maxrss: Linux keeps that across
    exec, so a child would report its parent's peak at the fork."""
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:  # not Linux: ru_maxrss is the best there is (kilobytes on Linux, bytes on macOS)
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / (1 << 20 if sys.platform == "darwin" else 1 << 10)
    return int(next(line for line in status.splitlines() if line.startswith("VmHWM:")).split()[1]) / 1024


def main(argv: list[str]) -> None:
    """The child's side of write_report_apart: write the report, then its ReportWritten with the peak memory."""
    written = write_report(*argv[:2])
    sys.stdout.flush()
    sys.stdout.buffer.write(WRITTEN + pickle.dumps(replace(written, peak_mb=round(peak_mb(), 1))))


if __name__ == "__main__":
    from reports.build import main as imported_main  # so the pickle names reports.build.ReportWritten, not __main__'s

    imported_main(sys.argv[1:])
