"""A module-wide database holding a few thousand synthetic documents (built once per module)."""

from __future__ import annotations

import uuid

import psycopg
from psycopg import sql
import pytest

from futurewatch.core.db import with_database
from tests.conftest import TEMPLATE
from tests.search.corpus import build_corpus, copy_docs

CORPUS_SIZE = 3000


@pytest.fixture(scope="module")
def corpus_db(pg_admin_url, template_url):
    """(url, docs): a migrated database with CORPUS_SIZE documents, shared by one test module."""
    name = f"fw_search_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(pg_admin_url, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(sql.Identifier(name), sql.Identifier(TEMPLATE)))
    url = with_database(pg_admin_url, name)
    docs = build_corpus(CORPUS_SIZE, seed=11, target_chars=400)
    with psycopg.connect(url) as conn:
        copy_docs(conn, docs)
        conn.commit()
        # merged as the batch writers merge it: the planner prices a GIN pending list page by page
        conn.execute("SELECT gin_clean_pending_list('document_versions_search_keys_idx')")
        conn.execute("ANALYZE document_versions")
        conn.commit()
    yield url, docs
    with psycopg.connect(pg_admin_url, autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
