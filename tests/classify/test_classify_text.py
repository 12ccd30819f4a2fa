"""Classifier, normaliser and entities on plain text (no database)."""

import pytest

from classify.classifier import Classifier, Options, default_classifier
from futurewatch.core.termmatch import match_form as normalize
from futurewatch.core.taxonomy import TaxonomyError, build_taxonomy, read_taxonomy


def codes(title, text=""):
    return {lb.code for lb in default_classifier().classify(title, text).labels}


@pytest.mark.parametrize("text", ["廣東 6G 前沿技術……發展ＡＩ 芯片", "细胞与基\n\n因、㎡ e\u0301 量子計算"])
def test_normalised_offsets_map_back_to_the_original(text):
    norm = normalize(text)
    for start in range(len(norm.text)):
        for end in range(start + 1, min(len(norm.text), start + 6) + 1):
            a, b = norm.span(start, end)
            assert 0 <= a < b <= len(text)
            assert norm.text[start:end] in normalize(text[a:b]).text


def test_evidence_offsets_point_at_the_matched_text():
    title, text = "粵港澳量子通信網開通", "前言。" * 50 + "報道稱，量子密鑰分發技術與人形機器人等產業受到關注。"
    result = Classifier(read_taxonomy(), Options(focus=False)).classify(title, text)   # every candidate
    assert {"quantum", "embodied_ai"} <= {lb.code for lb in result.labels}
    for label in result.labels:
        for ev in label.evidence:
            source = title if ev.field == "title" else text
            assert normalize(source[ev.start:ev.end]).text == normalize(ev.term).text


def test_traditional_text_matches_without_duplicated_terms():
    assert "quantum" in codes("廣東加快量子計算產業佈局")
    assert "integrated_circuits" in codes("積體電路設計業營收創新高")   # Taiwan vocabulary
    assert "embodied_ai" in codes("人形機械人公司落戶科學園")           # Hong Kong vocabulary


@pytest.mark.parametrize("title,text,code", [
    ("量子位报道：大模型新品密集发布", "", "quantum"),
    ("扫地机器人双十一热销", "扫拖一体机器人成为爆款", "embodied_ai"),
    ("新机评测：旗舰芯片跑分第一", "这款手机搭载新一代芯片，续航出色，芯片发热控制好。", "integrated_circuits"),
    ("这款储能电源露营必备", "比充电宝容量更大的储能产品，可给手机充电十次。", "new_energy_storage"),
    ("量子波动速读培训被叫停", "", "quantum"),
    ("深海鱼油选购指南", "", "deep_sea"),
    ("传承红色基因", "", "gene_cell"),
])
def test_traps_do_not_label(title, text, code):
    assert code not in codes(title, text)


def test_acronyms_need_capitals_and_word_boundaries():
    assert "next_gen_network" in codes("6G试验网开通")
    assert "next_gen_network" not in codes("本品含糖6g，手机6G+128G版本降价")
    assert "ai" not in codes("OpenAIR公司发布空气净化器")


def test_title_weighs_more_than_a_deep_passing_mention():
    filler = "会议强调要抓好各项工作落实。" * 300
    deep = default_classifier().classify("年度工作会议召开", filler + "会上提及氢能。")
    top = default_classifier().classify("氢能产业会议召开", filler)
    assert "hydrogen" not in {lb.code for lb in deep.labels}
    assert "hydrogen" in {lb.code for lb in top.labels}


def test_thresholds_are_configurable():
    strict = Classifier(read_taxonomy(), Options(thresholds={"quantum": 100.0}))
    assert "quantum" not in {lb.code for lb in strict.classify("量子计算突破", "").labels}


def test_entities_all_six_types():
    text = ("省工信厅、工信部印发《广东省培育发展未来电子信息产业集群行动计划》（粤工信电子［2024］2号），"
            "南沙、横琴将获1500亿元支持，到二〇三〇年建成。")
    ents = {(e.type, e.canonical) for e in default_classifier().classify("", text).entities}
    assert {("org", "广东省工业和信息化厅"), ("org", "工业和信息化部"), ("place", "广州市南沙区"),
            ("place", "横琴粤澳深度合作区"), ("policy_title", "广东省培育发展未来电子信息产业集群行动计划"),
            ("doc_number", "粤工信电子〔2024〕2号"), ("money", "1500亿元"), ("target_year", "2030年")} <= ents


def test_taxonomy_validation_rejects_unknown_and_duplicate_codes():
    data = read_taxonomy().data
    broken = {**data, "codes": {k: v for k, v in data["codes"].items() if k != "quantum"}}
    with pytest.raises(TaxonomyError, match="quantum"):
        build_taxonomy(broken)
    bad_view = {**data, "codes": {**data["codes"], "new_code": {"name_zh": "新", "placement": {"national": "nowhere"}}}}
    with pytest.raises(TaxonomyError, match="unknown placement"):
        build_taxonomy(bad_view)
    dup = {**data, "codes": {**data["codes"], "ai": {**data["codes"]["ai"], "terms": ["大模型", "大模型"]}}}
    with pytest.raises(TaxonomyError, match="duplicate"):
        build_taxonomy(dup)
    for combines in (["ai", "no_such_code"], ["ai"], ["ai_biomed", "ai"]):
        bad = {**data, "codes": {**data["codes"], "ai_biomed": {**data["codes"]["ai_biomed"], "combines": combines}}}
        with pytest.raises(TaxonomyError, match="combines"):
            build_taxonomy(bad)
