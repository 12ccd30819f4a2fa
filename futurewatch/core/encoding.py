"""Decode page bytes by what they are, not by what they claim: article pages (parsers) and listing
pages (crawlers) alike.

Chinese sites mislabel: GBK pages served as UTF-8 and UTF-8 pages still declaring gb2312.
Order: BOM → strict UTF-8 (GBK bytes almost never form valid UTF-8) → a declared Korean or
Japanese charset (EUC-KR, Shift_JIS …) if it decodes → the Chinese legacy charsets (the declared
one, GB labels widened to gb18030; gb18030; big5hkscs) and, with a few stray bytes at most, UTF-8
with replacement characters → charset-normalizer's guess → gb18030 with replacement characters
as the last resort. Big5 bytes are nearly always valid GBK and GB2312 bytes valid Big5, so a
legacy decode without error proves nothing: of the candidates, the one whose Han characters are
most often the commonest ones wins (mojibake is made of rare characters); on a tie (a title of a
few characters, none among the 100 commonest) the one with more GB2312 first-level characters,
then the first (lossless before lossy: a mostly-ASCII GBK page labelled UTF-8 keeps its few
Chinese characters). A winning legacy reading that is no Chinese at all (Shift_JIS, EUC-JP or
EUC-KR bytes read as gb18030) gives way to charset-normalizer's Korean or Japanese guess, when that
reads as Korean (Hangul) or Japanese (kana): a GBK list of names is as rare in common characters.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from itertools import islice

from charset_normalizer import from_bytes
from charset_normalizer.constant import FREQUENCIES

from futurewatch.core.textnorm import to_simplified

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
_WIDEN = {"gb2312": "gb18030", "gbk": "gb18030", "gb_2312-80": "gb18030", "x-gbk": "gb18030",
          "big5": "big5hkscs", "ascii": "utf-8", "us-ascii": "utf-8", "iso-8859-1": "utf-8"}
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))

_COMMON_HAN = frozenset(FREQUENCIES["Chinese"])  # the 100 commonest (simplified): ~40 % of any Chinese text
_KOREAN = frozenset({"euc_kr", "cp949", "johab", "iso2022_kr"})  # codecs' names
_JAPANESE = frozenset({"shift_jis", "cp932", "euc_jp", "iso2022_jp", "shift_jis_2004", "shift_jisx0213", "euc_jis_2004",
                       "euc_jisx0213"})
_KOREAN_JAPANESE = _KOREAN | _JAPANESE
# Korean text is nearly all Hangul, Japanese largely kana (shares of script + Han characters); GBK bytes
# read as either come out Han and Hangul mixed (cp949) or Han and half-width katakana (Shift_JIS).
_HANGUL, _HANGUL_SHARE = re.compile(r"[\uac00-\ud7a3]"), 0.8
_KANA, _KANA_SHARE = re.compile(r"[\u3041-\u30ff]"), 0.2
_SCORED_HAN = 4000  # Han characters looked at per candidate
_JUDGED_HAN, _MOJIBAKE_COMMON = 20, 0.05  # a text this long this rare in common characters is no Chinese
_HAN = re.compile(r"[\u4e00-\u9fff]")

# Tell-tale sequences of UTF-8 read as GBK/latin-1, or of lost bytes.
MOJIBAKE_MARKS = ("\ufffd", "锟斤拷", "Ã", "Â", "â€", "å¹", "è¯", "銆", "锛", "鐨", "鏂伴椈", "浜嗗")


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    declared: str | None


def content_charset(content_type: str | None) -> str | None:
    """The charset of a Content-Type header value (`text/html; charset=GBK` → gbk), or None."""
    if content_type and "charset=" in content_type.lower():
        return content_type.lower().split("charset=", 1)[1].split(";")[0].strip(" \"'") or None
    return None


def sniff_declared(body: bytes, header_charset: str | None = None) -> str | None:
    """The charset the page claims: the HTTP header first, else the first <meta charset>."""
    if header_charset:
        return header_charset.strip().lower()
    match = _META_CHARSET.search(body[:4096])
    return match.group(1).decode("ascii", "ignore").lower() if match else None


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    name = _WIDEN.get(name.lower(), name.lower())
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_html(body: bytes, header_charset: str | None = None) -> Decoded:
    """Decode `body`; never raises, never returns text with unrecoverable mojibake if any clean decode exists."""
    declared = sniff_declared(body, header_charset)
    for bom, enc in _BOMS:
        if body.startswith(bom):
            return Decoded(body.decode(enc, "replace"), enc, declared)
    try:
        return Decoded(body.decode("utf-8"), "utf-8", declared)
    except UnicodeDecodeError:
        loose = body.decode("utf-8", "replace")
    legacy = _codec(declared)
    if legacy in _KOREAN_JAPANESE and (trusted := _strict_decodes(body, (legacy,))):
        return Decoded(trusted[0][1], legacy, declared)  # few or no Han characters to score
    candidates = _strict_decodes(body, (legacy, "gb18030", "big5hkscs"))
    if loose.count("\ufffd") <= max(2, len(loose) // 2000):  # a few stray bytes in a UTF-8 page, or the few
        candidates.append(("utf-8", loose))                 # Han characters of a mostly-ASCII GBK page
    if candidates:
        enc, text = max(candidates, key=lambda c: han_scores(c[1]))  # max: the first of equals (lossless first)
        if enc == "utf-8" or not _reads_as_mojibake(text) or not (other := _korean_japanese(body)):
            return Decoded(text, enc, declared)
        return Decoded(other[1], other[0], declared)
    guess = from_bytes(body[:200_000]).best()
    if guess is not None and guess.encoding:
        return Decoded(body.decode(guess.encoding, "replace"), guess.encoding, declared)
    return Decoded(body.decode("gb18030", "replace"), "gb18030", declared)


def _reads_as_mojibake(text: str) -> bool:
    """Enough Han characters, hardly any among the 100 commonest: not Chinese (real pages: 12 % and up)."""
    return len(_HAN.findall(text, 0, 20_000)) >= _JUDGED_HAN and han_scores(text)[0] < _MOJIBAKE_COMMON


def _korean_japanese(body: bytes) -> tuple[str, str] | None:
    """(encoding, text) when charset-normalizer reads `body` as Korean or Japanese (Shift_JIS, EUC-KR …
    bytes decode as rare Han characters in gb18030: a page mislabelled gb2312, or not labelled)."""
    guess = from_bytes(body[:200_000]).best()
    enc = _codec(guess.encoding) if guess is not None else None
    decoded = _strict_decodes(body, (enc,)) if enc in _KOREAN_JAPANESE else []
    return decoded[0] if decoded and _in_own_script(*decoded[0]) else None


def _in_own_script(encoding: str, text: str) -> bool:
    """A Korean reading that is Hangul, a Japanese one with kana, among their Han characters (a GBK list of
    names, with no common character, reads in cp949 as Hangul and Han mixed: it is Chinese)."""
    script, share = (_HANGUL, _HANGUL_SHARE) if encoding in _KOREAN else (_KANA, _KANA_SHARE)
    own, han = len(script.findall(text, 0, 20_000)), len(_HAN.findall(text, 0, 20_000))
    return own > 0 and own >= share * (own + han)


def _strict_decodes(body: bytes, encodings) -> list[tuple[str, str]]:
    """(encoding, text) for each legacy encoding that decodes `body` without error, in order."""
    decoded = []
    for enc in dict.fromkeys(e for e in encodings if e and e != "utf-8"):
        try:
            decoded.append((enc, body.decode(enc)))
        except (UnicodeDecodeError, LookupError):
            continue
    return decoded


def han_scores(text: str) -> tuple[float, float]:
    """(share among the 100 commonest, share among GB2312's 3755 first-level characters) of the Han
    characters as Simplified: ~0.4 and ~0.95 for Chinese, near 0 for mojibake. The second decides a page of a few characters none of which is among the
    100 (a title: 臺灣, 深圳): real text is nearly all first-level, mojibake about half (the rest of it
    is kana, private-use or rare characters, which are not first-level)."""
    han = to_simplified("".join(m.group() for m in islice(_HAN.finditer(text), _SCORED_HAN)))
    if not han:
        return 0.0, 0.0
    return sum(ch in _COMMON_HAN for ch in han) / len(han), sum(map(_first_level, han)) / len(han)


def _first_level(ch: str) -> bool:
    """One of GB2312's first-level characters (rows 16-55, ordered by frequency of use)."""
    try:
        return 0xB0 <= ch.encode("gb2312")[0] <= 0xD7
    except UnicodeEncodeError:
        return False


def looks_binary(body: bytes) -> bool:
    """NUL bytes or a known binary signature in the first KiB: not a web page."""
    head = body[:1024]
    if head.startswith((b"%PDF", b"PK\x03\x04", b"\xd0\xcf\x11\xe0", b"\x89PNG", b"\xff\xd8\xff", b"GIF8")):
        return True
    return b"\x00" in head and not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))


def find_mojibake(text: str) -> str | None:
    """The first mojibake marker found in `text`, or None."""
    return next((m for m in MOJIBAKE_MARKS if m in text), None)
