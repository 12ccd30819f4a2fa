#!/usr/bin/env bash
# `make airflow-celery`: Airflow on the CeleryExecutor, as docker-compose runs it, on this machine:
# api-server, scheduler, dag-processor, triggerer and FUTUREWATCH_CELERY_WORKERS (default 2) Celery
# workers, against PostgreSQL (DATABASE_URL or the embedded server; metadata in database "airflow")
# and Redis (the one answering on 127.0.0.1:6379, else Debian's redis-server on a free port).
# Settings: scripts/airflow_env.sh. Service logs: $AIRFLOW_HOME/services/*.log. Ctrl-C stops all.
set -euo pipefail
. "$(dirname "$0")/airflow_env.sh"

WORKERS="${FUTUREWATCH_CELERY_WORKERS:-2}"
SERVICES="$AIRFLOW_HOME/services"
mkdir -p "$SERVICES"
pids=()
stop_all() {
  trap - EXIT INT TERM
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop_all EXIT INT TERM
start() {  # start NAME CMD…: one service in the background, its output in $SERVICES/NAME.log
  local name="$1"; shift
  "$@" >"$SERVICES/$name.log" 2>&1 &
  pids+=($!)
  echo "futurewatch: $name (pid $!) → $SERVICES/$name.log"
}

BROKER="${AIRFLOW__CELERY__BROKER_URL:-$("$PY" -m futurewatch.app.airflow_local redis-url)}"
if [ -z "$BROKER" ]; then
  command -v redis-server >/dev/null || { echo "redis-server not found: apt-get install redis-server" >&2; exit 1; }
  REDIS_PORT="$("$PY" -m futurewatch.app.airflow_local port 6380)"
  start redis redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no
  BROKER="redis://127.0.0.1:$REDIS_PORT/0"
fi
export AIRFLOW__CORE__EXECUTOR=CeleryExecutor
export AIRFLOW__CELERY__BROKER_URL="$BROKER"
export AIRFLOW__CELERY__RESULT_BACKEND="db+${AIRFLOW__DATABASE__SQL_ALCHEMY_CONN}"
export AIRFLOW__CELERY__WORKER_CONCURRENCY="${AIRFLOW__CELERY__WORKER_CONCURRENCY:-2}"
export AIRFLOW__CORE__HOSTNAME_CALLABLE=futurewatch.app.airflow_local.hostname

airflow db migrate >"$SERVICES/db-migrate.log" 2>&1
start api-server airflow api-server --port "$AIRFLOW__API__PORT"
start scheduler airflow scheduler
start dag-processor airflow dag-processor
start triggerer airflow triggerer
# Each worker serves its logs on its own port, none of the ports this instance already promised.
promised=("$AIRFLOW__API__PORT" "$AIRFLOW__LOGGING__WORKER_LOG_SERVER_PORT" "$AIRFLOW__LOGGING__TRIGGER_LOG_SERVER_PORT")
for i in $(seq 1 "$WORKERS"); do
  log_port="$("$PY" -m futurewatch.app.airflow_local port $((AIRFLOW__LOGGING__WORKER_LOG_SERVER_PORT + i)) "${promised[@]}")"
  promised+=("$log_port")
  FUTUREWATCH_WORKER_NAME="worker$i" AIRFLOW__LOGGING__WORKER_LOG_SERVER_PORT="$log_port" \
    start "worker$i" airflow celery worker --celery-hostname "worker$i@%h" --concurrency "$AIRFLOW__CELERY__WORKER_CONCURRENCY"
done
echo "futurewatch: CeleryExecutor, broker $BROKER, $WORKERS worker(s)"
echo "futurewatch: log in at http://localhost:$AIRFLOW__API__PORT as admin; password in $PASSWORDS"
wait -n "${pids[@]}"
echo "futurewatch: a service stopped; stopping the others (see $SERVICES/)" >&2
exit 1
