"""What a run tells people: its name, counts per stage, rejects by reason, a digest of what it loaded, as
Prefect artifacts and terminal progress.

The CLI subscribes a progress callback; the Prefect UI gets a progress artifact, a summary table, a rejects
report and a digest. Artifact keys are `newsfacts-<deployment>-<kind>` (`newsfacts-run-<kind>` outside a
deployment), so each kind's history across a deployment's scheduled runs reads as one list in the UI.
"""

from __future__ import annotations

import copy
import logging
import re
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING
from uuid import UUID

from prefect.artifacts import (
    create_link_artifact,
    create_markdown_artifact,
    create_progress_artifact,
    create_table_artifact,
    update_progress_artifact,
)
from prefect.runtime import deployment, flow_run

from flows.settings import DEFAULT_DB
from warehouse import load, writer

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

    @property
    def refused_before_reading(self) -> int:
        """Files found but not read: too large, unreadable, not JSON."""
        return sum(n for (stage, _), n in self.reasons.items() if stage == "acquire")

    @property
    def refused_after_reading(self) -> int:
        """Documents read that did not load: not an article, undecodable, failed extraction or its schema."""
        return self.documents_read - self.articles_new - self.articles_changed - self.articles_unchanged

    @property
    def paths_refused(self) -> int:
        """Paths given that held no article file (missing, empty folders)."""
        return sum(n for (stage, _), n in self.reasons.items() if stage == "discover")

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
        return cls(total, create_progress_artifact(0.0, key=artifact_key("progress"), description=f"Files processed of {total}"))

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
            self.fetch_artifact_id = create_progress_artifact(0.0, key=artifact_key("fetch-progress"), description="Pages fetched")

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


def tallied_found(counts: RunCounts, found) -> RunCounts:
    """The counts with what discovery found and refused (paths that do not exist, folders with no articles)."""
    counts = copy.deepcopy(counts)
    counts.files_found = len(found.files)
    counts.pages_found = len(found.urls)
    counts.add_rejects(found.rejects)
    return counts


def tallied(counts: RunCounts, triaged: Triage, tables: dict, rejects: list) -> RunCounts:
    """The counts with one more batch: a new or changed document counts once its dim_article row loads.

    A new object: the run keeps the old one until the batch has committed."""
    counts = copy.deepcopy(counts)
    loaded = set(tables["dim_article"]["source"].to_list()) if "dim_article" in tables else set()
    unchanged = len(triaged.unchanged) + len(triaged.not_modified)
    counts.documents_read += len(triaged.new) + len(triaged.changed) + unchanged
    counts.articles_new += sum(d.source in loaded for d in triaged.new)
    counts.articles_changed += sum(d.source in loaded for d in triaged.changed)
    counts.articles_unchanged += unchanged
    counts.add_rejects(rejects)
    counts.figures_loaded += tables["fact_figure"].height if "fact_figure" in tables else 0
    return counts


def publish_summary(run_id: str, counts: RunCounts, elapsed: float, status: str = "completed",
                    digest: dict | None = None) -> None:
    """The summary table, the rejects report and the digest of a run, as artifacts; a failed run's tell what its
    committed batches loaded."""
    headline = (f"{status}: {counts.articles_new} new, {counts.articles_changed} changed, {counts.articles_unchanged} "
                f"unchanged articles, {counts.figures_loaded} figures, {counts.rejected} rejects in {elapsed:.1f} s")
    create_table_artifact(table=summary_rows(counts), key=artifact_key("summary"),
                          description=f"newsfacts run {run_id} {headline}")
    lines = ["| stage | reason | rejects | example |", "|---|---|---|---|"]
    lines += [f"| {stage} | {reason} | {n} | {_cell(counts.examples[(stage, reason)])} |"
              for (stage, reason), n in counts.reasons.most_common()]
    body = "\n".join(lines) if counts.reasons else "Nothing was rejected."
    create_markdown_artifact(markdown=f"## Rejects of run {run_id}\n\n{body}", key=artifact_key("rejects"),
                             description=f"{counts.rejected} rejects by stage and reason, with an example of each")
    create_markdown_artifact(markdown=digest_markdown(run_id, headline, digest or {}), key=artifact_key("digest"),
                             description=f"What run {run_id} loaded: {headline}")


def summary_rows(counts: RunCounts) -> list[dict]:
    """The run as rows of (stage, measure, count), rejects by reason among them, in stage order; every count a count."""
    rows = [
        ("discover", "files found", counts.files_found),
        ("discover", "pages found", counts.pages_found),
        ("discover", "paths refused", counts.paths_refused),
        ("acquire", "files refused before reading", counts.refused_before_reading),
        ("acquire", "documents read", counts.documents_read),
        ("triage", "articles new", counts.articles_new),
        ("triage", "articles changed", counts.articles_changed),
        ("triage", "articles unchanged", counts.articles_unchanged),
        ("parse..validate", "documents refused after reading", counts.refused_after_reading),
        ("load", "figures loaded", counts.figures_loaded),
        *((stage, f"rejected: {reason}", n) for (stage, reason), n in sorted(counts.reasons.items())),
        ("all", "rejected", counts.rejected),
    ]
    return [{"stage": stage, "measure": measure, "count": count} for stage, measure, count in rows]


def digest_markdown(run_id: str, headline: str, digest: dict) -> str:
    """New and changed articles with their titles and places, then the largest figures of each category."""
    lines = [f"## Run {run_id}", "", headline, "", "### Articles loaded", ""]
    articles = digest.get("articles", [])
    lines += ["| title | places | date | figures | source |", "|---|---|---|---|---|"] if articles else ["None."]
    lines += [f"| {_cell(a['title'] or '(no title)')} | {_cell(a['places'] or '')} | {a['published_date'] or ''} | "
              f"{a['figure_count']} | {_cell(a['source'])} |" for a in articles]
    lines += ["", "### Largest figures by category", ""]
    figures = digest.get("figures", [])
    lines += ["| category | value | unit | metric | place | year | sentence |", "|---|---|---|---|---|---|---|"] if figures \
        else ["None."]
    lines += [f"| {f['category']} | {f['value']:,.2f} | {f['unit']} | {_cell(f['metric'] or '')} | {f['place'] or ''} | "
              f"{f['year'] or ''} | {_cell(f['sentence'])} |" for f in figures]
    return "\n".join(lines)


def artifact_key(kind: str) -> str:
    """`newsfacts-<deployment>-<kind>`, or `newsfacts-run-<kind>` for a run outside a deployment (keys allow
    lowercase letters, digits and dashes only)."""
    owner = re.sub(r"[^a-z0-9]+", "-", (deployment.name or "run").lower()).strip("-") or "run"
    return f"newsfacts-{owner}-{kind}"


def run_name() -> str:
    """A flow run's name, what it loads and when: `inbox 2026-12-06 04:30`, `articles+2 2026-12-06 04:31`."""
    paths = flow_run.parameters.get("paths") or []
    what = deployment.name or (_short(paths[0]) + (f"+{len(paths) - 1}" if len(paths) > 1 else "") if paths else "nothing")
    when = flow_run.scheduled_start_time or datetime.now().astimezone()
    return f"{what} {when.astimezone():%Y-%m-%d %H:%M}"


def _short(source: str) -> str:
    return source.rstrip("/").rsplit("/", 1)[-1] or source


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


def mark_run_crashed(flow, flow_run, state) -> None:
    """Flow hook: a crashed run (killed, out of memory) is recorded as failed in etl_run, under the warehouse lock;
    its counts stay those of its committed batches."""
    db_path = flow_run.parameters.get("db_path", DEFAULT_DB)
    if not Path(db_path).exists():  # it crashed before creating the warehouse: nothing to record it in
        return
    try:
        with writer.hold(db_path, {"run_id": str(flow_run.id), "run_name": flow_run.name}, wait_seconds=30) as work:
            load.finish_run(work, str(flow_run.id), "failed", {}, datetime.now())
    except Exception as error:  # noqa: BLE001 - the hook must not hide the run's own error
        logging.getLogger(__name__).warning("could not mark run %s failed in %s: %s", flow_run.id, db_path, error)
