"""The largest value a figure of each unit can plausibly state, in base units; beyond it a figure is a
misreading (a 1,000-digit number is `inf` as a float), refused with a reason rather than loaded.

Each bound sits a few orders of magnitude above the largest real figure of its kind, so a true
figure never meets it: China's GDP is ~1.3e14 yuan, its land 9.6e12 m2, the world ~8e9 persons.
"""

from __future__ import annotations

import math

UPPER_BOUNDS = {
    "CNY": 1e16,  # 1亿亿元; the national budget is ~3e13
    "USD": 1e15, "EUR": 1e15, "HKD": 1e16,
    "percent": 1e6,  # 增长12000% happens (from a tiny base); a million percent does not
    "person": 1e10, "person_time": 1e12,
    "count": 1e12,
    "tonne": 1e13,  # world freight in a year is ~1e11 tonnes
    "km": 1e10, "m2": 1e13, "m3": 1e14, "mu": 1e11, "kwh": 1e15,
}
OTHER_BOUND = 1e16  # other:<unit> (新台币, 辆次, 万元/亩): the schema's own limit


def implausible(value: float, unit: str) -> str | None:
    """Why a figure's value cannot be true, or None: 1e999个 -> 'not a finite number'."""
    if not math.isfinite(value):
        return "not a finite number"
    bound = UPPER_BOUNDS.get(unit, OTHER_BOUND)
    if abs(value) > bound:
        return f"{value:.4g} {unit} is beyond the plausible {bound:.0e}"
    return None
