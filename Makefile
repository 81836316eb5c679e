# Orienta: `make run` starts the assistant, `make test` runs every test. Both set up the
# Python 3.10 virtualenv first (Rasa 3.6 supports 3.8-3.10 only).
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

VENV ?= $(or $(ORIENTA_VENV),.venv)
PY := $(VENV)/bin/python
STAMP := $(VENV)/.orienta-lock.sha256
# npm ci empties node_modules/, so the stamp goes with it and a half install is redone.
NODE_STAMP := node_modules/.orienta-package-lock.sha256
# The installer itself is pinned too, so a clean machine resolves the lock the same way.
BOOTSTRAP := pip==24.3.1 setuptools==70.3.0 wheel==0.45.1

# Rasa and TensorFlow are chatty; keep the output to what a person needs.
export TF_CPP_MIN_LOG_LEVEL ?= 2
export RASA_TELEMETRY_ENABLED ?= false
export SQLALCHEMY_SILENCE_UBER_WARNING ?= 1
export PYTHONDONTWRITEBYTECODE ?= 1

# The first Python 3.10 that actually runs: a pyenv shim on PATH can exist and still fail
# ("python3.10: command not found"), so each candidate is executed, not just looked up.
# Recursive (=) so it is computed only when a venv has to be created.
FIND_PYTHON310 = for candidate in "$${PYTHON310:-}" python3.10 \
	  $$(pyenv root 2>/dev/null)/versions/3.10*/bin/python3.10 \
	  /usr/local/bin/python3.10 /usr/bin/python3.10; do \
	  [ -n "$$candidate" ] || continue; \
	  if "$$candidate" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 10))' >/dev/null 2>&1; then \
	    echo "$$candidate"; break; fi; \
	done

.PHONY: help venv run chat train test clean bench
help:
	@echo "make run   - set up, train if needed, start the assistant (REST, widget demo page) until Ctrl-C"
	@echo "make test  - set up, then run every test (unit, Rasa data/stories, end-to-end chats, browser)"
	@echo "make chat  - chat in the terminal (starts the assistant unless it is already running)"
	@echo "make train - train the model if config.yml, domain.yml or data/ changed"
	@echo "make cluster - two Rasa + two action servers behind nginx, on PostgreSQL and Redis"
	@echo "make clean - remove trained models, logs, conversations and test artifacts"
	@echo "make bench - NLU cross-validation and reply latency vs a stock rasa init assistant (~20 min)"

# Installs requirements.lock into the venv, again only when the lock's content changes.
venv:
	@if [ ! -x "$(PY)" ]; then \
	  python310="$$($(FIND_PYTHON310))"; \
	  if [ -z "$$python310" ]; then \
	    echo "Python 3.10 not found. Install it (e.g. 'pyenv install 3.10' or your package manager)," >&2; \
	    echo "or point PYTHON310=/path/to/python3.10 at one, then run make again." >&2; \
	    exit 1; \
	  fi; \
	  echo "Creating $(VENV) with $$python310"; \
	  "$$python310" -m venv "$(VENV)"; \
	fi
	@wanted="$$(sha256sum requirements.lock | cut -d' ' -f1)"; \
	if [ "$$(cat "$(STAMP)" 2>/dev/null)" != "$$wanted" ]; then \
	  echo "Installing requirements.lock into $(VENV) (a few minutes the first time)"; \
	  "$(PY)" -m pip install --quiet --disable-pip-version-check $(BOOTSTRAP); \
	  "$(PY)" -m pip install --quiet --disable-pip-version-check -r requirements.lock; \
	  "$(PY)" -m pip check; \
	  echo "$$wanted" > "$(STAMP)"; \
	fi

# The website widget's npm packages (socket.io-client), again only when package-lock.json changes.
.PHONY: widget-deps browser nginx cluster
widget-deps:
	@command -v npm >/dev/null || { echo "npm not found: install Node.js 18 or later with npm" >&2; exit 1; }
	@wanted="$$(sha256sum package-lock.json | cut -d' ' -f1)"; \
	if [ "$$(cat "$(NODE_STAMP)" 2>/dev/null)" != "$$wanted" ]; then \
	  echo "Installing the widget's npm packages (package-lock.json)"; \
	  npm ci --no-audit --no-fund --ignore-scripts --loglevel=error; \
	  echo "$$wanted" > "$(NODE_STAMP)"; \
	fi

# Debian's nginx for the several-servers set-up (make cluster, tests/cluster).
nginx:
	@if [ ! -x /usr/sbin/nginx ]; then \
	  if [ "$$(id -u)" != 0 ]; then \
	    echo "The several-servers set-up needs Debian's nginx: sudo apt-get install nginx-light" >&2; exit 1; \
	  fi; \
	  echo "Installing Debian's nginx for the several-servers set-up"; \
	  apt-get update -qq; \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light >/dev/null; \
	fi

# Debian's chromium for the browser tests (tests/browser): never a browser downloaded by a test tool.
browser:
	@if [ ! -x /usr/bin/chromium ]; then \
	  if [ "$$(id -u)" != 0 ]; then \
	    echo "The browser tests need Debian's chromium: sudo apt-get install chromium" >&2; exit 1; \
	  fi; \
	  echo "Installing Debian's chromium for the browser tests"; \
	  apt-get update -qq; \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	fi

run: venv widget-deps
	"$(PY)" -m bot.runtime run

chat: venv
	"$(PY)" -m bot.runtime chat

train: venv
	"$(PY)" -m bot.runtime train

# Two Rasa and two action servers behind nginx, on this machine's PostgreSQL and Redis (README).
cluster: venv nginx
	"$(PY)" -m bot.runtime cluster

test: venv widget-deps browser nginx
	"$(PY)" -m pytest tests $(PYTEST_ARGS)

# A measurement, not a test (never in CI): prints NLU F1 and latency p50/p95; see README "Benchmark".
bench: venv
	"$(PY)" -m bot.benchmark $(BENCH_ARGS)

# Generated files only: the enquiry database (var/orienta.db) stays.
clean:
	rm -rf models/orienta-*.tar.gz var/logs/ var/tracker.db test-artifacts/ .rasa/
