"""End to end as in production: prefect.yaml deployed with `prefect deploy --all` to a real server and run by a
real process worker; and `newsfacts serve` serving the same deployments, schedules read from the same file."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import duckdb
import httpx
from prefect.client.orchestration import get_client
from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterFlowRunId, LogFilter, LogFilterFlowRunId
from prefect.deployments import run_deployment

from flows.deployments import read_deployments
from tests.conftest import ROOT, SEEDS

PREFECT = str(Path(sys.executable).with_name("prefect"))
POOL = "newsfacts-process"  # as prefect.yaml names it: the session's server is this test run's own
QUEUE = "e2e"  # the triggered runs go here, so the worker never picks a scheduled run (its paths are the project's)


def prefect_cli(*args: str, timeout: float = 180, env: dict | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "NEWSFACTS_PROJECT_DIR": str(ROOT), **(env or {})}
    done = subprocess.run([PREFECT, "--no-prompt", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, f"prefect {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}"
    return done


def api(call):
    """Run `call(client)` against the session's server and return its result."""
    async def go():
        async with get_client() as client:
            return await call(client)
    return asyncio.run(go())


def schedules_of(name: str) -> tuple[object, list[tuple]]:
    deployment = api(lambda c: c.read_deployment_by_name(f"newsfacts-etl/{name}"))
    return deployment, [(getattr(s.schedule, "cron", None), getattr(s.schedule, "interval", None)) for s in deployment.schedules]


def expected_schedules(name: str) -> list[tuple]:
    entry = next(d for d in read_deployments(ROOT / "prefect.yaml") if d["name"] == name)
    return [(s.get("cron"), s.get("interval")) for s in entry["schedules"]]


def test_deploy_all_then_a_process_worker_runs_each_scheduled_deployment(prefect_server, tmp_path):
    db = tmp_path / "deployed.duckdb"
    prefect_cli("work-pool", "create", POOL, "--type", "process", "--overwrite")
    prefect_cli("work-queue", "create", QUEUE, "--pool", POOL)
    prefect_cli("deploy", "--all")
    for name in ("inbox", "source-list"):
        deployment, schedules = schedules_of(name)
        assert [(cron, interval and interval.total_seconds()) for cron, interval in schedules] == expected_schedules(name)
        assert deployment.work_pool_name == POOL and deployment.pull_steps  # the pull step that sets the folder
    # both deployments load into one warehouse: the second waits for the first (one writer per warehouse);
    # source-list runs with its own URL list, as a fresh clone's hourly run does (the list ships with no URL)
    runs = {name: run_deployment(f"newsfacts-etl/{name}", parameters={**paths, "db_path": str(db)},
                                 timeout=0, work_queue_name=QUEUE)
            for name, paths in (("inbox", {"paths": [str(SEEDS)]}), ("source-list", {}))}
    # the worker starts each run in a subprocess and exits once they are done; their logs go to the server
    prefect_cli("worker", "start", "--pool", POOL, "--work-queue", QUEUE, "--run-once", timeout=300,
                env={"PREFECT_LOGGING_TO_API_ENABLED": "true", "PREFECT_LOGGING_LEVEL": "INFO"})
    for name, flow_run in runs.items():
        finished = api(lambda c, i=flow_run.id: c.read_flow_run(i))
        assert finished.state.is_completed(), finished.state.message
        assert finished.name.startswith(f"{name} 20")  # readable: what it loads and when
        assert {"newsfacts", "source:folder"} <= set(finished.tags) or {"newsfacts", "source:list"} <= set(finished.tags)
        artifacts = api(lambda c, i=flow_run.id: c.read_artifacts(
            artifact_filter=ArtifactFilter(flow_run_id=ArtifactFilterFlowRunId(any_=[i]))))
        assert {f"newsfacts-{name}-{kind}" for kind in ("summary", "rejects", "digest", "progress")} <= {a.key for a in artifacts}
        logs = api(lambda c, i=flow_run.id: c.read_logs(log_filter=LogFilter(flow_run_id=LogFilterFlowRunId(any_=[i]))))
        assert any(log.message.startswith("load: ") for log in logs), [log.message for log in logs][:10]
    con = duckdb.connect(str(db), read_only=True)
    try:
        assert con.execute("select count(*) from etl_run where status = 'completed'").fetchall() == [(2,)]
        read = dict(con.execute("select inputs[1], documents_read from etl_run").fetchall())
        assert read["sources.txt"] == 0 and read[str(SEEDS)] > 0  # the list was read and has no URL in it
    finally:
        con.close()


def test_newsfacts_serve_serves_the_same_deployments_with_their_schedules(prefect_server, tmp_path):
    project = tmp_path / "project"  # prefect.yaml's relative paths resolve here, never in the checkout
    project.mkdir()
    (project / "prefect.yaml").write_bytes((ROOT / "prefect.yaml").read_bytes())
    for folder in ("flows", "schemas", "warehouse"):
        (project / folder).symlink_to(ROOT / folder)
    log = tmp_path / "serve.log"
    serve = subprocess.Popen([sys.executable, "-m", "flows.cli", "serve", "inbox", "source-list", "--project", str(project)],
                             cwd=project, env={**os.environ, "PYTHONPATH": str(ROOT), "PREFECT_LOGGING_LEVEL": "INFO"},
                             stdout=log.open("w"), stderr=subprocess.STDOUT, text=True)
    try:
        served = wait_for_served(("inbox", "source-list"), serve, timeout=120)
        for name, schedules in served.items():
            assert [(cron, interval and interval.total_seconds()) for cron, interval in schedules] == expected_schedules(name)
        db = tmp_path / "served.duckdb"
        flow_run = run_deployment("newsfacts-etl/inbox", parameters={"paths": [str(SEEDS)], "db_path": str(db)},
                                  timeout=180, poll_interval=1)
        assert flow_run.state.is_completed(), f"{flow_run.state.message}\n{log.read_text()[-3000:]}"
    finally:
        serve.send_signal(signal.SIGINT)
        try:
            serve.wait(timeout=30)
        except subprocess.TimeoutExpired:
            serve.kill()
            serve.wait()
    assert (project / "data").exists() is False  # the run's paths were its parameters, nothing of the project's


def wait_for_served(names: tuple[str, ...], serve: subprocess.Popen, timeout: float) -> dict[str, list]:
    """The schedules of the named deployments once serve has registered them (updated since it started; a deployment
    `prefect deploy` made earlier keeps its work pool name when serve updates it)."""
    started = datetime.now(UTC) - timedelta(seconds=5)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert serve.poll() is None, "newsfacts serve exited"
        found = {}
        try:
            found = {name: schedules_of(name) for name in names}
            if all(d.updated >= started and not d.paused for d, _ in found.values()):
                return {name: schedules for name, (_, schedules) in found.items()}
        except Exception:  # noqa: BLE001 - not registered yet
            pass
        time.sleep(1)
    details = {name: (d.work_pool_name, d.paused, d.status, d.updated) for name, (d, _) in found.items()}
    raise TimeoutError(f"newsfacts serve did not register {names} in {timeout} s: {details}")


def test_the_ui_calls_the_api_at_the_port_the_server_was_started_on(prefect_server):
    """The README's order (export PREFECT_API_URL, then start the server) points the UI at a non-default port."""
    ui_settings = httpx.get(prefect_server.removesuffix("/api") + "/ui-settings", timeout=10).json()
    assert ui_settings["api_url"] == prefect_server
