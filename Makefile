# `make run` serves the demo site on 127.0.0.1:8000 (nginx, gunicorn, Daphne and the task worker,
# config/deploy/Procfile.dev); `make test` runs the whole suite.
# Both create .venv and install what they need on a fresh machine.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
HOST ?= 127.0.0.1
PORT ?= 8000
# Behind nginx on PORT: gunicorn and Daphne on loopback.
WEB_PORT ?= 8001
WS_PORT ?= 8101
# pytest-xdist workers: both cores by default.
WORKERS ?= 2

.PHONY: run test screenshots lint format messages system-deps browser-deps serve bench bench-forum bench-fanout bench-moderation bench-cms bench-search bench-load bench-faults bench-production bench-worker bench-translation bench-cross-language bench-peers bench-members bench-lists bench-preview bench-digests bench-audit bench-check wrk clean

$(VENV)/.installed-run: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -qq --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed-run tests/requirements.txt
	$(PY) -m pip install -qq --disable-pip-version-check -r tests/requirements.txt
	touch $@

# GNU gettext compiles and extracts the translation catalogs; nginx fronts `make run` and the
# tests of the production shape; Apertium translates posts offline.
system-deps:
	@command -v msgfmt >/dev/null || { apt-get update -qq && apt-get install -y -qq gettext >/dev/null; }
	@command -v nginx >/dev/null || test -x /usr/sbin/nginx || { apt-get update -qq && apt-get install -y -qq nginx-light >/dev/null 2>&1 || apt-get install -y -qq nginx >/dev/null; }
	@# Apertium and its language pairs: offline machine translation (forum/machine_translation).
	@dpkg -s apertium apertium-eng-spa apertium-es-pt apertium-fr-es >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq apertium apertium-eng-spa apertium-es-pt apertium-fr-es >/dev/null; }

messages: system-deps $(VENV)/.installed-run
	$(PY) manage.py compilemessages --ignore=$(VENV) -v0

run: messages
	$(PY) manage.py migrate --noinput -v0
	$(PY) manage.py collectstatic --noinput -v0
	$(PY) manage.py seed_demo
	@echo "Serving on http://$(HOST):$(PORT)/ (Ctrl-C stops)"
	PATH="$(CURDIR)/$(BIN):$$PATH" HOST=$(HOST) RUN_PORT=$(PORT) WEB_PORT=$(WEB_PORT) \
		WS_PORT=$(WS_PORT) WEB_CONCURRENCY=2 TRUST_PROXY_HEADERS=on \
		$(BIN)/honcho -f config/deploy/Procfile.dev -d . start

# The browser tests drive Debian's Chromium (Playwright cannot download its own here) and
# inject axe-core from the npm registry.
browser-deps: tests/browser/node_modules/.installed
	@command -v chromium >/dev/null || { apt-get update -qq && apt-get install -y -qq chromium >/dev/null; }
	@# The Nu HTML Checker (vnu.jar, tests/browser/test_html_validity.py) runs on Java.
	@command -v java >/dev/null || { apt-get update -qq && apt-get install -y -qq default-jre-headless >/dev/null; }

tests/browser/node_modules/.installed: tests/browser/package-lock.json
	@command -v npm >/dev/null || { apt-get update -qq && apt-get install -y -qq npm >/dev/null; }
	npm ci --prefix tests/browser --no-audit --no-fund --silent
	touch $@

# --dist loadgroup: the browser tests (one xdist group) share one site on one worker.
test: messages system-deps browser-deps $(VENV)/.installed-test
	$(BIN)/pytest tests -n $(WORKERS) --dist loadgroup -q

# PNGs of the main pages at desktop and phone sizes in docs/screenshots/ (the README shows a few),
# from a freshly seeded site. A CJK font, or the language switcher's 简体中文 is drawn as boxes.
screenshots: messages browser-deps $(VENV)/.installed-test
	@fc-list :lang=zh | grep -q . || { apt-get update -qq && apt-get install -y -qq fonts-wqy-microhei >/dev/null; }
	$(PY) tests/browser/screenshots.py

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy --config-file config/mypy.ini forum cms config

format: $(VENV)/.installed-test
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

wrk:
	@command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }

bench: messages wrk $(VENV)/.installed-test
	$(PY) bench/home.py

bench-forum: messages wrk $(VENV)/.installed-test
	$(PY) bench/forum.py

# Needs Redis (REDIS_URL, default redis://127.0.0.1:6379/2).
bench-fanout: messages $(VENV)/.installed-test
	$(PY) bench/fanout.py

bench-moderation: messages wrk $(VENV)/.installed-test
	$(PY) bench/moderation.py

bench-cms: messages wrk $(VENV)/.installed-test
	$(PY) bench/cms.py

# Needs PostgreSQL on 127.0.0.1 (its own database, created here once).
bench-search: $(VENV)/.installed-test
	psql -h 127.0.0.1 -U postgres -tc "SELECT 1 FROM pg_database WHERE datname = 'forum_search_bench'" | grep -q 1 \
		|| psql -h 127.0.0.1 -U postgres -c "CREATE DATABASE forum_search_bench"
	DATABASE_URL=postgres://postgres@127.0.0.1:5432/forum_search_bench timeout 1200 $(PY) bench/search.py

# Both start a PostgreSQL cluster and a Redis server of their own (PostgreSQL's binaries and
# redis-server from Debian's packages), so stopping them mid-run touches nothing else.
bench-load: messages wrk $(VENV)/.installed-test
	timeout 900 $(PY) bench/load.py $(LOAD_ARGS)  # production shape on SQLite; LOAD_ARGS=--postgres, --two-daphne

bench-faults: messages wrk $(VENV)/.installed-test
	timeout 900 $(PY) bench/faults.py

# The production shape (nginx, gunicorn, Daphne) against one Daphne, and the task worker.
bench-production: messages system-deps wrk $(VENV)/.installed-test
	timeout 900 $(PY) bench/production.py

bench-worker: messages $(VENV)/.installed-test
	timeout 600 $(PY) bench/worker.py

# Issue 21: side by side with django-machina 1.3.1 (set up in /tmp/peer-machina by
# ../shared/bench/peers/machina.sh), same data set, gunicorn and wrk. PEERS_ARGS=--nginx adds the
# production shape; PEERS_DB=postgres uses PostgreSQL (ours: DATABASE_URL).
bench-peers: messages system-deps wrk $(VENV)/.installed-test
	timeout 1800 $(PY) bench/peers.py $(PEERS_ARGS)

# Issue 21: a member's pages in-process, with their queries; MEMBERS_ARGS=--profile for cProfile.
bench-members: messages $(VENV)/.installed-test
	timeout 600 $(PY) bench/member_pages.py $(MEMBERS_ARGS)

# Issue 22: the forum index, Latest, New and Unread served (gunicorn, wrk), beside the thread page.
bench-lists: messages wrk $(VENV)/.installed-test
	timeout 900 $(PY) bench/member_lists.py $(LISTS_ARGS)

# Issue 23: a 5,000-character post's preview round-trip, in-process.
bench-preview: messages $(VENV)/.installed-test
	timeout 300 $(PY) bench/preview.py $(PREVIEW_ARGS)

# Issue 24: appending a chained audit row, checking the whole chain, exporting it.
bench-audit: messages $(VENV)/.installed-test
	timeout 300 $(PY) bench/audit.py $(AUDIT_ARGS)

# Issue 24: the confidential-data check's cost per post, and 100 KB built to be slow.
bench-check: messages $(VENV)/.installed-test
	timeout 300 $(PY) bench/confidential.py $(CHECK_ARGS)

# Issue 22: the digest run for 10,000 members: time and queries per member.
bench-digests: messages $(VENV)/.installed-test
	timeout 600 $(PY) bench/digests.py

# Issue 20: each engine's and route's speed and quality; posting → translation shown live;
# recall@10 across languages and search latency (DATABASE_URL for PostgreSQL).
bench-translation: messages system-deps $(VENV)/.installed-test
	timeout 600 $(PY) bench/translation.py
	timeout 600 $(PY) bench/translation_live.py

bench-cross-language: messages $(VENV)/.installed-test
	timeout 900 $(PY) bench/cross_language.py

clean:
	rm -rf $(VENV) staticfiles db.sqlite3 .run
