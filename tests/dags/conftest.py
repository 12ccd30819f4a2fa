"""Airflow for the DAG tests: a private AIRFLOW_HOME with a migrated sqlite metadata DB, per session.

Airflow reads its configuration when first imported, so tests/conftest.py sets the environment
at session start, before any test imports it. Skipped when the airflow extra is not installed.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import DAGS_FOLDER, airflow_env  # noqa: F401  (re-exported for the DAG tests)
from tests.dags.live_airflow import LiveAirflow


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """A failing live-Airflow test (a refused connection included) shows the instance's console tail."""
    report = (yield).get_result()
    if report.failed:
        for value in getattr(item, "funcargs", {}).values():
            if isinstance(value, LiveAirflow):
                report.sections.append(("live Airflow console (tail)", value.console()))


@pytest.fixture(scope="session")
def airflow_home():
    """The session's private AIRFLOW_HOME (set in tests/conftest.py) with a migrated metadata DB."""
    if importlib.util.find_spec("airflow") is None:
        pytest.skip("apache-airflow is not installed (pip install -e '.[airflow]')")
    home = Path(os.environ["AIRFLOW_HOME"])
    airflow_bin = Path(sys.executable).with_name("airflow")
    subprocess.run([str(airflow_bin), "db", "migrate"], env=os.environ.copy(), check=True,
                   capture_output=True, timeout=240)
    return home


@pytest.fixture(scope="session")
def dag_bag(airflow_home):
    from airflow.dag_processing.dagbag import DagBag

    return DagBag(dag_folder=str(DAGS_FOLDER))


@pytest.fixture
def no_retries(monkeypatch):
    """Make a DAG's tasks fail at once (dag.test() would otherwise wait out the retry backoff).

    The DAGs belong to the session's DagBag, so their retries are put back after the test.
    Crawls retry inside their task: one attempt only.
    """
    monkeypatch.setenv("FUTUREWATCH_CRAWL_ATTEMPTS", "1")
    saved = []

    def strip(dag):
        for t in dag.tasks:
            saved.append((t, t.retries))
            t.retries = 0
        return dag

    yield strip
    for t, retries in saved:
        t.retries = retries


def task_states(dag_run) -> dict[tuple[str, int], str]:
    """{(task_id, map_index): state} of one run."""
    from airflow.utils.session import create_session

    with create_session() as session:
        return {(ti.task_id, ti.map_index): str(ti.state) for ti in dag_run.get_task_instances(session=session)}


def mapped_states(dag_run, task_id: str) -> dict[str, str]:
    """{rendered map label (e.g. source_id): state} of one mapped task in one run."""
    from airflow.utils.session import create_session

    with create_session() as session:
        return {ti.rendered_map_index: str(ti.state) for ti in dag_run.get_task_instances(session=session)
                if ti.task_id == task_id}
