"""Digest snippets: marks on the terms as published, whatever NFKC does around or inside them; whole
terms and whole letters at the window's edges; ASCII terms only where the rules' matcher finds them."""

from __future__ import annotations

import unicodedata

import pytest

from alerts.snippets import WIDTH, build_snippet, snippet_text


def marked(text: str, terms: list[str], **kw) -> list[str]:
    return [t for t, hit in build_snippet(text, terms, **kw) if hit]


@pytest.mark.parametrize("text, term, shown", [
    ("樣品冷卻至25℃，量子比特穩定。", "25℃", "25℃"),
    ("樣品冷卻至25℃，量子比特穩定。", "25°C", "25℃"),
    ("每100㎡部署一台量子計算機", "100㎡", "100㎡"),
    ("據Nestle\u0301報道，Café量子計算", "Nestlé", "Nestle\u0301"),  # decomposed in the text, composed in the rule
    ("巴黎Cafe\u0301量子", "café", "Cafe\u0301"),
])
def test_a_term_whose_characters_change_length_under_nfkc_is_marked(text, term, shown):
    """Such a character used to stand for itself in the matching form, so the term (folded: 25°c,
    100m2, nestlé) was never found and the snippet had no mark."""
    assert marked(text, [term, "量子"])[0] == shown


def test_marks_stay_on_the_terms_between_a_shortening_and_a_lengthening():
    segments = build_snippet("Cafe\u0301「廣東」省推動量子科技，面積100㎡……", ["广东", "量子"])
    assert snippet_text(segments) == "Cafe\u0301「【廣東】」省推動【量子】科技，面積100㎡……"


def test_a_term_the_window_would_cut_is_shown_whole():
    text = "量子" + "文" * (WIDTH - 3) + "量子计算" + "尾" * 10  # the window's end falls inside the second term
    segments = build_snippet(text, ["量子计算", "量子"])
    assert [t for t, hit in segments if hit] == ["量子", "量子计算"] and segments[-1] == ["…", False]


def test_the_window_never_cuts_a_letter_from_its_accent():
    text = "文" * 10 + "e\u0301" * 30 + "。量子" + "尾" * 200  # the window would start on an accent
    segments = build_snippet(text, ["量子"])
    assert segments[0] == ["…", False] and not unicodedata.combining(segments[1][0][0])
    assert len("".join(t for t, _ in segments[1:-1])) <= WIDTH + 1


def test_an_ascii_term_is_marked_only_at_a_word_boundary():
    """As the rules' matcher: AI matched in 「AI芯片」, so the snippet starts there, not inside MAIN."""
    text = "MAINTAIN the plan. " + "文" * 60 + "發展AI芯片"
    segments = build_snippet(text, ["AI"])
    assert marked(text, ["AI"]) == ["AI"] and segments[0] == ["…", False]
    assert snippet_text(segments).endswith("發展【AI】芯片")


def test_a_term_is_marked_across_a_space_next_to_a_chinese_character():
    """The rules' matcher drops such a space (AI 芯片; a PDF line break inside 细胞与基\\n因), so the rule
    matched while the snippet found no term: no mark, and the text's start instead of the term."""
    text = "文" * 80 + "推进AI 芯片和细胞与基\n因治疗，A I芯片不算。"
    segments = build_snippet(text, ["ai芯片", "细胞与基因"])
    assert [t for t, hit in segments if hit] == ["AI 芯片", "细胞与基 因"] and segments[0] == ["…", False]


def test_a_long_article_with_a_frequent_term_marks_the_longest_term():
    """20 000 mentions, overlapping terms: the longest wins at each place. (Each match was checked
    against every kept span before, quadratic: ~20 s here; the cost is in docs/performance.md.)"""
    text = "推进5G网络建设，" * 20_000
    segments = build_snippet(text, ["5G", "网络", "5G网络"])
    assert [t for t, hit in segments if hit][:2] == ["5G网络", "5G网络"]


def test_matches_inside_one_cluster_give_one_mark():
    """"." matches three times in the folded "…" (NFKC: "..."): one span of the text, marked once."""
    assert snippet_text(build_snippet("甲…乙", ["."])) == "甲【…】乙"


@pytest.mark.parametrize("emoji", ["👨\u200d👩\u200d👧", "👍🏽", "🇨🇳"])
def test_the_window_never_cuts_an_emoji_sequence_or_a_flag(emoji):
    for before in range(WIDTH - 1 - len(emoji), WIDTH - 2):  # the window (from 量子) ends inside the emoji
        segments = build_snippet("量子" + "文" * before + emoji + "尾" * 60, ["量子"])
        shown = "".join(t for t, _ in segments)
        assert emoji in shown or not any(ch in shown for ch in emoji), (before, shown)
