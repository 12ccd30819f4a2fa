"""Measures (funding, targets, deadlines) and references (implements, amends, …) read from text."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from parsers.policy_links import extract_references, inner_title, name_keys, title_key
from parsers.policy_measures import cn_to_number, extract_measures
from tests.policy.pages import seed_lines

REF = date(2024, 3, 1)


@pytest.mark.parametrize("sentence,amounts", [
    ("对新认定的国家级制造业创新中心，给予最高5000万元资助。", [Decimal("50000000")]),
    ("按项目总投资的20%给予补贴，单个项目不超过1亿元。", [Decimal("100000000")]),
    ("给予100万—500万元奖励。", [Decimal("5000000")]),
    ("每家企业一次性奖励五百万元。", [Decimal("5000000")]),
    ("首台套奖励1.5亿元，配套补助300万元。", [Decimal("150000000"), Decimal("3000000")]),
])
def test_funding_amounts_in_yuan(sentence, amounts):
    found = extract_measures(sentence, REF)
    assert [m.kind for m in found] == ["funding"] * len(amounts)
    assert [m.amount_yuan for m in found] == amounts
    assert all(m.text == sentence for m in found)


def test_money_without_support_is_not_funding():
    assert extract_measures("全省电子信息制造业营业收入4.6万亿元。", REF) == []


def test_targets_with_year_and_money():
    found = extract_measures("到2027年，全省低空经济规模达到3000亿元；到二〇三五年，基本形成领跑全球的产业集群。", REF)
    assert [(m.kind, m.target_year, m.amount_yuan) for m in found] == [
        ("target", 2027, Decimal("300000000000")), ("target", 2035, None)]


def test_seed_action_plan_targets():
    found = extract_measures("\n".join(seed_lines("004")), date(2024, 2, 9))
    assert [(m.kind, m.target_year) for m in found] == [("target", 2030), ("target", 2035)]
    assert found[0].text.startswith("到 2030 年")


@pytest.mark.parametrize("sentence,due", [
    ("申报截止时间为2024年3月31日17:00。", date(2024, 3, 31)),
    ("请各地市于4月30日前将推荐材料报送省工业和信息化厅。", date(2024, 4, 30)),
    ("请于1月15日前报送。", date(2025, 1, 15)),  # already past this year: the next one
    ("本政策有效期至2026年12月31日。", date(2026, 12, 31)),
    ("网上申报截止日期：2024年4月10日。", date(2024, 4, 10)),
])
def test_deadlines(sentence, due):
    found = [m for m in extract_measures(sentence, REF) if m.kind == "deadline"]
    assert [m.due_on for m in found] == [due]


def test_chinese_numbers():
    assert [cn_to_number(t) for t in ("五百", "一千五百", "三十", "十", "3.5")] == [500, 1500, 30, 10, Decimal("3.5")]


@pytest.mark.parametrize("sentence,relation,target", [
    ("为贯彻落实《关于推动未来产业创新发展的实施意见》，结合我省实际，制定本方案。", "implements",
     "关于推动未来产业创新发展的实施意见"),
    ("根据《广东省培育发展未来电子信息产业集群行动计划》（粤工信电子〔2024〕2号），制定本细则。", "implements",
     "广东省培育发展未来电子信息产业集群行动计划"),
    ("本办法自2024年3月1日起施行，原《广州市促进未来产业发展若干措施》（穗府办规〔2021〕3号）同时废止。", "supersedes",
     "广州市促进未来产业发展若干措施"),
    ("决定废止《广东省关于加快发展通用航空的若干意见》。", "abolishes", "广东省关于加快发展通用航空的若干意见"),
    ("《广东省数字经济促进条例》予以废止。", "abolishes", "广东省数字经济促进条例"),
    ("现对《广州市科技创新条例》作如下修改：", "amends", "广州市科技创新条例"),
    ("参照《国家标准化发展纲要》有关要求推进标准体系建设。", "cites", "国家标准化发展纲要"),
])
def test_reference_relations(sentence, relation, target):
    refs = extract_references("某某实施方案", sentence, "policy")
    assert [(r.relation, r.title) for r in refs] == [(relation, target)]
    assert refs[0].evidence == sentence


def test_doc_number_is_a_key_and_books_are_not_references():
    refs = extract_references("某某实施方案", "根据《广东省培育发展未来电子信息产业集群行动计划》（粤工信电子〔2024〕2号）"
                              "和《人民日报》的报道，制定本细则。", "policy")
    assert [r.keys for r in refs] == [["t:广东省培育发展未来电子信息产业集群行动计划", "dn:粤工信电子〔2024〕2号"]]
    assert refs[0].relation == "implements"


def test_bare_doc_number_reference():
    refs = extract_references("某某通知", "根据国办发〔2024〕5号文件精神，现就有关事项通知如下。", "policy")
    assert [(r.relation, r.doc_number, r.title) for r in refs] == [("implements", "国办发〔2024〕5号", None)]


def test_own_title_and_number_are_not_references():
    title = "广东省工业和信息化厅等六部门关于印发广东省培育发展未来电子信息产业集群行动计划的通知"
    refs = extract_references(title, "\n".join(seed_lines("004")), "policy", "粤工信电子〔2024〕2号")
    assert refs == []


def test_interpretation_names_the_policy_it_explains():
    refs = extract_references("《关于推动未来产业创新发展的实施意见》解读", "近日，七部门联合印发《关于推动未来产业创新发展的实施意见》。"
                              "文件贯彻落实《中华人民共和国国民经济和社会发展第十四个五年规划和2035年远景目标纲要》。",
                              "interpretation")
    relations = {r.title: r.relation for r in refs}
    assert relations["关于推动未来产业创新发展的实施意见"] == "interprets"
    assert relations["中华人民共和国国民经济和社会发展第十四个五年规划和2035年远景目标纲要"] == "implements"


def test_names_a_policy_is_known_by():
    key = "t:关于推动未来产业创新发展实施意见"  # issuers before 关于 and 的 dropped
    assert title_key("工业和信息化部等七部门关于推动未来产业创新发展的实施意见") == key
    assert title_key("《关于推动未来产业创新发展的实施意见》") == key
    assert title_key("国务院办公厅转发工业和信息化部等部门关于推动未来产业创新发展实施意见的通知") == key + "通知"
    assert inner_title("广东省工业和信息化厅等六部门关于印发广东省培育发展未来电子信息产业集群行动计划的通知") == \
        "广东省培育发展未来电子信息产业集群行动计划"
    assert inner_title("工业和信息化部关于印发《未来产业标准化工作指南》的通知") == "未来产业标准化工作指南"
    keys = name_keys("工业和信息化部关于印发《未来产业标准化工作指南》的通知", "工信部科〔2024〕12号")
    assert keys == ["t:关于印发未来产业标准化工作指南通知", "t:未来产业标准化工作指南", "dn:工信部科〔2024〕12号"]


def test_listed_titles_share_the_relation():
    sentence = ("本办法自2025年1月1日起施行，《广州市促进未来产业发展若干措施》（穗府办规〔2021〕3号）、"
                "《广州市未来产业专项资金管理办法》同时废止。")
    refs = extract_references("广州市未来产业发展办法", sentence, "policy")
    assert [(r.relation, r.doc_number) for r in refs] == [("supersedes", "穗府办规〔2021〕3号"), ("supersedes", None)]
    refs = extract_references("某某方案", "为贯彻落实《国家标准化发展纲要》和《关于推动未来产业创新发展的实施意见》，制定本方案。",
                              "policy")
    assert [r.relation for r in refs] == ["implements", "implements"]


def test_amendment_by_title_and_by_clause():
    assert [r.relation for r in extract_references("关于修改《广州市科技创新条例》的决定", "", "policy")] == ["amends"]
    clause = "决定对《广东省数字经济促进条例》部分条款予以修改。"
    assert [r.relation for r in extract_references("某某决定", clause, "policy")] == ["amends"]


def test_application_period_end_is_the_deadline():
    found = extract_measures("申报时间：2024年3月1日至4月15日。", date(2024, 2, 20))
    assert [(m.kind, m.due_on) for m in found] == [("deadline", date(2024, 4, 15))]
