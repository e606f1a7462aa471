"""Controlled vocabularies shared by extraction, validation and the warehouse (ANNOTATION.md)."""

# Units of a figure's value; anything else is written "other:<unit as written>" (e.g. other:锭).
UNITS = ("CNY", "USD", "EUR", "HKD", "percent", "tonne", "person", "person_time", "count",
         "km", "m2", "m3", "mu", "kwh")
QUALIFIERS = ("exact", "approx", "over", "under")
CATEGORIES = ("investment", "projects", "enterprises", "trade", "logistics", "people",
              "public_finance", "public_service", "other")
PLACE_LEVELS = ("country", "province", "prefecture", "county", "zone")
SCRIPTS = ("simplified", "traditional", "mixed")
STAGES = ("discover", "acquire", "parse", "extract", "validate", "load")
