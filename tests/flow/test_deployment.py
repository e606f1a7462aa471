"""End to end as in production: prefect.yaml deployed to a real server, run by a real process worker."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from pathlib import Path

import duckdb
from prefect.client.orchestration import get_client
from prefect.deployments import run_deployment

from tests.conftest import ROOT, SEEDS

PREFECT = str(Path(sys.executable).with_name("prefect"))
POOL = "newsfacts-e2e"


def prefect_cli(*args: str, timeout: float = 180) -> subprocess.CompletedProcess:
    env = {**os.environ, "NEWSFACTS_PROJECT_DIR": str(ROOT)}
    done = subprocess.run([PREFECT, "--no-prompt", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, f"prefect {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}"
    return done


def test_deployment_from_prefect_yaml_runs_on_a_process_worker(prefect_server, tmp_path):
    db = tmp_path / "deployed.duckdb"
    prefect_cli("work-pool", "create", POOL, "--type", "process", "--overwrite")
    prefect_cli("deploy", "--name", "sample-articles", "--pool", POOL)
    flow_run = run_deployment(
        "newsfacts-etl/sample-articles", parameters={"paths": [str(SEEDS)], "db_path": str(db)}, timeout=0
    )
    # the worker picks the run up, starts it in a subprocess, and exits after one poll
    prefect_cli("worker", "start", "--pool", POOL, "--run-once", timeout=300)

    async def final_state():
        async with get_client() as client:
            return (await client.read_flow_run(flow_run.id)).state

    state = asyncio.run(final_state())
    assert state.is_completed(), state.message
    con = duckdb.connect(str(db), read_only=True)
    try:
        articles = con.execute("select count(*) from dim_article").fetchall()[0][0]
        figures = con.execute("select count(*) from facts").fetchall()[0][0]
        run_status = con.execute("select run_id, status from etl_run").fetchall()
    finally:
        con.close()
    assert articles == 5 and figures > 50
    assert run_status == [(str(flow_run.id), "completed")]
