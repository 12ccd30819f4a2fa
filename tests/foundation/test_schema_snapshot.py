import difflib
import os

import pytest

from futurewatch.core.schema import SNAPSHOT, dump_schema


@pytest.mark.skipif(bool(os.environ.get("FUTUREWATCH_TEST_DATABASE_URL")),
                    reason="the snapshot is taken on the embedded PostgreSQL 16")
def test_migrations_build_the_committed_schema(template_url):
    built = dump_schema(template_url)
    expected = SNAPSHOT.read_text(encoding="utf-8")
    diff = "".join(difflib.unified_diff(expected.splitlines(True), built.splitlines(True),
                                        "sql/schema.sql", "migrated", n=1))
    assert not diff, (
        "the migrations no longer build sql/schema.sql; review and refresh it with "
        "`python -m futurewatch.core.schema --write`\n" + diff[:4000]
    )
