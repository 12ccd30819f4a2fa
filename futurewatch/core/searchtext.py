"""search_text computed in Python, equal to SQL's fw_search_text(title, text) (migration 0170), and
its index keys, equal to SQL's fw_search_keys(search_text) (migration 0220).

The fold map (Traditional → Simplified, upper → lower case) is read from the database itself
(`fw_fold_map()`), so Python and SQL always fold with the same table. NFKC comes from Python's
unicodedata: under Unicode's normalization stability policy the NFKC form of an assigned
character never changes between Unicode versions, so for text whose characters are all assigned
in Python's Unicode version the result equals PostgreSQL's `normalize(x, NFKC)`. For any other
text `search_text()` returns None and the database computes the value (the trigger of 0170).
"""

from __future__ import annotations

import struct
import unicodedata

import numpy as np
from psycopg.rows import tuple_row

INT4_OID = 23


class SearchTextFolder:
    """`search_text(title, text)` for one database's fold map."""

    def __init__(self, fold_map: dict[str, str]):
        self.table = str.maketrans(fold_map)
        self.known: set[str] = set()  # characters already checked as assigned

    @classmethod
    def from_database(cls, conn) -> "SearchTextFolder":
        with conn.cursor(row_factory=tuple_row) as cur:  # whatever the connection's row factory
            return cls(cur.execute("SELECT fw_fold_map()").fetchone()[0])

    def assigned(self, text: str) -> bool:
        if text.replace("\n", "").isprintable():  # the common case, in C: no character is unassigned (Cn)
            return True
        fresh = set(text) - self.known
        if any(unicodedata.category(ch) == "Cn" for ch in fresh):
            return False
        self.known |= fresh
        return True

    def normalize(self, text: str) -> str | None:
        """fw_normalize(text), or None when only the database can be sure of the answer."""
        if not self.assigned(text):
            return None
        return unicodedata.normalize("NFKC", text).translate(self.table)

    def search_text(self, title: str, text: str) -> str | None:
        return self.normalize(title.replace("\n", " ") + "\n" + text)

    def search_columns(self, title: str, text: str) -> tuple[str | None, bytes | None]:
        """(search_text, its keys in binary form) of a version, for the batch writers' COPY."""
        search_text = self.search_text(title, text)
        return search_text, keys_binary(search_text)


def search_keys(search_text: str) -> np.ndarray:
    """The search index's keys of a search_text, equal to SQL's fw_search_keys() (migration 0220).

    One key per pair of adjacent UTF-16 code units, packed into 32 bits (first unit << 16 | second)
    and read as a signed int4; sorted, without duplicates. A character outside the BMP is two
    units (a surrogate pair), so it adds its own key and touches its neighbours with its halves:
    every text containing a term holds all of the term's keys, which is what the index needs.
    """
    units = np.frombuffer(search_text.encode("utf-16-be"), dtype=">u2").astype(np.uint32)
    keys = np.sort(((units[:-1] << 16) | units[1:]).view(np.int32))
    return keys[np.concatenate(([True], keys[1:] != keys[:-1]))] if len(keys) else keys


def keys_binary(search_text: str | None) -> bytes | None:
    """search_keys(search_text) in int4[]'s binary form, for a binary COPY (None: the database
    computes them): no number is formatted as text on either side."""
    if search_text is None:
        return None
    keys = search_keys(search_text)
    if not len(keys):
        return struct.pack(">iiI", 0, 0, INT4_OID)
    items = np.empty((len(keys), 2), dtype=">i4")
    items[:, 0], items[:, 1] = 4, keys  # each element: its length (4 bytes), its value
    return struct.pack(">iiIii", 1, 0, INT4_OID, len(keys), 1) + items.tobytes()
