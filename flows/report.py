"""What a run tells people: counts per stage, rejects by reason, as Prefect artifacts and terminal progress.

The CLI subscribes a progress callback; the Prefect UI gets a progress artifact and a summary table.
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING
from uuid import UUID

from prefect.artifacts import (
    create_link_artifact,
    create_markdown_artifact,
    create_progress_artifact,
    create_table_artifact,
    update_progress_artifact,
)

from flows.settings import DEFAULT_DB
from warehouse import load

if TYPE_CHECKING:
    from flows.batch import Triage
    from reports.build import ReportWritten


@dataclass(slots=True)
class RunCounts:
    """What a run did, stage by stage; etl_run holds the same numbers (all but the reasons)."""

    files_found: int = 0
    pages_found: int = 0
    documents_read: int = 0
    articles_new: int = 0
    articles_changed: int = 0
    articles_unchanged: int = 0
    rejected: int = 0
    figures_loaded: int = 0
    reasons: Counter = field(default_factory=Counter)  # (stage, reason) -> rejects, with one example each
    examples: dict = field(default_factory=dict)

    def columns(self) -> dict[str, int]:
        return {name: getattr(self, name) for name in self.__slots__ if name not in ("reasons", "examples")}

    def add_rejects(self, rejects) -> None:
        for reject in rejects:
            self.rejected += 1
            self.reasons[(reject.stage, reject.reason)] += 1
            self.examples.setdefault((reject.stage, reject.reason), f"{reject.source}: {reject.detail}")


# Called with (files done, files in all) after each batch of any run in this process; the CLI's
# progress bar is one. The numbers are always those of one run (see Progress).
PROGRESS_LISTENERS: list[Callable[[int, int], None]] = []
# Called with (pages fetched, pages in all) while a run fetches, between and during batches.
FETCH_LISTENERS: list[Callable[[int, int], None]] = []
FETCH_ARTIFACT_EVERY = 1.0  # seconds between two updates of the fetch progress artifact: each is an API call


@dataclass(slots=True)
class Progress:
    """One run's files done out of its files found: a progress artifact in the Prefect UI, and the listeners.

    Made by each flow run for itself, so runs sharing a process (threads of a worker, tests) never mix counts.
    """

    total: int
    artifact_id: UUID
    done: int = 0
    pages: int = 0  # pages to fetch, once fetching starts
    fetch_artifact_id: UUID | None = None
    fetch_updated_at: float = 0.0

    @classmethod
    def start(cls, total: int) -> Progress:
        """Publish the run's progress artifact at 0 %; call inside the flow run it belongs to."""
        return cls(total, create_progress_artifact(0.0, key="newsfacts-progress", description="Files processed"))

    def advance(self, files_done: int) -> None:
        """Count a batch's files as done: move the artifact and tell every listener."""
        self.done += files_done
        update_progress_artifact(self.artifact_id, 100.0 * self.done / max(self.total, 1))
        for listener in PROGRESS_LISTENERS:
            listener(self.done, self.total)

    def start_fetching(self, pages: int) -> None:
        """Publish a second artifact, pages fetched, that moves while pages arrive."""
        self.pages = pages
        if pages:
            self.fetch_artifact_id = create_progress_artifact(0.0, key="newsfacts-fetch-progress", description="Pages fetched")

    def fetched(self, pages_done: int) -> None:
        """Count pages fetched (or refused) so far: tell every fetch listener, move the artifact now and then."""
        for listener in FETCH_LISTENERS:
            listener(pages_done, self.pages)
        now = time.monotonic()
        if self.fetch_artifact_id and (now - self.fetch_updated_at >= FETCH_ARTIFACT_EVERY or pages_done >= self.pages):
            self.fetch_updated_at = now
            update_progress_artifact(self.fetch_artifact_id, 100.0 * pages_done / max(self.pages, 1))


def batches(files: list, size: int) -> Iterator[list]:
    """The run's files in batches of `size`, in order."""
    for start in range(0, len(files), size):
        yield files[start:start + size]


def tally_found(counts: RunCounts, found) -> None:
    """Count what discovery found and refused (paths that do not exist, folders with no articles)."""
    counts.files_found = len(found.files)
    counts.pages_found = len(found.urls)
    counts.add_rejects(found.rejects)


def tally(counts: RunCounts, triaged: Triage, tables: dict, rejects: list) -> None:
    """Add one loaded batch to the run's counts: a new or changed document counts once its dim_article row loads."""
    loaded = set(tables["dim_article"]["source"].to_list()) if "dim_article" in tables else set()
    unchanged = len(triaged.unchanged) + len(triaged.not_modified)
    counts.documents_read += len(triaged.new) + len(triaged.changed) + unchanged
    counts.articles_new += sum(d.source in loaded for d in triaged.new)
    counts.articles_changed += sum(d.source in loaded for d in triaged.changed)
    counts.articles_unchanged += unchanged
    counts.add_rejects(rejects)
    counts.figures_loaded += tables["fact_figure"].height if "fact_figure" in tables else 0


def publish_summary(run_id: str, counts: RunCounts, elapsed: float) -> None:
    """A table artifact of the run, stage by stage with rejects by reason, and a markdown one of examples."""
    create_table_artifact(table=summary_rows(counts, elapsed), key="newsfacts-run-summary",
                          description=f"newsfacts run {run_id}: what each stage counted")
    lines = ["| stage | reason | rejects | example |", "|---|---|---|---|"]
    lines += [f"| {stage} | {reason} | {n} | {_cell(counts.examples[(stage, reason)])} |"
              for (stage, reason), n in counts.reasons.most_common()]
    body = "\n".join(lines) if counts.reasons else "Nothing was rejected."
    create_markdown_artifact(markdown=f"## Rejects of run {run_id}\n\n{body}", key="newsfacts-rejects",
                             description="Rejects by stage and reason, with an example of each")


def summary_rows(counts: RunCounts, elapsed: float) -> list[dict]:
    """The run as rows of (stage, measure, count), rejects by reason among them, in stage order."""
    rows = [
        ("discover", "files found", counts.files_found),
        ("discover", "pages found", counts.pages_found),
        ("acquire", "documents read", counts.documents_read),
        ("triage", "articles new", counts.articles_new),
        ("triage", "articles changed", counts.articles_changed),
        ("triage", "articles unchanged", counts.articles_unchanged),
        ("load", "figures loaded", counts.figures_loaded),
        *((stage, f"rejected: {reason}", n) for (stage, reason), n in sorted(counts.reasons.items())),
        ("all", "rejected", counts.rejected),
        ("all", "seconds", round(elapsed, 2)),
    ]
    return [{"stage": stage, "measure": measure, "count": count} for stage, measure, count in rows]


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")[:160]


def publish_report_link(written: ReportWritten) -> None:
    """A link artifact to the run's refreshed HTML report, with its headline numbers."""
    h = written.headline
    years = f"{h['first_year']}-{h['last_year']}" if h["first_year"] else "none"
    create_link_artifact(key="newsfacts-report", link=written.path.resolve().as_uri(), link_text=str(written.path),
                         description=f"newsfacts report: {h['articles_loaded']} articles, {h['figures']} figures, "
                                     f"{h['places']} places, years {years}, {h['rejects']} rejects. "
                                     f"Open `{written.path.resolve()}` in a browser (it needs no network).")


def publish_report_failure(db_path: str, error: Exception) -> None:
    """The run loaded its articles but the report could not be written: say so where the link would be."""
    create_markdown_artifact(key="newsfacts-report", description="The HTML report of this run",
                             markdown=f"## No report this run\n\n`newsfacts report --db {db_path}` failed: {_cell(str(error))}")


def mark_run_failed(flow, flow_run, state) -> None:
    """Flow hook: a run that failed or crashed is recorded as such in etl_run."""
    db_path = flow_run.parameters.get("db_path", DEFAULT_DB)
    try:
        load.finish_run(db_path, str(flow_run.id), "failed", {}, datetime.now())
    except Exception as error:  # noqa: BLE001 - the hook must not hide the run's own error
        logging.getLogger(__name__).warning("could not mark run %s failed in %s: %s", flow_run.id, db_path, error)
