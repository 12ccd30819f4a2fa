"""search_text computed in Python, equal to SQL's fw_search_text(title, text) (migration 0170).

The fold map (Traditional → Simplified, upper → lower case) is read from the database itself
(`fw_fold_map()`), so Python and SQL always fold with the same table. NFKC comes from Python's
unicodedata: under Unicode's normalization stability policy the NFKC form of an assigned
character never changes between Unicode versions, so for text whose characters are all assigned
in Python's Unicode version the result equals PostgreSQL's `normalize(x, NFKC)`. For any other
text `search_text()` returns None and the database computes the value (the trigger of 0170).
"""

from __future__ import annotations

import unicodedata

from psycopg.rows import tuple_row


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
