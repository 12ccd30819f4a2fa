"""A module-wide database holding a few thousand synthetic documents.

The corpus is loaded once per session (per xdist worker) into a template database; each test
module gets its own copy of it, so modules never see each other's rows.
"""

from __future__ import annotations

import uuid
from functools import lru_cache

import psycopg
from psycopg import sql
import pytest

from futurewatch.core.db import with_database
from tests.conftest import TEMPLATE
from tests.search.corpus import SampleDoc, build_corpus, copy_docs

CORPUS_SIZE = 3000
CORPUS_TEMPLATE = f"{TEMPLATE}_search_corpus"


@lru_cache(maxsize=1)
def corpus_docs() -> tuple[SampleDoc, ...]:
    return tuple(build_corpus(CORPUS_SIZE, seed=11, target_chars=400))


def create_database(admin_url: str, name: str, template: str) -> str:
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(sql.Identifier(name), sql.Identifier(template)))
    return with_database(admin_url, name)


def drop_database(admin_url: str, name: str) -> None:
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


@pytest.fixture(scope="session")
def corpus_template(pg_admin_url, template_url) -> str:
    """The migrated template plus the corpus, merged and analysed as the batch writers leave it."""
    drop_database(pg_admin_url, CORPUS_TEMPLATE)
    url = create_database(pg_admin_url, CORPUS_TEMPLATE, TEMPLATE)
    with psycopg.connect(url) as conn:
        copy_docs(conn, list(corpus_docs()))
        conn.commit()
        # merged as the batch writers merge it: the planner prices a GIN pending list page by page
        conn.execute("SELECT gin_clean_pending_list('document_versions_search_keys_idx')")
        conn.execute("ANALYZE document_versions")
        conn.commit()
    yield CORPUS_TEMPLATE
    drop_database(pg_admin_url, CORPUS_TEMPLATE)


@pytest.fixture(scope="module")
def corpus_db(pg_admin_url, corpus_template):
    """(url, docs): a migrated database with CORPUS_SIZE documents, shared by one test module."""
    name = f"fw_search_{uuid.uuid4().hex[:10]}"
    url = create_database(pg_admin_url, name, corpus_template)
    yield url, list(corpus_docs())
    drop_database(pg_admin_url, name)
