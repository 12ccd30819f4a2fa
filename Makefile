# futurewatch: the two set-up commands are `make run` and `make test`.
VENV    ?= .venv
PY      := $(VENV)/bin/python
FW      := $(VENV)/bin/futurewatch
# --no-compile: .pyc files are written on first import instead of for every installed module
PIP     := $(PY) -m pip install -q --disable-pip-version-check --no-compile -c constraints.txt
STAMP   := $(VENV)/.installed
# test workers (pytest-xdist): auto = one per core; TEST_WORKERS=0 runs the suite in one process
TEST_WORKERS ?= auto

.PHONY: run demo test airflow airflow-celery bench install clean-home

# the classifier's modules that the install compiles with mypyc (classify/native.py, setup.py):
# an edit to one of them installs (compiles) again
NATIVE_SOURCES = setup.py classify/native.py $(shell python3 -c "import runpy; print(' '.join(n.replace('.', '/') + '.py' for n in runpy.run_path('classify/native.py')['COMPILED']))")

$(STAMP): pyproject.toml constraints.txt $(NATIVE_SOURCES)
	test -x $(PY) || python3 -m venv $(VENV)
	$(PIP) -e '.[test,airflow,deploy,train]'
	touch $@

install: $(STAMP)

## one cycle of the main job against the live sources, on the embedded database by default
run: $(STAMP)
	$(FW) run

## the same cycle against the bundled offline mirror (no internet needed)
demo: $(STAMP)
	$(FW) run --offline

## the whole test suite, one worker per core, each test file on one worker ("no tests collected", exit 5, counts as success)
test: $(STAMP)
	FUTUREWATCH_EXPECT_COMPILED=$(if $(filter-out 0,$(FUTUREWATCH_PURE_PYTHON)),0,1) $(PY) -m pytest -n $(TEST_WORKERS) --dist loadfile; rc=$$?; if [ $$rc -eq 5 ]; then echo "no tests collected"; rc=0; fi; exit $$rc

## airflow standalone with our DAGs, UI on http://localhost:8080 (the next free port when taken)
airflow: $(STAMP)
	bash scripts/airflow_standalone.sh

## every benchmark, side by side; results go to bench/out/ and are copied into docs/performance.md by hand
bench: $(STAMP)
	$(PY) -m bench

## airflow on the CeleryExecutor with two local Celery workers, PostgreSQL and Redis (as compose runs it)
airflow-celery: $(STAMP)
	bash scripts/airflow_celery.sh
