#!/usr/bin/env bash
# Any `airflow …` command against the local Airflow that `make airflow` or `make airflow-celery`
# runs (same AIRFLOW_HOME, metadata DB, archive), e.g. the runbook's
#   scripts/airflow_cli.sh backfill create --dag-id crawl_sources --from-date 2026-03-09 --to-date 2026-03-10
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
ENV_FILE="${AIRFLOW_HOME:-$ROOT/airflow_home}/futurewatch-airflow.env"
[ -s "$ENV_FILE" ] || { echo "no $ENV_FILE: start Airflow first (make airflow)" >&2; exit 1; }
. "$ENV_FILE"
exec airflow "$@"
