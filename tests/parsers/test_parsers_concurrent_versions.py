"""Two processes versioning the same document at once number their versions one after the other."""

import threading

from futurewatch.core.db import connect
from parsers.document import Document
from parsers.store import insert_version, upsert_document


def page(text: str) -> Document:
    return Document(url="http://www.c114.com.cn/news/1/a1.html", source_id="c114", parser="c114.V1",
                    stable_id="a1", title="标题", text=text, lang="zh-Hans")


def test_concurrent_new_versions_are_numbered_in_turn(db_url):
    with connect(db_url) as conn:
        conn.execute("INSERT INTO sources (source_id, name, kind) VALUES ('c114', 'C114', 'news')")
        row, _ = upsert_document(conn, page("第一版"), [page("").url])
        document_id = row["document_id"]
        insert_version(conn, page("第一版"), document_id, None)

    results = {}
    first = connect(db_url)
    insert_version(first, page("第二版"), document_id, None)  # holds its transaction open

    def second():
        with connect(db_url) as conn:
            results["second"] = insert_version(conn, page("第三版"), document_id, None)

    worker = threading.Thread(target=second)
    worker.start()
    worker.join(timeout=1.0)
    assert worker.is_alive(), "the second writer must wait for the first one's transaction"
    first.commit()
    first.close()
    worker.join(timeout=30)
    assert results["second"][1] is True
    with connect(db_url) as conn:
        numbers = [r["version_no"] for r in conn.execute(
            "SELECT version_no FROM document_versions WHERE document_id = %s ORDER BY version_no", (document_id,))]
    assert numbers == [1, 2, 3]
