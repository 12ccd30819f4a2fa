#!/usr/bin/env bash
# `make airflow`: Airflow standalone (api-server, scheduler, dag-processor, triggerer, LocalExecutor)
# with our DAGs, against the archive (the embedded PostgreSQL unless DATABASE_URL is set).
# Settings: scripts/airflow_env.sh (port 8080, or the next free one; metadata DB "airflow").
#
# Log in as "admin"; the password is generated on the first start and kept in
# $AIRFLOW_HOME/simple_auth_manager_passwords.json.generated (set FUTUREWATCH_AIRFLOW_PASSWORD
# before the first start to choose it yourself).
set -euo pipefail
. "$(dirname "$0")/airflow_env.sh"

echo "futurewatch: DAGs from $AIRFLOW__CORE__DAGS_FOLDER, AIRFLOW_HOME=$AIRFLOW_HOME"
echo "futurewatch: log in at http://localhost:$AIRFLOW__API__PORT as admin; password in $PASSWORDS"
exec airflow standalone
