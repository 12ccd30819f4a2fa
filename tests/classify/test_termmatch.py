"""The one matching form and term matcher shared by classification and alert keyword rules."""

import random

import pytest

from alerts.terms import TermIndex, normalize_term as rule_term, normalize_text as rule_text
from classify.classifier import Classifier, Options
from classify.matcher import Matcher, build_entry
from futurewatch.core.taxonomy import read_taxonomy
from futurewatch.core.termmatch import fold, fold_table, match_form, match_forms, normalize_term


@pytest.mark.parametrize("variant,canonical", [
    ("量子計算", "量子计算"),            # Traditional → Simplified
    ("積體電路", "积体电路"),
    ("ＡＩ芯片", "ai芯片"),              # full width, case
    ("Wi-Fi  7", "wi-fi 7"),           # a run of spaces becomes one
    ("人形 機器人", "人形机器人"),       # a space next to Chinese is dropped
    ("  6G 網絡 ", "6g网络"),
])
def test_a_rule_term_and_a_taxonomy_term_normalise_identically(variant, canonical):
    taxonomy_key = Matcher([build_entry("term", "x", variant)]).keys[0]
    assert rule_term(variant) == taxonomy_key == normalize_term(variant) == canonical


def test_rules_and_the_classifier_find_the_same_term_in_the_same_texts():
    texts = ["廣東發展量子計算產業", "ＡＩ 晶片與量子计算", "QUANTUM", "量子 計算機", "无关的文字", "MAIN 量子计算"]
    index = TermIndex({"量子計算"})
    classifier = Classifier(read_taxonomy(), Options(focus=False))
    for text in texts:
        by_rule = "量子计算" in index.find(rule_text(text))
        form = match_form(text)
        by_taxonomy = any(e.term == "量子计算" for _, _, e in classifier.matcher.find(form, text))
        assert by_rule == by_taxonomy, text


def test_ascii_terms_match_only_at_word_boundaries_for_both():
    index = TermIndex({"AI"})
    assert index.find(rule_text("MAIN street")) == {}
    assert set(index.find(rule_text("发展AI产业"))) == {"ai"}


def test_offsets_map_back_for_random_spacing_and_folding():
    rng = random.Random(7)
    alphabet = ["量", "子", "計", "算", "Ａ", "I", "a", "6", " ", " ", "\n", "\u3000", "…", "㎡", "，"]
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
        form = match_form(text)
        pairs = [(s, e) for s in range(len(form.text)) for e in range(s + 1, min(len(form.text), s + 4) + 1)]
        for (s, e), (a, b) in zip(pairs, form.spans(pairs)):
            assert (a, b) == form.span(s, e)
            assert 0 <= a < b <= len(text)
            assert match_form(text[a:b]).text.strip() == form.text[s:e].strip(), (text, s, e)


def test_a_batch_of_matching_forms_equals_each_text_on_its_own():
    """match_forms folds the texts joined: each form and its offset map as match_form gives it,
    whether the batch mixes ASCII, Chinese, spaces at the joins, characters outside the BMP or not."""
    rng = random.Random(11)
    alphabet = ["量", "子", "計", "Ａ", "I", "a", " ", "  ", "\n", "\u3000", "㎡", "\x00", "\U00020000", "é"]
    for _ in range(500):
        texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 9))) for _ in range(rng.randint(0, 5))]
        if rng.random() < 0.3:
            texts = [t.encode("ascii", "ignore").decode() for t in texts]
        forms = match_forms(texts)
        assert len(forms) == len(texts)
        for text, form in zip(texts, forms):
            alone = match_form(text)
            assert (form.text, form.source_len) == (alone.text, alone.source_len), texts
            pairs = [(s, e) for s in range(len(form.text)) for e in range(s + 1, len(form.text) + 1)]
            assert form.spans(pairs) == alone.spans(pairs), texts


def test_the_numpy_fold_equals_the_table_applied_by_translate():
    rng = random.Random(5)
    ranges = [(0, 0x80), (0x3000, 0x3100), (0x4E00, 0xA000), (0xFF00, 0xFFF0), (0xD800, 0xE000), (0x10000, 0x110000)]
    for _ in range(300):
        text = "".join(chr(rng.randrange(*rng.choice(ranges))) for _ in range(rng.randrange(0, 40)))
        assert fold(text) == text.translate(fold_table()), repr(text)
