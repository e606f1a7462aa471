"""Synthetic inputs the benchmarks and the tests share, so both measure the same thing."""

from __future__ import annotations

import random


def paragraph_of_figures(size_bytes: int, seed: int = 7) -> str:
    """One paragraph, no line break, of distinct figures (a statistical table flattened into prose), at least
    size_bytes of UTF-8: the worst case of one sentence holding every figure of an article."""
    rng = random.Random(seed)
    parts, size = ["2024年，昆明市"], 0
    while size < size_bytes:
        part = (f"第{rng.randint(1, 99999)}批签约项目{rng.randint(1, 999)}个，协议资金{rng.randint(1, 99999) / 100}亿元，"
                f"同比增长{rng.randint(1, 999) / 10}%，")
        parts.append(part)
        size += len(part.encode("utf-8"))
    return "".join(parts) + "。"
