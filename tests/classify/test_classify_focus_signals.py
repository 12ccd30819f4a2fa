"""Sentence-level stage-2 signals (classify/focus_signals.py)."""

import pytest

from classify.classifier import Classifier, Options
from classify.focus import FEATURES
from classify.focus_signals import SIGNAL_FEATURES, signal_rows
from futurewatch.core.taxonomy import read_taxonomy


@pytest.fixture(scope="module")
def stage1():
    return Classifier(read_taxonomy(), Options(focus=False))


def _signals(stage1, title, text):
    doc, tracks, _ = stage1.candidates(title, text)
    return {t.code: dict(zip(SIGNAL_FEATURES, row)) for t, row in zip(tracks, signal_rows(doc, tracks))}


def test_a_second_track_inside_the_main_tracks_sentences_is_marked(stage1):
    text = ("核聚变装置的等离子体控制是最大难题。研究团队借助人工智能算法预测托卡马克等离子体的破裂。"
            "该核聚变实验装置今年完成了新一轮放电实验。可控核聚变项目计划在2030年前建成示范堆。")
    s = _signals(stage1, "核聚变研究取得进展", text)
    nuclear, ai = s["advanced_nuclear"], s["ai"]
    assert ai["inside_top"] == 1.0                       # every AI sentence also names fusion
    assert ai["relation_share"] > 0                      # 借助 before the AI hit
    assert nuclear["inside_top"] == 0.0                  # the top candidate is never "inside"
    assert nuclear["sentence_share"] > ai["sentence_share"]
    assert nuclear["sentence_ratio"] == 1.0 and ai["sentence_ratio"] < 1.0


def test_a_track_with_sentences_of_its_own_is_not_inside(stage1):
    text = ("光伏组件出货量创新高，多家企业扩建产能。"
            "另一方面，海上风电项目今年并网容量大幅增长，风机企业订单饱满。")
    s = _signals(stage1, "", text)
    assert set(s) >= {"photovoltaic", "offshore_wind"}
    second = min(s.values(), key=lambda v: v["sentence_ratio"] + v["sentence_share"])
    assert second["inside_top"] == 0.0


def test_the_signals_are_part_of_the_feature_vector():
    start = FEATURES.index(SIGNAL_FEATURES[0])
    assert FEATURES[start:start + len(SIGNAL_FEATURES)] == SIGNAL_FEATURES


def test_a_track_word_before_a_person_place_or_incident_head_is_a_modifier(stage1):
    # 台積電 names the victim's employer and the plant's surroundings, not the story's subject
    accident = _signals(stage1, "工程師下班途中遭撞", "台積電施姓工程師騎機車返家，在台積電廠區附近被貨車撞傷，法院判賠。")
    industry = _signals(stage1, "", "台積電宣布擴大先進製程產能，台積電今年資本支出再創新高。")
    assert accident["integrated_circuits"]["modifier_share"] == 1.0
    assert industry["integrated_circuits"]["modifier_share"] == 0.0


def test_a_head_noun_beyond_the_clause_does_not_count(stage1):
    s = _signals(stage1, "", "量子计算机今年交付，员工数量翻倍。量子计算，事故率为零。")
    assert s["quantum"]["modifier_share"] == 0.0
