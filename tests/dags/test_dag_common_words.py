"""update_common_words under dag.test(): skipped on a small archive; on a larger one it lists the
archive's common word, and a search excluding it is then answered by the index."""

from __future__ import annotations

import psycopg

from tests.dags.conftest import task_states
from tests.search.test_common_keys_command import INCLUDED, WORD, load_archive


def prepared(url: str) -> dict:
    with psycopg.connect(url) as conn:
        return conn.execute("SELECT fw_prepare_query(fw_parse_query(%s))", [f'"{INCLUDED}" -"{WORD}"']).fetchone()[0]


def test_skipped_while_small_then_lists_the_archive_word(dag_bag, fw_env, no_retries):
    dag = no_retries(dag_bag.get_dag("update_common_words"))
    load_archive(fw_env.db_url, 30, holding=1.0)
    run = dag.test()
    assert task_states(run) == {("add_words", -1): "skipped"} and "absent" not in prepared(fw_env.db_url)

    load_archive(fw_env.db_url, 240, holding=0.9, first_id=1000)
    run = dag.test()
    assert str(run.state) == "success" and task_states(run) == {("add_words", -1): "success"}
    assert "absent" in prepared(fw_env.db_url)
