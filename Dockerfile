# futurewatch + Airflow 3.3 in one image: every Airflow service and the CLI run from it.
#   docker compose build            (or: docker build -t futurewatch .)
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    AIRFLOW_HOME=/opt/airflow \
    FUTUREWATCH_HOME=/data/futurewatch

# libpq for psql/pg_dump in the runbook; tini reaps Scrapy subprocesses.
RUN apt-get update \
 && apt-get install -y --no-install-recommends postgresql-client tini ca-certificates \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --create-home --uid 50000 --gid 0 futurewatch \
 && mkdir -p /opt/airflow /data/futurewatch /app \
 && chown -R 50000:0 /opt/airflow /data/futurewatch /app

WORKDIR /app
# Dependencies first (cached while only code changes): the pinned set, the airflow extra,
# and the Celery executor (provider + Redis client) that compose's workers need.
COPY --chown=50000:0 pyproject.toml constraints.txt README.md ./
COPY --chown=50000:0 futurewatch/__init__.py futurewatch/__init__.py
RUN pip install -c constraints.txt -e '.[airflow,deploy]'

COPY --chown=50000:0 . .
# The install compiles the classifier's hot modules (mypyc, setup.py): a C compiler for this step only.
RUN apt-get update \
 && apt-get install -y --no-install-recommends gcc libc6-dev \
 && pip install -c constraints.txt --no-deps -e . \
 && apt-get purge -y --auto-remove gcc libc6-dev \
 && rm -rf /var/lib/apt/lists/*

USER 50000
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["futurewatch", "--help"]
