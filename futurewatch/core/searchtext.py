"""search_text computed in Python, equal to SQL's fw_search_text(title, text) (migration 0170), and
its index keys, equal to SQL's fw_search_keys(search_text) (migration 0220), with the absence keys
of the common keys it lacks: a version's stored keys, equal to SQL's fw_document_keys (0400), and
their signature, equal to SQL's fw_key_signature (0410).

The fold map (Traditional → Simplified, upper → lower case) and the common keys are read from the
database itself (`fw_fold_map()`, `fw_common_keys()`), so Python and SQL always use the same ones.
NFKC comes from Python's unicodedata: under Unicode's normalization stability policy the NFKC
form of an assigned character never changes between Unicode versions, so for text whose
characters are all assigned in Python's Unicode version the result equals PostgreSQL's
`normalize(x, NFKC)`. For any other
text `search_text()` returns None and the database computes the value (the trigger of 0170).

Fast path: NFKC then the fold, one character at a time, through one table of the Basic
Multilingual Plane. That is exact for a text made of *inert* characters: assigned, whose NFKD form
is one character of combining class 0 that never ends a canonical composition (see
`inert_map`): such a text has nothing to reorder or compose, so its NFKC form is its characters'
NFKC forms side by side. Chinese text nearly always is; any other text takes Python's
`unicodedata.normalize` and `str.translate`.
"""

from __future__ import annotations

import copy
import struct
import unicodedata
from functools import lru_cache

import numpy as np
from psycopg.rows import tuple_row

INT4_OID = 23
BMP = 0x10000
HANGUL_SECOND = tuple(range(0x1161, 0x1176)) + tuple(range(0x11A8, 0x11C3))  # vowel and trailing jamo
DECOMPOSING_PLANES = 3  # no character beyond plane 2 has a decomposition (tests/search/test_search_text_fast.py)


@lru_cache(maxsize=1)
def composition_seconds() -> frozenset[str]:
    """Every character that can end a canonical composition (so may merge with what precedes it)."""
    seconds = {chr(cp) for cp in HANGUL_SECOND}
    for cp in range(DECOMPOSING_PLANES * BMP):
        parts = unicodedata.decomposition(chr(cp)).split()
        if len(parts) == 2 and not parts[0].startswith("<"):
            seconds.add(chr(int(parts[1], 16)))
    return frozenset(seconds)


EXPANDS, NOT_INERT = -1, -2  # inert_map: inert but folded to another length or plane; not inert


@lru_cache(maxsize=4)
def inert_map(fold: tuple[tuple[int, str], ...]) -> tuple[np.ndarray, dict[str, str]]:
    """For each BMP code point: its NFKC form folded, when the character is inert and both are one
    BMP character; EXPANDS when it is inert with another folded form (given in the dict, e.g.
    '…' → '...'); otherwise NOT_INERT (the text takes the general path)."""
    table, seconds = dict(fold), composition_seconds()
    out, expansions = np.full(BMP, NOT_INERT, dtype=np.int32), {}
    for cp in range(BMP):
        ch = chr(cp)
        if unicodedata.category(ch) in ("Cn", "Cs"):
            continue
        nfkd = unicodedata.normalize("NFKD", ch)
        if any(unicodedata.combining(c) or c in seconds for c in nfkd) or unicodedata.normalize("NFKC", ch) != nfkd:
            continue
        folded = nfkd.translate(table)
        if len(folded) == 1 and ord(folded) < BMP:
            out[cp] = ord(folded)
        else:
            out[cp], expansions[ch] = EXPANDS, folded
    # fold_inert expands by str.replace on the mapped text: no mapped or expanded character may be
    # one that expands, else it would be replaced too
    produced = set(text_of(np.unique(out[out >= 0]))).union(*expansions.values())
    for ch in produced & expansions.keys():
        out[ord(ch)] = NOT_INERT
        del expansions[ch]
    return out, expansions


class SearchTextFolder:
    """`search_text(title, text)` and its stored keys for one database's fold map and common keys."""

    def __init__(self, fold_map: dict[str, str], common_keys: list[int] | None = None):
        self.table = str.maketrans(fold_map)
        self.known: set[str] = set()  # characters already checked as assigned
        self.inert, self.expansions = inert_map(tuple(sorted(self.table.items())))
        self.common = CommonKeys(common_keys or [])

    @classmethod
    def from_database(cls, conn) -> "SearchTextFolder":
        with conn.cursor(row_factory=tuple_row) as cur:  # whatever the connection's row factory
            return cls(*cur.execute("SELECT fw_fold_map(), fw_common_keys()").fetchone())

    def current(self, conn) -> "SearchTextFolder":
        """This folder, or a copy with the database's common keys when the list has grown since it was
        read (`futurewatch db common-keys`, search/common_keys.py). Writers call it in the transaction
        that stores the keys, before computing them: the list only grows, so its length tells."""
        with conn.cursor(row_factory=tuple_row) as cur:
            keys = cur.execute("SELECT fw_common_keys()").fetchone()[0]
        if len(keys) == len(self.common.sorted):
            return self
        fresh = copy.copy(self)
        fresh.common = CommonKeys(keys)
        return fresh

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
        folded = self.fold_inert(text)
        if isinstance(folded, np.ndarray):
            return text_of(folded)
        return self.normalize_general(text) if folded is None else folded

    def normalize_general(self, text: str) -> str | None:
        """fw_normalize(text) by unicodedata, for a text the inert table does not cover."""
        if not self.assigned(text):
            return None
        return unicodedata.normalize("NFKC", text).translate(self.table)

    def search_text(self, title: str, text: str) -> str | None:
        return self.normalize(title.replace("\n", " ") + "\n" + text)

    def search_columns(self, title: str, text: str) -> tuple[str | None, bytes | None, bytes | None]:
        """(search_text, its keys, their signature) of a version, the last two in binary form, for the
        batch writers' COPY (None: the database computes them)."""
        joined = title.replace("\n", " ") + "\n" + text
        folded = self.fold_inert(joined)
        if isinstance(folded, np.ndarray):
            return text_of(folded), *keys_and_signature_binary(folded, self.common)
        search_text = self.normalize_general(joined) if folded is None else folded  # not folded twice
        if search_text is None:
            return None, None, None
        return search_text, *keys_and_signature_binary(utf16_units(search_text), self.common)

    def fold_inert(self, text: str) -> np.ndarray | str | None:
        """fw_normalize(text) when every character is inert: as BMP code points (= its UTF-16
        units), or as a string when a character expands; None for any other text."""
        points = np.frombuffer(text.encode("utf-32-le"), dtype="<u4")
        if not len(points) or points.max() >= BMP:
            return None
        folded = self.inert[points]
        if folded.min() >= 0:
            return folded.astype(np.uint32)
        if folded.min() < EXPANDS:
            return None
        expands = folded == EXPANDS
        kept = text_of(np.where(expands, points, folded))
        for ch in set(text_of(np.unique(points[expands]))):
            kept = kept.replace(ch, self.expansions[ch])
        return kept


def search_keys(search_text: str) -> np.ndarray:
    """The search index's keys of a search_text, equal to SQL's fw_search_keys() (migration 0220).

    One key per pair of adjacent UTF-16 code units, packed into 32 bits (first unit << 16 | second)
    and read as a signed int4; sorted, without duplicates. A character outside the BMP is two
    units (a surrogate pair), so it adds its own key and touches its neighbours with its halves:
    every text containing a term holds all of the term's keys, which is what the index needs.
    """
    return keys_of_units(utf16_units(search_text))


class CommonKeys:
    """fw_common_keys(): keys most articles hold. A version lacking the i-th (from 1) holds the
    absence key i, a key no text holds (its first UTF-16 unit would be U+0000)."""

    def __init__(self, keys: list[int]):
        keys = np.asarray(keys, dtype=np.int32)
        self.order = np.argsort(keys, kind="stable")
        self.sorted = keys[self.order]
        self.absence = (self.order + 1).astype(np.int32)  # the absence key of each sorted key

    def document_keys(self, keys: np.ndarray) -> np.ndarray:
        """A text's sorted distinct keys with the absence keys of the listed keys it lacks (sorted)."""
        if not len(keys):
            return np.sort(self.absence)
        held = keys.take(np.searchsorted(keys, self.sorted), mode="clip") == self.sorted
        lacked = self.absence[~held]
        lacked.sort()
        split = np.searchsorted(keys, 0)  # absence keys are the only keys in 1..65535
        return np.concatenate((keys[:split], lacked, keys[split:]))


NO_COMMON_KEYS = CommonKeys([])


def text_of(points: np.ndarray) -> str:
    """The string of an array of code points."""
    return points.astype("<u4").tobytes().decode("utf-32-le")


def utf16_units(text: str) -> np.ndarray:
    """A string's UTF-16 code units (uint32): the units the index keys pair up."""
    return np.frombuffer(text.encode("utf-16-be"), dtype=">u2").astype(np.uint32)


def keys_of_units(units: np.ndarray) -> np.ndarray:
    """The sorted distinct keys of UTF-16 code units (uint32)."""
    keys = np.sort(((units[:-1] << 16) | units[1:]).view(np.int32))
    return keys[np.concatenate(([True], keys[1:] != keys[:-1]))] if len(keys) else keys


def document_keys(search_text: str, common: CommonKeys) -> np.ndarray:
    """A version's stored keys: search_keys(search_text) and the absence keys of `common`, equal to
    SQL's fw_document_keys() when `common` is the database's fw_common_keys() (migration 0400)."""
    return common.document_keys(search_keys(search_text))


def keys_binary(search_text: str | None, common: CommonKeys = NO_COMMON_KEYS) -> bytes | None:
    """document_keys(search_text, common) in int4[]'s binary form, for a binary COPY (None: the
    database computes them): no number is formatted as text on either side."""
    if search_text is None:
        return None
    return keys_binary_of_units(utf16_units(search_text), common)


def keys_binary_of_units(units: np.ndarray, common: CommonKeys = NO_COMMON_KEYS) -> bytes:
    """The stored keys of UTF-16 code units in int4[]'s binary form."""
    return int4_array_binary(common.document_keys(keys_of_units(units)))


def keys_and_signature_binary(units: np.ndarray, common: CommonKeys = NO_COMMON_KEYS) -> tuple[bytes, bytes]:
    """The stored keys of UTF-16 code units and their signature, in int4[]'s and bit's binary forms."""
    keys = common.document_keys(keys_of_units(units))
    return int4_array_binary(keys), signature_binary(keys)


SIGNATURE_BITS = 4096  # search_sig is bit(4096): a position is the top 12 bits of a 32-bit hash
SIGNATURE_SHIFT = 33 - SIGNATURE_BITS.bit_length()  # 32 - log2(SIGNATURE_BITS)
SIGNATURE_MULTIPLIERS = (1540483477, 739982445)  # odd, below 2**31 (so SQL multiplies in int8)


def signature_positions(keys: np.ndarray) -> list[np.ndarray]:
    """The signature's bit positions of keys, equal to SQL's fw_signature_bits (0410): for each
    multiplier M, each key read as 32 bits unsigned, (key x M mod 2**32) >> 20."""
    unsigned = np.asarray(keys, dtype=np.int32).view(np.uint32).astype(np.int64)
    return [((unsigned * m) & 0xFFFFFFFF) >> SIGNATURE_SHIFT for m in SIGNATURE_MULTIPLIERS]


def signature_binary(keys: np.ndarray) -> bytes:
    """fw_key_signature(keys), the Bloom filter search_sig (0410), in bit's binary form: its length,
    then its bits from the first, eight to a byte, the first in the byte's highest bit."""
    bits = np.zeros(SIGNATURE_BITS, dtype=np.bool_)
    for positions in signature_positions(keys):
        bits[positions] = True
    return SIGNATURE_LENGTH + np.packbits(bits).tobytes()


SIGNATURE_LENGTH = struct.pack(">i", SIGNATURE_BITS)


def int4_array_binary(keys: np.ndarray) -> bytes:
    """A one-dimensional int4[] in its binary form."""
    if not len(keys):
        return struct.pack(">iiI", 0, 0, INT4_OID)
    items = np.empty((len(keys), 2), dtype=">i4")
    items[:, 0], items[:, 1] = 4, keys  # each element: its length (4 bytes), its value
    return struct.pack(">iiIii", 1, 0, INT4_OID, len(keys), 1) + items.tobytes()
