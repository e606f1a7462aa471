"""A Dask worker's warm-up, run when it starts (Dask's `preload`): the stages' imports and rule tables, built once.

Measured on this machine: a cold worker spends ~10 s of its first batch on them, which a run of a few batches
never wins back. `newsfacts run --task-runner dask` preloads it into its local cluster; for a cluster of your
own: `dask worker tcp://HOST:8786 --preload flows.warmup`.
"""

from __future__ import annotations

from datetime import datetime

import flows.dask_runner  # noqa: F401 - what a worker runs each task through
import flows.etl  # noqa: F401 - unpickling the first submitted task imports it, and prefect with it: 2.5 s of CPU, measured
from flows import batch as stages
from flows.acquire.local import make_document

SAMPLE = "2024年3月1日 来源:昆明日报\n2024年，昆明市签约项目15个，协议资金96.35亿元，同比增长12.5%。"
PAGE = f"<html><head><title>昆明签约</title></head><body><article><p>{SAMPLE}</p></article></body></html>"


def warm_up() -> int:
    """Run a small article and a small page through parse, extract and validate; the figures found."""
    documents = [make_document("warmup.txt", SAMPLE.encode("utf-8"), "text/plain"),
                 make_document("warmup.html", PAGE.encode("utf-8"), "text/html")]
    articles, _ = stages.parse_documents(documents)
    articles, figures, _ = stages.extract_articles(articles)
    stages.validate_batch(documents, articles, figures, "warmup", datetime.now())
    return sum(map(len, figures))


def dask_setup(worker=None) -> None:
    """Dask's preload hook, called as the worker starts."""
    warm_up()
