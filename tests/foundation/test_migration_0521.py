"""0521 on an archive with policies in it: the stored rows keep their 有效性, the view reads the ones
whose 施行日期 is to come as not_yet_in_force, the CHECK takes the new code (and still refuses others),
and the 4-argument policy_validity is gone, so a query still calling it fails instead of ignoring
effective_on."""

from __future__ import annotations

import psycopg
import pytest

from futurewatch.core import migrate
from tests.search.test_search_keys import database_before
from tests.sqlviews.seed import POLICY, build_seed, insert_seed

MIGRATION = "0521_add_policy_not_yet_in_force"
VIEW = "SELECT document_id, validity FROM v_policy_documents ORDER BY document_id"


@pytest.fixture
def archive_before_0521(pg_admin_url):
    for url in database_before(pg_admin_url, MIGRATION[:4]):
        with psycopg.connect(url) as conn:
            insert_seed(conn, build_seed(conn))
        yield url


def test_upgrade_reads_policies_effective_later_as_not_yet_in_force(archive_before_0521):
    url = archive_before_0521
    with psycopg.connect(url) as conn:
        assert conn.execute(VIEW).fetchall() == [(d, "in_force") for d in sorted(POLICY)]
        stored = conn.execute("SELECT version_id, validity, effective_on FROM policy_metadata ORDER BY 1").fetchall()
    assert MIGRATION in migrate.apply_migrations(url)
    with psycopg.connect(url) as conn:
        assert conn.execute("SELECT version_id, validity, effective_on FROM policy_metadata ORDER BY 1").fetchall() == stored
        assert conn.execute(VIEW).fetchall() == [
            (d, "not_yet_in_force" if days > 0 else "in_force") for d, (_, _, _, days) in sorted(POLICY.items())]
        conn.execute("UPDATE policy_metadata SET validity = 'not_yet_in_force' WHERE version_id = 1")
        with pytest.raises(psycopg.errors.CheckViolation):
            conn.execute("UPDATE policy_metadata SET validity = 'pending' WHERE version_id = 1")
    with psycopg.connect(url) as conn, pytest.raises(psycopg.errors.UndefinedFunction):
        conn.execute("SELECT policy_validity(1::bigint, 'in_force', NULL::date, current_date)")
