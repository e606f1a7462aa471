# newsfacts: `make run` loads the bundled sample articles; `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DB ?= data/newsfacts.duckdb
EXAMPLE_QUERY := select place, metric, value, unit, year from facts where unit = 'CNY' order by value desc limit 10

.PHONY: run test bench clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@

$(VENV)/.installed-bench: $(VENV)/.installed
	$(BIN)/pip install --quiet -e ".[bench]"
	touch $@

run: $(VENV)/.installed
	$(BIN)/newsfacts run samples/articles --db $(DB)
	@echo
	@echo "Example query: newsfacts sql \"$(EXAMPLE_QUERY)\""
	$(BIN)/newsfacts sql "$(EXAMPLE_QUERY)" --db $(DB)
	@echo
	@echo "Report of the sample articles: $(abspath $(basename $(DB)).html) (open it in a browser; newsfacts report --help for filters)"

test: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/pytest

bench: $(VENV)/.installed-bench
	$(BIN)/python bench/flow_throughput.py
	$(BIN)/python bench/extract_speed.py
	$(BIN)/python bench/report_speed.py
	$(BIN)/python bench/fetch_throughput.py

clean:
	rm -rf $(VENV) data .prefect
