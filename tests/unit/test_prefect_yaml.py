"""prefect.yaml's deployments name parameters the flow takes: fetch's `url_files`, `limit` and `fetch_policy` too."""

from __future__ import annotations

import subprocess

from flows.acquire.urls import parse_url_list
from flows.deployments import read_deployments
from flows.etl import etl
from flows.settings import FetchPolicy
from tests.conftest import ROOT


def deployments() -> dict[str, dict]:
    return {entry["name"]: entry for entry in read_deployments(ROOT / "prefect.yaml")}


def test_every_deployment_s_parameters_are_valid_flow_parameters():
    for name, entry in deployments().items():
        checked = etl.validate_parameters(entry["parameters"])
        assert set(entry["parameters"]) <= set(checked), name  # an unknown name would have raised


def test_source_list_fetches_a_url_list_every_hour():
    entry = deployments()["source-list"]
    assert entry["parameters"]["url_files"] == ["sources.txt"] and entry["parameters"]["paths"] == []
    assert [s.get("interval") for s in entry["schedules"]] == [3600]


def test_source_list_s_url_list_ships_with_the_repository_and_says_its_format():
    # a fresh clone's hourly run must find its list (data/ is gitignored); until a user adds URLs it lists none
    listed = ROOT / deployments()["source-list"]["parameters"]["url_files"][0]
    text = listed.read_text(encoding="utf-8")
    assert parse_url_list(text) == []
    assert text.startswith("# ") and "one URL a line" in text
    ignored = subprocess.run(["git", "check-ignore", "--quiet", str(listed)], cwd=ROOT, capture_output=True)
    assert ignored.returncode == 1, f"{listed} is ignored by git: a clone would not have it"


def test_news_feeds_fetch_policy_becomes_the_flow_s_policy():
    checked = etl.validate_parameters(deployments()["news-feeds"]["parameters"])
    assert checked["fetch_policy"] == FetchPolicy(concurrency=16, per_host=4, host_delay=0.0, total_timeout=60.0, retries=3)
