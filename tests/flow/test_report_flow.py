"""After each flow run the Prefect UI links to the refreshed HTML report beside the warehouse."""

from __future__ import annotations

import pytest

from flows.etl import etl
from tests.conftest import SAMPLES
from tests.flow.test_etl import artifacts_of, rows

pytestmark = pytest.mark.usefixtures("prefect_server")


def test_a_run_refreshes_the_report_and_links_it(warehouse):
    report = warehouse.with_suffix(".html")
    state = etl(paths=[str(SAMPLES)], db_path=str(warehouse), return_state=True)
    assert state.is_completed(), state.message
    html = report.read_text(encoding="utf-8")
    assert 'id="chart-map"' in html and "瑞丽市" in html
    run_id = rows(warehouse, "select run_id from etl_run")[0][0]
    link = artifacts_of(run_id)["newsfacts-report"]
    assert link.data == f"[{report}]({report.resolve().as_uri()})"  # Prefect shows a link artifact as markdown
    assert f"{state.result().figures_loaded} figures" in link.description


def test_a_report_that_cannot_be_written_fails_no_load(warehouse, monkeypatch):
    def broken(child, db_path):
        raise OSError("disk full")

    monkeypatch.setattr("reports.build.ReportProcess.write", broken)
    state = etl(paths=[str(SAMPLES)], db_path=str(warehouse), return_state=True)
    assert state.is_completed(), state.message
    assert rows(warehouse, "select status from etl_run") == [("completed",)]
    run_id = rows(warehouse, "select run_id from etl_run")[0][0]
    note = artifacts_of(run_id)["newsfacts-report"]
    assert note.type == "markdown" and "disk full" in note.data
