"""The fast path of search_text (futurewatch/core/searchtext.py: one BMP table for texts of inert
characters) gives exactly what the general path and SQL's fw_normalize() give, and leaves every
text it cannot be sure of to the general path."""

from __future__ import annotations

import random
import sys
import unicodedata

import numpy as np
import psycopg
import pytest

from futurewatch.core import searchtext
from futurewatch.core.searchtext import NOT_INERT, SearchTextFolder, keys_binary, search_keys, signature_binary
from tests.search.corpus import build_doc

ASSIGNED_BMP = [chr(cp) for cp in range(searchtext.BMP) if unicodedata.category(chr(cp)) not in ("Cn", "Cs")]


@pytest.fixture(scope="module")
def fold_map(pg_admin_url, template_url):
    with psycopg.connect(template_url) as conn:
        return conn.execute("SELECT fw_fold_map()").fetchone()[0]


def general(folder: SearchTextFolder, text: str) -> str:
    """NFKC then the fold, the way the general path computes them."""
    return unicodedata.normalize("NFKC", text).translate(folder.table)


def fast(folder: SearchTextFolder, text: str) -> str | None:
    result = folder.fold_inert(text)
    return result.astype("<u4").tobytes().decode("utf-32-le") if isinstance(result, np.ndarray) else result


def test_no_character_beyond_the_scanned_planes_decomposes():
    start = searchtext.DECOMPOSING_PLANES * searchtext.BMP
    assert not [cp for cp in range(start, sys.maxunicode + 1) if unicodedata.decomposition(chr(cp))]


def test_fast_path_equals_general_path_on_random_texts(fold_map):
    folder, rng = SearchTextFolder(fold_map), random.Random(23)
    inert = [ch for ch in ASSIGNED_BMP if folder.inert[ord(ch)] != NOT_INERT]
    taken = 0
    for n in range(40_000):
        text = "".join(rng.choice(inert if n % 2 else ASSIGNED_BMP) for _ in range(rng.randint(1, 12)))
        ours = fast(folder, text)
        if ours is not None:
            taken += 1
            assert ours == general(folder, text), text
    assert taken > 20_000  # every inert-only text, and some of the others


def test_fast_path_equals_sql(db_url):
    rng = random.Random(29)
    with psycopg.connect(db_url) as conn:
        folder = SearchTextFolder.from_database(conn)
        inert = [ch for ch in ASSIGNED_BMP if folder.inert[ord(ch)] != NOT_INERT]
        texts = ["".join(rng.choice(inert) for _ in range(rng.randint(1, 80))) for _ in range(300)]
        texts += ["，。！？「」…ＡＢＣ①㈠㍿ﬁ臺灣", "量子…計算……"]
        texts += [d.title + "\n" + d.text for d in (build_doc(i, rng, 900) for i in range(30))]
        for text in texts:
            assert fast(folder, text) is not None, text
            assert folder.normalize(text) == conn.execute("SELECT fw_normalize(%s)", [text]).fetchone()[0], text


@pytest.mark.parametrize("text", ["e\u0301", "\u1100\u1161", "가\u11a8", "한국어", "a\U00020000", "\U0001F600",
                                  "量子\u0378", "ｶﾞ", "\u0b47\u0b3e"])
def test_texts_that_compose_or_leave_the_bmp_take_the_general_path(fold_map, text):
    folder = SearchTextFolder(fold_map)
    assert folder.fold_inert(text) is None
    title, body = text, "正文"
    search_text, keys, signature = folder.search_columns(title, body)
    assert search_text == folder.search_text(title, body)
    assert keys == keys_binary(search_text)
    assert signature == (None if search_text is None else signature_binary(search_keys(search_text)))


def test_search_columns_of_an_inert_text_are_the_general_ones(fold_map):
    folder, rng = SearchTextFolder(fold_map), random.Random(31)
    for doc in (build_doc(i, rng, 1200, mixed=True) for i in range(40)):
        expected = general(folder, doc.title.replace("\n", " ") + "\n" + doc.text)
        assert folder.search_columns(doc.title, doc.text) == (expected, keys_binary(expected),
                                                              signature_binary(search_keys(expected)))
