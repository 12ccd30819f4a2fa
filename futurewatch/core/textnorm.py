"""Text normalisation shared by parsers, classification, alerts and search.

The original text is always stored as published; these functions make the *shadow* forms
used for matching: NFKC (full-width ASCII → ASCII) and Traditional → Simplified via OpenCC
(the C++ library's wheel, ≈40 MB/s here).
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import opencc


@lru_cache(maxsize=1)
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def nfkc(text: str) -> str:
    """Full-width letters, digits and punctuation folded to their ASCII forms."""
    return unicodedata.normalize("NFKC", text)


def to_simplified(text: str) -> str:
    """Traditional characters and phrases converted to Simplified (Simplified text is unchanged)."""
    return _t2s().convert(text) if text else text


def normalize_for_match(text: str) -> str:
    """The form used for matching: NFKC, Simplified, lower case.

    NFKC can change lengths (e.g. ligatures), so offsets for evidence must be mapped back to
    the original text by the caller where they matter."""
    return to_simplified(nfkc(text)).lower()


def detect_lang(text: str) -> str:
    """'zh-Hant' when converting to Simplified changes a noticeable share of the Han characters."""
    han = [ch for ch in text[:4000] if "\u4e00" <= ch <= "\u9fff"]
    if not han:
        return "und"
    sample = "".join(han)
    changed = sum(1 for a, b in zip(sample, to_simplified(sample)) if a != b)
    return "zh-Hant" if changed / len(sample) > 0.05 else "zh-Hans"
