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


def prefect_environment(project_dir: Path | None = None) -> None:
    """Set Prefect's defaults for this project before prefect is imported; the user's own values win.

    PREFECT_HOME goes to a project-local `.prefect` folder so runs do not write to ~/.prefect.
    """
    for name, value in PREFECT_DEFAULTS.items():
        os.environ.setdefault(name, value)
    os.environ.setdefault("PREFECT_HOME", str((project_dir or Path.cwd()) / ".prefect"))
