"""The report's `--where` filters: years, provinces and categories, parsed once into a typed Filters.

    --where year=2023            --where year=2021-2024        --where year=2022,2024
    --where province=云南,广西    --where category=investment,trade

Values of one key are alternatives (or); different keys must all hold (and). A province is matched by
its beginning, so 云南 means 云南省 and 广西 广西壮族自治区.
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from flows.rules.vocab import CATEGORIES

KEYS = {"year": "years", "years": "years", "province": "provinces", "provinces": "provinces",
        "category": "categories", "categories": "categories"}
EARLIEST_YEAR, LATEST_YEAR = 1949, 2100  # a wider span is a typo (2024-20245), not a question


class FilterError(ValueError):
    """A --where the report cannot apply; the message says what it accepts."""


@dataclass(frozen=True, slots=True)
class Filters:
    """What the facts-based sections keep; empty tuples keep everything."""

    years: tuple[int, ...] = ()
    provinces: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()

    def describe(self) -> str:
        """One line for the page: `years 2023, 2024; provinces 云南` or `all figures`."""
        parts = [f"{name} {', '.join(map(str, values))}" for name, values in
                 (("years", self.years), ("provinces", self.provinces), ("categories", self.categories)) if values]
        return "; ".join(parts) or "all figures"

    def frames(self) -> dict[str, pl.DataFrame]:
        """The filters as one-column tables (filter_years ...), for SQL to join: no value is ever pasted into SQL."""
        return {"filter_years": pl.DataFrame({"year": list(self.years)}, schema={"year": pl.Int32}),
                "filter_provinces": pl.DataFrame({"province": list(self.provinces)}, schema={"province": pl.String}),
                "filter_categories": pl.DataFrame({"category": list(self.categories)}, schema={"category": pl.String})}


def parse_where(clauses: list[str] | None) -> Filters:
    """Filters from `key=value[,value...]` clauses; a repeated key adds values. Raises FilterError."""
    found: dict[str, list] = {"years": [], "provinces": [], "categories": []}
    for clause in clauses or []:
        key, sep, values = clause.partition("=")
        field = KEYS.get(key.strip().lower())
        if not sep or field is None or not values.strip():
            raise FilterError(f"cannot read --where {clause!r}: use year=2023, year=2021-2024, "
                              f"province=云南,广西 or category=investment,trade")
        for value in (v.strip() for v in values.split(",") if v.strip()):
            found[field] += _years(value) if field == "years" else [_category(value) if field == "categories" else value]
    return Filters(*(tuple(dict.fromkeys(found[name])) for name in ("years", "provinces", "categories")))


def _years(value: str) -> list[int]:
    """`2023` -> [2023]; `2021-2024` -> [2021, 2022, 2023, 2024]."""
    first, _, last = value.partition("-")
    try:
        span = (int(first), int(last or first))
    except ValueError:
        raise FilterError(f"not a year or a span of years: {value!r} (e.g. 2023 or 2021-2024)") from None
    if not EARLIEST_YEAR <= span[0] <= span[1] <= LATEST_YEAR:
        raise FilterError(f"years must run forwards between {EARLIEST_YEAR} and {LATEST_YEAR}: {value!r}")
    return list(range(span[0], span[1] + 1))


def _category(value: str) -> str:
    if value not in CATEGORIES:
        raise FilterError(f"unknown category {value!r}: one of {', '.join(CATEGORIES)}")
    return value
