#!/usr/bin/env bash
# `make airflow`: Airflow standalone (api-server, scheduler, dag-processor, triggerer, LocalExecutor)
# with our DAGs, against the archive (the embedded PostgreSQL unless DATABASE_URL is set).
# Airflow's own metadata lives in a second database, "airflow", on the same server.
#
# UI: http://localhost:8080, user "admin". The password is generated on the first start and kept in
# $AIRFLOW_HOME/simple_auth_manager_passwords.json.generated (set FUTUREWATCH_AIRFLOW_PASSWORD
# before the first start to choose it yourself).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
VENV="${VENV:-$ROOT/.venv}"
export PATH="$VENV/bin:$PATH"

export AIRFLOW_HOME="${AIRFLOW_HOME:-$ROOT/airflow_home}"
export AIRFLOW__CORE__DAGS_FOLDER="$ROOT/dags"
export AIRFLOW__CORE__LOAD_EXAMPLES=False
export AIRFLOW__CORE__DEFAULT_TIMEZONE="${AIRFLOW__CORE__DEFAULT_TIMEZONE:-Asia/Shanghai}"
export AIRFLOW__API__PORT="${AIRFLOW__API__PORT:-8080}"
mkdir -p "$AIRFLOW_HOME"

# The archive: start (or join) the embedded server, migrate, and hand the URL to every task.
DATABASE_URL="$(futurewatch db url)"
export DATABASE_URL
futurewatch db migrate

# Airflow's metadata: database "airflow" next to the archive (created once), via psycopg 3.
AIRFLOW__DATABASE__SQL_ALCHEMY_CONN="$(python - <<'PY'
import os
import psycopg
from futurewatch.db import with_database

url = os.environ["DATABASE_URL"]
with psycopg.connect(url, autocommit=True) as conn:
    if not conn.execute("SELECT 1 FROM pg_database WHERE datname = 'airflow'").fetchone():
        conn.execute('CREATE DATABASE "airflow"')
print(with_database(url, "airflow").replace("postgresql://", "postgresql+psycopg://", 1))
PY
)"
export AIRFLOW__DATABASE__SQL_ALCHEMY_CONN
# Airflow would derive an asyncpg URL; psycopg 3 (already installed) speaks async too.
export AIRFLOW__DATABASE__SQL_ALCHEMY_CONN_ASYNC="${AIRFLOW__DATABASE__SQL_ALCHEMY_CONN/postgresql+psycopg:/postgresql+psycopg_async:}"

PASSWORDS="$AIRFLOW_HOME/simple_auth_manager_passwords.json.generated"
if [ -n "${FUTUREWATCH_AIRFLOW_PASSWORD:-}" ] && [ ! -s "$PASSWORDS" ]; then
  python -c 'import json, os, sys; json.dump({"admin": os.environ["FUTUREWATCH_AIRFLOW_PASSWORD"]}, open(sys.argv[1], "w"))' "$PASSWORDS"
fi

echo "futurewatch: DAGs from $AIRFLOW__CORE__DAGS_FOLDER, AIRFLOW_HOME=$AIRFLOW_HOME"
echo "futurewatch: log in at http://localhost:$AIRFLOW__API__PORT as admin; password in $PASSWORDS"
exec airflow standalone
