"""docker-compose.yml defines every service the deployment needs and validates with docker-compose."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
COMPOSE = ROOT / "docker-compose.yml"
ENV_EXAMPLE = ROOT / ".env.example"
SERVICES = {"postgres", "redis", "mailpit", "airflow-init", "airflow-apiserver", "airflow-scheduler",
            "airflow-dag-processor", "airflow-triggerer", "airflow-worker"}
AIRFLOW_COMMANDS = {"airflow-apiserver": "api-server", "airflow-scheduler": "scheduler",
                    "airflow-dag-processor": "dag-processor", "airflow-triggerer": "triggerer",
                    "airflow-worker": "celery worker"}


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))


def test_every_expected_service_is_defined(compose):
    assert SERVICES <= set(compose["services"])
    for name, command in AIRFLOW_COMMANDS.items():
        assert " ".join(compose["services"][name]["command"]) == f"airflow {command}"


def test_airflow_uses_celery_redis_and_postgres_16(compose):
    env = compose["services"]["airflow-worker"]["environment"]
    assert env["AIRFLOW__CORE__EXECUTOR"] == "CeleryExecutor"
    assert env["AIRFLOW__CELERY__BROKER_URL"].startswith("redis://")
    assert "@postgres:5432/" in env["AIRFLOW__DATABASE__SQL_ALCHEMY_CONN"]
    assert "@postgres:5432/" in env["DATABASE_URL"]
    assert env["AIRFLOW__CORE__DAGS_FOLDER"] == "/app/dags"
    assert compose["services"]["postgres"]["image"].startswith("postgres:16")
    assert "mailpit" in compose["services"]["mailpit"]["image"]
    assert env["SMTP_HOST"].endswith("mailpit}")


def test_compose_airflow_settings_match_the_local_scripts(compose):
    """psycopg2 for the metadata DB and Celery results (psycopg 3 breaks the asset graph), tasks
    calling the api-server's execution API, Shanghai as default zone: as scripts/airflow_env.sh."""
    env = compose["services"]["airflow-worker"]["environment"]
    assert env["AIRFLOW__DATABASE__SQL_ALCHEMY_CONN"].startswith("postgresql+psycopg2://")
    assert env["AIRFLOW__CELERY__RESULT_BACKEND"].startswith("db+postgresql+psycopg2://")
    assert env["AIRFLOW__CORE__EXECUTION_API_SERVER_URL"] == "http://airflow-apiserver:8080/execution/"
    assert env["AIRFLOW__CORE__DEFAULT_TIMEZONE"] == "Asia/Shanghai"
    script = (ROOT / "scripts" / "airflow_env.sh").read_text(encoding="utf-8")
    assert "postgresql+psycopg2" in (ROOT / "futurewatch" / "app" / "airflow_local.py").read_text(encoding="utf-8")
    assert "EXECUTION_API_SERVER_URL" in script and "Asia/Shanghai" in script


def test_env_example_lists_every_variable_compose_reads():
    used = set(re.findall(r"(?<!\$)\$\{([A-Z0-9_]+)", COMPOSE.read_text(encoding="utf-8")))
    listed = {line.split("=", 1)[0] for line in ENV_EXAMPLE.read_text(encoding="utf-8").splitlines()
              if line and not line.startswith("#") and "=" in line}
    assert used - listed == set()
    for setting in ("FUTUREWATCH_HOME", "DATABASE_URL", "SMTP_HOST", "SMTP_PORT", "SMTP_USER",
                    "SMTP_PASSWORD", "SMTP_SECURITY", "SMTP_FROM"):
        assert setting in listed


SECRETS = ("POSTGRES_PASSWORD", "REDIS_PASSWORD", "AIRFLOW_ADMIN_PASSWORD", "AIRFLOW__CORE__FERNET_KEY",
           "AIRFLOW__API__SECRET_KEY", "AIRFLOW__API_AUTH__JWT_SECRET")


def compose_config(env_file, secrets: dict[str, str]) -> subprocess.CompletedProcess:
    binary = shutil.which("docker-compose")
    if binary is None:
        pytest.skip("docker-compose not installed (CI: apt-get install -y docker-compose)")
    args = [binary, "--project-directory", str(ROOT), "-f", str(COMPOSE)]
    if env_file:
        args += ["--env-file", str(env_file)]
    env = {k: v for k, v in os.environ.items() if k not in SECRETS} | secrets
    return subprocess.run([*args, "config", "-q"], capture_output=True, text=True, timeout=120, cwd=ROOT, env=env)


@pytest.mark.parametrize("env_file", [None, ENV_EXAMPLE], ids=["defaults", "env-example"])
def test_docker_compose_config_validates(env_file):
    out = compose_config(env_file, {name: f"test-{name.lower()}" for name in SECRETS})
    assert out.returncode == 0, out.stderr


@pytest.mark.parametrize("missing", SECRETS)
def test_compose_refuses_to_start_without_each_secret(missing):
    out = compose_config(ENV_EXAMPLE, {name: "x" for name in SECRETS if name != missing})
    assert out.returncode != 0 and missing in out.stderr, out.stderr


def test_postgres_is_published_on_loopback_only(compose):
    assert all(str(port).startswith("127.0.0.1:") for port in compose["services"]["postgres"].get("ports", []))
