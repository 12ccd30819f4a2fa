"""Search snippets: the hit is marked on the text as published, wherever NFKC shortens or lengthens
the text around it or inside it, and a snippet never cuts a letter from its accent."""

from __future__ import annotations

import random
import unicodedata

import pytest

from futurewatch.core.textnorm import fold_with_offsets, normalize_for_match
from search.query import parse_query
from search.snippet import SNIPPET_CHARS, build_snippet

# each changes length under NFKC (or composes): e + ◌́ → é, ℃ → °C, ㎡ → m2, … → ..., ｶ + ﾞ → ガ, ﬁ → fi
FOLDS = ["Cafe\u0301", "25℃", "100㎡", "……", "ｶﾞ", "ﬁ", "「量子」", "Ａ", "，"]


@pytest.mark.parametrize("before, after", [("Cafe\u0301报道：", "在-196℃下"), ("面积100㎡，", "Cafe\u0301")])
def test_hit_is_marked_where_nfkc_shortens_before_and_lengthens_after_it(before, after):
    """The whole text's matching form kept its length (é −1, ℃ or ㎡ +1 … −1), so the old shortcut
    took it as aligned: the mark was one character off (：量子计)."""
    snippet = build_snippet(before + "量子计算机" + after, parse_query("量子计算"))
    assert snippet.hit == "量子计算"


@pytest.mark.parametrize("query, text, hit", [
    ("25℃", "样品在零下25℃保存", "25℃"),
    ("100m2", "每100㎡一台", "100㎡"),
    ("café", "巴黎Cafe\u0301量子", "Cafe\u0301"),
    ("量子 OR 量子计算", "发展量子计算产业", "量子计算"),  # the longest term at the earliest place
])
def test_hit_covers_the_term_as_published(query, text, hit):
    assert build_snippet(text, parse_query(query)).hit == hit


def test_snippet_never_cuts_a_letter_from_its_accent():
    text = "量" * (SNIPPET_CHARS - 1) + "e\u0301" + "尾" * 20  # the cut would fall between e and its accent
    shown = build_snippet(text, parse_query("海洋")).text  # no hit: the text's start
    assert shown.endswith("…") and text.startswith(shown[:-1]) and not unicodedata.combining(text[len(shown) - 1])
    hit = build_snippet("x" + "e\u0301" * 14 + "量子计算" + "尾" * 60, parse_query("量子计算"))  # would start on an accent
    assert hit.hit == "量子计算" and not unicodedata.combining(hit.text[1])


def test_fold_with_offsets_is_the_matching_form_and_maps_every_match_to_whole_clusters():
    rng = random.Random(7)
    for _ in range(1000):
        text = "".join(rng.choice(FOLDS + ["量子", "计算", " ", "e", "\u0301"]) for _ in range(rng.randint(0, 8)))
        form = fold_with_offsets(text)
        assert form.text == normalize_for_match(text)
        for start in range(len(form.text)):
            for end in range(start + 1, min(start + 4, len(form.text)) + 1):
                s, e = form.source_span(start, end)
                assert 0 <= s < e <= len(text)
                assert form.text[start:end] in normalize_for_match(text[s:e])  # the span holds what matched


def test_the_rewritten_fold_keeps_the_matching_form_and_whole_clusters_on_astral_and_jamo_text():
    """The fold is vectorised: check it on emoji (ZWJ, skin tones, flags), Hangul jamo that compose,
    half-width kana with sound marks, mathematical letters and marks at the text's start."""
    pool = FOLDS + ["e", "\u0301", "\u0308", "가", "\u1100", "\u1161", "\u11a8", "😀", "👍🏽", "👨\u200d👩\u200d👧",
                    "\ufe0f", "🇨🇳", "𝐀", "ﾞ", "\u3099", "ǅ", "Ω", "ß", "國際", "\u3000"]
    rng = random.Random(11)
    for _ in range(3000):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(0, 10)))
        form = fold_with_offsets(text)
        assert form.text == normalize_for_match(text) and len(form.starts) == len(form.ends) == len(form.text)
        for start in range(len(form.text)):
            for end in range(start + 1, min(start + 4, len(form.text)) + 1):
                s, e = form.source_span(start, end)
                assert 0 <= s < e <= len(text) and form.text[start:end] in normalize_for_match(text[s:e])


@pytest.mark.parametrize("unit", ["あいうえおかきくけこ。", "한국어 기사입니다. ", "好😀👍🏽，"])
def test_folding_a_long_text_equals_normalising_it(unit):
    """500 000 characters of kana, Hangul or emoji (folded with numpy, not a callback per character:
    the cost is in docs/performance.md): the form is normalize_for_match's, one span per character."""
    text = unit * (500_000 // len(unit))
    form = fold_with_offsets(text)
    assert form.text == normalize_for_match(text) and len(form.starts) == len(form.ends) == len(form.text)
    assert all(s < e for s, e in zip(form.starts[::997], form.ends[::997]))


@pytest.mark.parametrize("emoji", ["👨\u200d👩\u200d👧", "👍🏽", "🇨🇳", "🏴\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f"])
def test_snippet_never_cuts_an_emoji_sequence_or_a_flag(emoji):
    """cluster_start kept only marks with their letter: a cut fell inside a ZWJ family (a man and a
    dangling joiner), after 👍 without its skin tone, or between a flag's two letters (a lone 🇨)."""
    for before in range(SNIPPET_CHARS - len(emoji), SNIPPET_CHARS):
        text = "文" * before + emoji + "尾" * 60
        shown = build_snippet(text, parse_query("无此词")).text
        assert shown.endswith("…") and (emoji in shown or shown == "文" * before + "…"), (before, shown)
