#!/usr/bin/env bash
# Runs once, on the first start of the compose PostgreSQL: a second database for Airflow's metadata.
# The archive database (POSTGRES_DB) is created by the image itself.
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
     -v airflow_db="${AIRFLOW_DB:-airflow}" <<'SQL'
SELECT format('CREATE DATABASE %I', :'airflow_db')
WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'airflow_db')\gexec
SQL
