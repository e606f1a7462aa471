"""The real flow against a real Prefect server, into real DuckDB files: what lands, what is refused."""

from __future__ import annotations

import asyncio
import contextvars
import json
import shutil
import threading
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor

import pytest
from prefect.client.orchestration import get_client
from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterFlowRunId
from prefect.runtime import flow_run

from flows import report
from flows.etl import etl
from tests.conftest import GOLD, SEEDS
from tests.flow.helpers import rows, run

pytestmark = pytest.mark.usefixtures("prefect_server")


def artifacts_of(run_id: str) -> dict[str, object]:
    """The artifacts a flow run published, by key, as the Prefect UI shows them."""
    async def read():
        async with get_client() as client:
            return await client.read_artifacts(artifact_filter=ArtifactFilter(flow_run_id=ArtifactFilterFlowRunId(any_=[run_id])))
    return {a.key: a for a in asyncio.run(read())}


def snapshot(db) -> dict[str, list]:
    tables = ["raw_document", "dim_source", "dim_article", "dim_place", "dim_metric", "dim_date", "fact_figure", "rejects"]
    return {t: sorted(map(repr, rows(db, f"select * from {t}"))) for t in tables}


def test_seed_articles_land_as_figures_with_place_and_year(warehouse):
    counts = run([SEEDS], warehouse)
    assert counts.documents_read == 5 and counts.articles_new == 5 and counts.rejected == 0
    # 总投资估算678.46億元 in the first seed: yuan in base units, about the Mohan-Boten zone, in 2024.
    found = rows(warehouse, "select unit, metric, year, place, province from facts where value = 67846000000")
    assert found and found[0][0] == "CNY" and found[0][2] == 2024
    assert "磨憨" in found[0][3] and found[0][4] == "云南省"
    gold = [json.loads(line) for line in (GOLD / "seeds.jsonl").read_text(encoding="utf-8").splitlines()]
    required = [g for g in gold if g["required"]]
    loaded = rows(warehouse, "select value, unit from facts")
    hits = sum(any(u == g["unit"] and abs(v - g["value"]) <= 0.005 * g["value"] for v, u in loaded) for g in required)
    assert hits / len(required) >= 0.9
    run_row = rows(warehouse, "select run_id, status, documents_read, figures_loaded from etl_run")
    assert run_row[0][1:] == ("completed", 5, counts.figures_loaded)
    published = artifacts_of(run_row[0][0])
    assert {"newsfacts-run-summary", "newsfacts-run-rejects", "newsfacts-run-progress", "newsfacts-run-digest"} <= set(published)
    summary = {row["measure"]: row["count"] for row in json.loads(published["newsfacts-run-summary"].data)}
    assert summary["files found"] == 5 and summary["articles new"] == 5
    assert summary["figures loaded"] == counts.figures_loaded
    assert counts.figures_loaded == rows(warehouse, "select count(*) from fact_figure")[0][0]


def test_every_fact_resolves_to_its_dimensions(warehouse):
    run([SEEDS], warehouse)
    orphans = rows(warehouse, """
        select count(*) from fact_figure f
        left join dim_article a using (article_id) left join dim_metric m using (metric_id)
        left join dim_place p using (place_id)
        where a.article_id is null or m.metric_id is null or (f.place_id is not null and p.place_id is null)
    """)
    assert orphans == [(0,)]
    # the raw bytes are kept: every article can be extracted again from raw_document
    assert rows(warehouse, "select count(*) from dim_article join raw_document using (document_id)") == [(5,)]


def test_running_the_same_input_twice_changes_nothing(warehouse):
    run([SEEDS], warehouse)
    before = snapshot(warehouse)
    counts = run([SEEDS], warehouse)
    assert counts.articles_unchanged == 5 and counts.articles_new == 0 and counts.figures_loaded == 0
    assert snapshot(warehouse) == before
    assert rows(warehouse, "select count(*) from etl_run where status = 'completed'") == [(2,)]


def test_an_article_whose_content_changed_replaces_its_figures(tmp_path, warehouse):
    article = tmp_path / "articles" / "zone.txt"
    article.parent.mkdir()
    article.write_text("2024-03-01 来源:某某日报\n2023年，瑞丽市签约招商项目32个，协议资金86.7亿元，同比增长27.5%。", encoding="utf-8")
    run([article.parent], warehouse)
    article.write_text("2024-03-02 来源:某某日报\n2023年，瑞丽市签约招商项目35个，协议资金90.1亿元。", encoding="utf-8")
    counts = run([article.parent], warehouse)
    assert counts.articles_changed == 1
    values = sorted(v for (v,) in rows(warehouse, "select value from facts"))
    assert values == [35, 9_010_000_000]
    assert rows(warehouse, "select count(*) from raw_document") == [(2,)]  # both versions kept


def test_bad_inputs_are_rejected_with_reasons_and_the_rest_loads(tmp_path, warehouse):
    folder = tmp_path / "inbox"
    folder.mkdir()
    good = "2024年，博乐边境经济合作区签约项目32个，协议资金86.7亿元，到位资金41.3亿元，同比增长27.5%。"
    (folder / "good.txt").write_text(good, encoding="utf-8")
    (folder / "gbk.txt").write_bytes(good.replace("32个", "33个").encode("gbk"))
    (folder / "big5.txt").write_bytes("2024年，瑞麗市簽約項目21個，協議資金12.5億元，同比增長8.3%。".encode("big5"))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(256)) * 4)
    (folder / "english.txt").write_text("Quarterly report: revenue grew 12% to 3.4 billion dollars.", encoding="utf-8")
    (folder / "huge.txt").write_bytes(("重点项目" * 10).encode("utf-8") * 175_000)  # 21 MB
    counts = run([folder, tmp_path / "missing.txt"], warehouse)
    reasons = dict(rows(warehouse, "select regexp_extract(source, '[^/]+$'), reason from rejects"))
    assert reasons == {"empty.txt": "empty", "image.txt": "binary", "english.txt": "not_an_article",
                       "huge.txt": "too_large", "missing.txt": "not_found"}
    loaded = rows(warehouse, "select regexp_extract(source, '[^/]+$'), script from dim_article order by 1")
    assert loaded == [("big5.txt", "traditional"), ("gbk.txt", "simplified"), ("good.txt", "simplified")]
    assert rows(warehouse, "select count(*) from facts where value = 1250000000 and unit = 'CNY'") == [(1,)]
    assert counts.rejected == 5
    # the terminal's summary line adds up: 7 files found = 6 read + 1 refused before reading (huge.txt);
    # 6 read = 3 new + 0 changed + 0 unchanged + 3 refused after reading (empty, image, english); 1 path missing
    assert (counts.files_found, counts.refused_before_reading, counts.documents_read) == (7, 1, 6)
    assert (counts.articles_new, counts.refused_after_reading, counts.paths_refused) == (3, 3, 1)
    assert counts.reasons[("acquire", "too_large")] == 1 and counts.reasons[("discover", "not_found")] == 1


def test_folder_with_nothing_readable_runs_and_says_so(tmp_path, warehouse):
    (tmp_path / "pictures").mkdir()
    (tmp_path / "pictures" / "a.png").write_bytes(b"\x89PNG")
    counts = run([tmp_path / "pictures"], warehouse)
    assert counts.documents_read == 0
    assert rows(warehouse, "select reason from rejects") == [("no_articles",)]


def test_batches_split_the_work_and_load_the_same_rows(tmp_path, warehouse):
    copies = tmp_path / "copies"
    shutil.copytree(SEEDS, copies)
    run([copies], warehouse, batch_size=2)
    assert rows(warehouse, "select count(*) from dim_article") == [(5,)]
    one_batch = tmp_path / "one.duckdb"
    run([copies], one_batch)
    same = "select count(*), round(sum(value)) from fact_figure"
    assert rows(warehouse, same) == rows(one_batch, same)


def test_a_run_that_cannot_open_its_warehouse_ends_failed_with_the_reason(tmp_path):
    not_a_file = tmp_path / "a-folder.duckdb"
    not_a_file.mkdir()
    state = etl(paths=[str(SEEDS)], db_path=str(not_a_file), return_state=True)
    assert state.is_failed()
    assert "a-folder.duckdb" in state.message or "IO Error" in state.message


def test_two_runs_at_once_each_report_their_own_progress(tmp_path, monkeypatch):
    two = tmp_path / "two"
    two.mkdir()
    for seed in sorted(SEEDS.iterdir())[:2]:
        shutil.copy(seed, two)
    heard = defaultdict(list)  # flow run id -> (done, total) as the listener heard them
    both_going = threading.Barrier(2, timeout=60)

    def listen(done: int, total: int) -> None:
        heard[str(flow_run.id)].append((done, total))
        if len(heard[str(flow_run.id)]) == 1:
            both_going.wait()  # neither run goes past its first batch before the other has one: they interleave

    def run_in_thread(folder, db):
        try:
            return etl(paths=[str(folder)], db_path=str(db), batch_size=1, return_state=True)
        finally:
            both_going.abort()  # a run that fails before its first batch must not keep the other waiting

    monkeypatch.setattr(report, "PROGRESS_LISTENERS", [listen])
    with ThreadPoolExecutor(2) as pool:
        # each thread runs in a copy of this context, which holds the session server's API URL (without it a
        # thread sees no PREFECT_API_URL and starts a temporary server of its own)
        futures = [pool.submit(contextvars.copy_context().run, run_in_thread, folder, tmp_path / f"{folder.name}.duckdb")
                   for folder in (SEEDS, two)]
        states = [future.result() for future in futures]
    assert all(state.is_completed() for state in states), [state.message for state in states]
    five, two = (str(state.state_details.flow_run_id) for state in states)
    assert heard[five] == [(n, 5) for n in range(1, 6)]
    assert heard[two] == [(1, 2), (2, 2)]
    for run_id in (five, two):
        assert artifacts_of(run_id)["newsfacts-run-progress"].data == 100.0
