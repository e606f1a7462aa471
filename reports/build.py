"""Write the report: the warehouse's sections (reports.queries) rendered into one HTML file (reports.page).

    python -m reports.build DB [OUT]    # write_report in a process of its own (write_report_apart reads its output)
"""

from __future__ import annotations

import json
import os
import pickle
import resource
import subprocess
import sys
import time
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from reports import charts, default_report_path, geo, page, queries
from reports.filters import Filters

PROJECT = Path(__file__).resolve().parents[1]
WRITTEN = b"\n--newsfacts report written--\n"  # what follows it on the child's stdout is its ReportWritten
WAIT_FOR_ORDER = "--wait-for-order"  # the child warms up, then reads its warehouse from stdin (ReportProcess)


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
    with ReportProcess() as child:
        return child.write(db_path, out_path)


class ReportProcess:
    """A child process for one report (write_report_apart), started before the report is due.

    A child spends ~0.5 s starting Python and importing polars, DuckDB, plotly and the page before it reads
    anything. The flow starts one as a run begins, while the run's start and discovery leave a core idle, so the
    child waits ready and the run ends that much sooner. `write` hands it the warehouse, once; a child never asked
    ends when the block does.
    """

    def __init__(self) -> None:
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, (str(PROJECT), os.environ.get("PYTHONPATH"))))}
        self._child = subprocess.Popen([sys.executable, "-m", "reports.build", WAIT_FOR_ORDER], stdin=subprocess.PIPE,
                                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)

    @property
    def returncode(self) -> int | None:
        """The child's exit status once it has ended, else None."""
        return self._child.returncode

    def __enter__(self) -> ReportProcess:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def write(self, db_path: str | Path, out_path: str | Path | None = None) -> ReportWritten:
        """The report of db_path written by the child (beside it, or to out_path); raises ReportFailed with its error."""
        order = json.dumps([str(db_path), *([str(out_path)] if out_path else [])]).encode() + b"\n"
        stdout, stderr = self._child.communicate(order)  # a child that died while waiting: what it said is read
        if self._child.returncode != 0 or WRITTEN not in stdout:
            lines = stderr.decode("utf-8", "replace").strip().splitlines() or [f"exit status {self._child.returncode}"]
            raise ReportFailed(lines[-1])
        return pickle.loads(stdout.rsplit(WRITTEN, 1)[1])  # our own child's: the headline's types kept as they were

    def close(self) -> None:
        """End a child never asked for a report (its stdin closes: it exits), or one that will not stop."""
        if self._child.returncode is None:
            try:
                self._child.communicate(timeout=10)
            except subprocess.TimeoutExpired:
                self._child.kill()
                self._child.communicate()


def peak_mb() -> float:
    """This process's peak resident memory since it started its program. Not ru_maxrss: Linux keeps that across
    exec, so a child would report its parent's peak at the fork."""
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:  # not Linux: ru_maxrss is the best there is (kilobytes on Linux, bytes on macOS)
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / (1 << 20 if sys.platform == "darwin" else 1 << 10)
    return int(next(line for line in status.splitlines() if line.startswith("VmHWM:")).split()[1]) / 1024


def main(argv: list[str]) -> None:
    """The child's side of write_report_apart: write the report, then its ReportWritten with the peak memory.

    With WAIT_FOR_ORDER, first warm up and wait for the order on stdin (ReportProcess): a JSON list of the
    warehouse and, maybe, the report's path; end quietly if stdin closes with no order.
    """
    if argv[:1] == [WAIT_FOR_ORDER]:
        _warm_up()
        order = sys.stdin.readline()
        if not order.strip():
            return
        argv = json.loads(order)
    written = write_report(*argv[:2])
    sys.stdout.flush()
    sys.stdout.buffer.write(WRITTEN + pickle.dumps(replace(written, peak_mb=round(peak_mb(), 1))))


def _warm_up() -> None:
    """What a report's first page reads or builds once per process: outlines, plotly.js, plotly's figure machinery."""
    geo.outlines()
    page.get_plotlyjs()
    page.pio.to_html(charts.go.Figure(), full_html=False, include_plotlyjs=False)


if __name__ == "__main__":
    from reports.build import main as imported_main  # so the pickle names reports.build.ReportWritten, not __main__'s

    imported_main(sys.argv[1:])
