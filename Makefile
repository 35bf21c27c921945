# parindex — the two commands: `make run` and `make test`. Everything else is a helper.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8000
# Re-install only when the requirement files change: a second `make run` starts in seconds.
STAMP  := $(VENV)/.installed-$(shell cat requirements.txt requirements-dev.txt | cksum | cut -d' ' -f1)
PG_URL ?= postgres://postgres@127.0.0.1:5432/postgres

.PHONY: run test install lint format test-sqlite test-postgres bench messages demo clean

$(STAMP): requirements.txt requirements-dev.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	@rm -f $(VENV)/.installed-*
	@touch $@

install: $(STAMP)

run: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo --url http://127.0.0.1:$(PORT)/
	$(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

test: install lint test-sqlite test-postgres

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test-sqlite: install
	@echo "== test suite on SQLite =="
	DATABASE_URL=sqlite:///$(CURDIR)/.test.sqlite3 $(BIN)/pytest -q -p no:cacheprovider

test-postgres: install
	@if bash .ci/ensure-postgres "$(PG_URL)"; then \
	  echo "== test suite on PostgreSQL =="; \
	  DATABASE_URL=$(PG_URL) $(BIN)/pytest -q -p no:cacheprovider --create-db; \
	else \
	  echo "!!!!!!!! PostgreSQL could not be reached or started: PostgreSQL pass SKIPPED !!!!!!!!"; \
	fi

bench: install
	$(BIN)/python -m bench

messages: install
	$(BIN)/python manage.py makemessages -l vi -l en --no-obsolete --no-location \
	  -i '.venv/*' -i 'bench/*' -i '*/tests/*' -i conftest.py
	$(BIN)/python manage.py compilemessages -i .venv

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) db.sqlite3* .test.sqlite3* staticfiles
