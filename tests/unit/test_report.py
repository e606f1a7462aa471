"""The run summary people read in the Prefect UI: counts stage by stage, rejects by reason."""

from flows.records import Reject
from flows.report import RunCounts, summary_rows


def test_summary_lists_each_stage_and_each_reject_reason():
    counts = RunCounts(files_found=4, documents_read=4, articles_new=2, figures_loaded=17)
    counts.add_rejects([Reject("parse", "a.txt", "empty", "the file is empty"),
                        Reject("parse", "b.txt", "empty", "the file is empty"),
                        Reject("acquire", "c.txt", "too_large", "21.0 MB is over the limit")])
    table = summary_rows(counts)
    rows = {(r["stage"], r["measure"]): r["count"] for r in table}
    assert rows[("parse", "rejected: empty")] == 2 and rows[("acquire", "rejected: too_large")] == 1
    assert rows[("all", "rejected")] == 3 and rows[("load", "figures loaded")] == 17
    assert all(isinstance(r["count"], int) for r in table)  # the count column holds counts only, no seconds
    assert rows[("acquire", "files refused before reading")] == 1
    assert counts.examples[("parse", "empty")] == "a.txt: the file is empty"  # the first one seen


def test_etl_run_columns_leave_out_the_reasons():
    assert set(RunCounts().columns()) == {"files_found", "pages_found", "documents_read", "articles_new", "articles_changed",
                                          "articles_unchanged", "rejected", "figures_loaded"}
