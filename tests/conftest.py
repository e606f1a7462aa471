"""Shared fixtures: the real shared corpus, temporary warehouses, and one real Prefect server per session."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
DEV = SHARED / "corpus" / "dev"
GOLD = SHARED / "gold"
SAMPLES = ROOT / "samples" / "articles"

# Prefect must not write to ~/.prefect nor phone home while tests run; set before prefect is imported.
_PREFECT_HOME = tempfile.mkdtemp(prefix="newsfacts-prefect-")
os.environ["PREFECT_HOME"] = _PREFECT_HOME
os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
os.environ["PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS"] = "180"
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
# Run logs would still be shipping to the server when the session fixture stops it.
os.environ["PREFECT_LOGGING_TO_API_ENABLED"] = "false"
os.environ.pop("PREFECT_API_URL", None)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def prefect_server():
    """A real `prefect server start` on 127.0.0.1 for the session; yields its API URL and points Prefect at it."""
    from prefect.settings import PREFECT_API_URL, temporary_settings

    port = _free_port()
    url = f"http://127.0.0.1:{port}/api"
    log = open(Path(_PREFECT_HOME) / "server.log", "wb")  # noqa: SIM115 - closed once the server has stopped
    server = subprocess.Popen(
        [str(Path(sys.executable).with_name("prefect")), "server", "start", "--host", "127.0.0.1", "--port", str(port)],
        # the address exported before the server starts, as the README says: the server hands it to the UI
        stdout=log, stderr=subprocess.STDOUT, env={**os.environ, "PREFECT_HOME": _PREFECT_HOME, "PREFECT_API_URL": url},
    )
    try:
        _wait_healthy(url, server, timeout=180)
        with temporary_settings(updates={PREFECT_API_URL: url}):
            os.environ["PREFECT_API_URL"] = url  # for subprocesses the tests start (workers, the CLI)
            yield url
    finally:
        os.environ.pop("PREFECT_API_URL", None)
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


def _wait_healthy(url: str, server: subprocess.Popen, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"prefect server exited with {server.returncode}; see {_PREFECT_HOME}/server.log")
        try:
            if httpx.get(f"{url}/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise TimeoutError(f"prefect server not healthy after {timeout} s")


@pytest.fixture
def warehouse(tmp_path) -> Path:
    """Path of a DuckDB file that does not exist yet, in a temporary folder."""
    return tmp_path / "warehouse" / "newsfacts.duckdb"
