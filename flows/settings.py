"""Configuration at the edge, typed once: CLI flags and environment -> Settings -> flow parameters.

Defaults match prefect.yaml. Nothing below the CLI and the flow reads the environment.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

DEFAULT_DB = "data/newsfacts.duckdb"
DEFAULT_BATCH_SIZE = 1000  # articles per task: ~25 ms of Prefect overhead per task run, so never one article a task
DEFAULT_WAIT_SECONDS = 600  # how long a run waits for another run loading the same warehouse
DEFAULT_MAX_BYTES = 5_000_000  # a news article is a few KB; 5 MB is a dump or a mistake, refused as too_large

# Prefect defaults for this project, set only where the user has not set them:
PREFECT_DEFAULTS = {
    # The temporary server takes 12-26 s to start on a 2-core machine; Prefect's own 20 s limit fails
    # the first run on a fresh machine.
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "180",
    "DO_NOT_TRACK": "1",
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    # Run logs at INFO go to the server (the UI shows what each stage did); the terminal shows warnings only,
    # so they do not bury the CLI's own summary. PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL=INFO shows them there too.
    "PREFECT_LOGGING_LEVEL": "INFO",
    "PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL": "WARNING",
}


USER_AGENT = "newsfacts/0.1 (figures from Chinese economic news; obeys robots.txt)"


@dataclass(frozen=True, slots=True)
class FetchPolicy:
    """How politely and how long pages are fetched: the flow's `fetch_policy`, NEWSFACTS_FETCH_* variables.

    Defaults are polite to one site (4 requests at once per host) and still keep 16 in flight over many.
    """

    concurrency: int = 16  # requests in flight over all hosts
    per_host: int = 4  # requests in flight to one host
    host_delay: float = 0.0  # seconds between the starts of two requests to one host (robots.txt Crawl-delay wins if longer)
    connect_timeout: float = 10.0
    read_timeout: float = 20.0  # between two chunks of a body
    total_timeout: float = 60.0  # one attempt at one page, headers to last byte
    max_redirects: int = 5
    retries: int = 3  # further attempts after connection errors, timeouts, 429 and 5xx; none after other 4xx
    backoff: float = 1.0  # seconds: retry n waits backoff * 2**n, jittered between half and all of it
    max_retry_after: float = 60.0  # a 429's Retry-After up to this is waited; a longer one gives the page up
    obey_robots: bool = True
    user_agent: str = USER_AGENT
    buffer: int = 1000  # pages fetched ahead of parsing, at most; with `concurrency` it bounds the bodies held

    @classmethod
    def from_env(cls, **overrides) -> FetchPolicy:
        """NEWSFACTS_FETCH_CONCURRENCY=32, NEWSFACTS_FETCH_PER_HOST=2, ...; then `overrides` that are not None."""
        values = {}
        for name, default in ((f, getattr(cls(), f)) for f in cls.__dataclass_fields__):
            raw = os.environ.get(f"NEWSFACTS_FETCH_{name.upper()}")
            if raw is not None:
                values[name] = raw.lower() in ("1", "true", "yes") if isinstance(default, bool) else type(default)(raw)
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything a run needs to know, from flags first, then NEWSFACTS_* variables, then defaults."""

    db_path: str = DEFAULT_DB
    batch_size: int = DEFAULT_BATCH_SIZE
    max_bytes: int = DEFAULT_MAX_BYTES

    @classmethod
    def from_env(cls, db_path: str | None = None) -> Settings:
        return cls(
            db_path=db_path or os.environ.get("NEWSFACTS_DB", DEFAULT_DB),
            batch_size=int(os.environ.get("NEWSFACTS_BATCH_SIZE", DEFAULT_BATCH_SIZE)),
            max_bytes=int(os.environ.get("NEWSFACTS_MAX_BYTES", DEFAULT_MAX_BYTES)),
        )


def prefect_environment(project_dir: Path | None = None, quiet: bool = False) -> None:
    """Set Prefect's defaults for this project before prefect is imported; the user's own values win.

    PREFECT_HOME goes to a project-local `.prefect` folder so runs do not write to ~/.prefect.
    quiet: no Prefect log lines on the terminal (a failed task's 70-line traceback among them); the
    run's log keeps them all (`prefect flow-run logs ID`), and the CLI says the reason in one line.
    """
    if quiet:  # before the defaults, whose console level (WARNING) would otherwise win
        os.environ.setdefault("PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL", "CRITICAL")
    for name, value in PREFECT_DEFAULTS.items():
        os.environ.setdefault(name, value)
    os.environ.setdefault("PREFECT_HOME", str((project_dir or Path.cwd()) / ".prefect"))
