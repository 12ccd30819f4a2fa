"""Complete policy metadata from the seeds' real documents in several sites' markup."""

from __future__ import annotations

from datetime import date

import pytest

from parsers import policy_meta
from tests.policy.pages import gkmlpt, govcn_a, govcn_b, miit, parse, seed_lines

SIX = ["广东省工业和信息化厅", "广东省发展和改革委员会", "广东省科学技术厅", "广东省商务厅", "广东省市场监督管理局",
       "广东省通信管理局"]
SEVEN = ["工业和信息化部", "教育部", "科学技术部", "交通运输部", "文化和旅游部", "国务院国有资产监督管理委员会", "中国科学院"]
NOTICE_TITLE = "广东省工业和信息化厅等六部门关于印发广东省培育发展未来电子信息产业集群行动计划的通知"
OPINION_TITLE = "工业和信息化部等七部门关于推动未来产业创新发展的实施意见"


def test_six_joint_issuers_from_gkmlpt_page_that_names_one():
    page = gkmlpt(NOTICE_TITLE, seed_lines("004"), publisher="广东省工业和信息化厅", document_number="粤工信电子〔2024〕2号",
                  date="2024-02-09", identifier="006939748/2024-00123")
    doc = parse(page, "http://gdii.gd.gov.cn/gkmlpt/content/4/4915/post_4915026.html")
    pol = doc.policy
    assert pol.issuers == SIX
    assert {(i.level, i.region) for i in pol.issuer_details} == {("provincial", "广东省")}
    assert (pol.doc_number, pol.written_at, pol.region) == ("粤工信电子〔2024〕2号", date(2024, 2, 9), "广东省")
    assert pol.published_on == date(2024, 2, 18) and pol.validity == "in_force"
    assert [(m.kind, m.target_year) for m in pol.measures] == [("target", 2030), ("target", 2035)]


def test_six_joint_issuers_and_signature_date_from_a_page_without_metadata():
    doc = parse(govcn_b(NOTICE_TITLE, seed_lines("004"), day="2024-02-18 09:30"),
                "https://www.gov.cn/zhengce/zhengceku/202402/content_6931201.htm")
    pol = doc.policy
    assert pol.issuers == SIX
    assert pol.written_at == date(2024, 2, 9)  # the date under the signature
    assert pol.doc_number == "粤工信电子〔2024〕2号" and pol.published_on == date(2024, 2, 18)


def test_seven_departments_expanded_from_the_signature_with_chinese_numeral_date():
    body = ["各省、自治区、直辖市及计划单列市、新疆生产建设兵团工业和信息化、教育、科技主管部门：",
            "现将《关于推动未来产业创新发展的实施意见》印发给你们，请结合实际认真贯彻落实。",
            *seed_lines("002")[20:24],
            "工业和信息化部", "教育部", "科技部", "交通运输部", "文化和旅游部", "国务院国资委", "中国科学院",
            "二〇二四年一月十八日"]
    doc = parse(govcn_b(OPINION_TITLE, body), "https://www.gov.cn/zhengce/zhengceku/202401/content_6929021.htm")
    assert doc.policy.issuers == SEVEN
    assert {i.level for i in doc.policy.issuer_details} == {"national"}
    assert doc.policy.written_at == date(2024, 1, 18)
    assert doc.policy.region == "national"


def test_lead_issuer_kept_when_the_departments_are_not_listed():
    doc = parse(govcn_b(OPINION_TITLE, seed_lines("002")[18:24]), "https://www.gov.cn/zhengce/zhengceku/202401/content_6929022.htm")
    assert doc.policy.issuers == ["工业和信息化部"]  # 等七部门 is not invented from prose


def test_joint_action_plan_of_party_and_government_offices():
    title = "中共广东省委办公厅 广东省人民政府办公厅印发《广东省建设现代化产业体系2025年行动计划》"
    doc = parse(gkmlpt(title, seed_lines("000")[3:12], publisher="省政府办公厅", date="2025-02-12"),
                "http://www.gd.gov.cn/gkmlpt/content/4/4600/post_4600001.html")
    assert doc.policy.issuers == ["中共广东省委办公厅", "广东省人民政府办公厅"]
    assert [r.title for r in doc.policy.references] == []  # the plan it publishes is itself, not a link


def test_short_metadata_issuer_resolved_by_region_of_number():
    body = seed_lines("004")[30:36]
    province = parse(gkmlpt("广东省人民政府办公厅关于印发未来产业培育方案的通知", body, publisher="人民政府办公厅",
                            document_number="粤府办〔2024〕1号"), "http://www.gd.gov.cn/gkmlpt/content/4/4300/post_4300001.html")
    city = parse(gkmlpt("广州市促进未来产业发展若干措施", body, publisher="人民政府办公厅", document_number="穗府办规〔2024〕3号"),
                 "http://www.gz.gov.cn/gkmlpt/content/4/9350/post_9350001.html", source_id="gd_gov")
    assert province.policy.issuers == ["广东省人民政府办公厅"] and province.policy.issuer_details[0].level == "provincial"
    assert city.policy.issuers == ["广州市人民政府办公厅"] and city.policy.issuer_details[0].level == "city"


def test_issuer_from_number_when_nothing_names_one():
    doc = parse(govcn_a("未来产业若干措施", seed_lines("004")[30:33], {"发文字号": "穗府办规〔2024〕3号"}),
                "https://www.gov.cn/zhengce/content/202402/content_6931300.htm")
    assert doc.policy.issuers == ["广州市人民政府办公厅"]


def test_miit_table_with_seven_issuers_gets_full_names():
    cells = {"发文机关": "工业和信息化部、教育部、科技部、交通运输部、文化和旅游部、国务院国资委、中国科学院",
             "发文字号": "工信部联科〔2024〕12号", "成文日期": "2024-01-18"}
    doc = parse(miit(OPINION_TITLE, seed_lines("002")[18:24], cells),
                "https://www.miit.gov.cn/jgsj/kjs/wjfb/art/2024/art_4f1c2b6e8d9a4c3b9e7f6a5d4c3b2a20.html")
    assert doc.policy.issuers == SEVEN and doc.policy.written_at == date(2024, 1, 18)


def test_validity_period_clause_sets_effective_and_expiry():
    body = ["第一条 为促进低空经济发展，制定本办法。", "第二十条 本办法自2024年3月1日起施行，有效期5年。"]
    doc = parse(govcn_a("广东省低空经济发展促进办法", body, {"发文字号": "粤府〔2024〕9号", "成文日期": "2024年2月1日"}),
                "https://www.gov.cn/zhengce/content/202402/content_6931400.htm")
    assert doc.policy.effective_on == date(2024, 3, 1)
    assert doc.policy.expires_on == date(2029, 2, 28)
    assert doc.policy.validity == "in_force"  # expiry is applied by v_policy_documents as time passes
    assert any(m.kind == "deadline" and m.due_on == date(2029, 2, 28) for m in doc.policy.measures)


def test_effective_on_issue_date_and_validity_until():
    body = ["本通知自印发之日起施行，有效期至二〇二六年十二月三十一日。"]
    doc = parse(govcn_a("关于支持未来产业发展的通知", body, {"发文字号": "粤工信〔2024〕3号", "成文日期": "2024年2月20日",
                                                     "发布日期": "2024年2月22日"}),
                "https://www.gov.cn/zhengce/content/202402/content_6931401.htm")
    assert doc.policy.effective_on == date(2024, 2, 20)  # 印发之日: the 成文日期
    assert doc.policy.expires_on == date(2026, 12, 31)


def test_validity_period_of_something_the_policy_creates_is_not_its_expiry():
    body = ["对认定的未来产业科技园，认定有效期为3年。", "本办法自2024年3月1日起施行。"]
    doc = parse(govcn_a("广东省未来产业科技园认定管理办法", body, {"发文字号": "粤科〔2024〕4号"}),
                "https://www.gov.cn/zhengce/content/202402/content_6931402.htm")
    assert doc.policy.effective_on == date(2024, 3, 1) and doc.policy.expires_on is None


def test_source_validity_field_wins_over_the_default():
    gone = parse(gkmlpt("广东省人民政府关于某某的通知", ["本通知自印发之日起施行。"], publisher="广东省人民政府",
                        is_abolished=True), "http://www.gd.gov.cn/gkmlpt/content/4/4100/post_4100001.html")
    expired = parse(govcn_a("关于某某的通知", ["正文。"], {"发文字号": "粤府〔2019〕1号", "有效性": "失效"}),
                    "https://www.gov.cn/zhengce/content/201901/content_5000001.htm")
    assert (gone.policy.validity, expired.policy.validity) == ("abolished", "expired")


def test_small_numbers_and_org_lines():
    assert [policy_meta.small_number(t) for t in ("六", "十", "十二", "7", "两")] == [6, 10, 12, 7, 2]
    assert policy_meta.org_names("广东省科学技术厅 广东省商务厅") == ["广东省科学技术厅", "广东省商务厅"]
    assert policy_meta.org_names("各地级以上市人民政府，省政府各部门") is None
    assert policy_meta.org_names("文件") is None


def test_written_at_in_chinese_numerals_from_the_metadata_table():
    doc = parse(govcn_a("关于推动未来产业创新发展的实施意见", ["正文。"], {"发文机关": "工业和信息化部", "成文日期": "二〇二四年一月十八日"}),
                "https://www.gov.cn/zhengce/content/202401/content_6929030.htm")
    assert doc.policy.written_at == date(2024, 1, 18)


def test_policy_titles_versus_news_titles():
    from parsers.policy import is_policy_title

    assert all(map(is_policy_title, ["广州市促进未来产业发展若干措施", "关于推动未来电子信息产业高质量发展的指导意见",
                                     "广东省人民政府办公厅关于印发未来产业培育方案的通知（1）"]))
    assert not any(map(is_policy_title, ["国务院常务会议部署推动未来产业发展的政策措施", "一图读懂：如何培育发展未来产业",
                                         "李强主持召开国务院常务会议"]))


# The seed's real notice and plan, with the start of one measure (a later date) in its 保障措施 and
# the plan's own clause at its end, as such plans print them.
PLAN_WITH_MEASURE_START = seed_lines("004")[:61] + [
    "（五）强化能效约束。新建数据中心自2026年1月1日起执行电能利用效率不高于1.25的要求。",
    "本行动计划由省工业和信息化厅负责解释，自2024年3月1日起实施，有效期至2030年12月31日。",
] + seed_lines("004")[61:]
QUOTING_A_LAW = ["各地级以上市人民政府，省政府各部门：",
                 "《无人驾驶航空器飞行管理暂行条例》自2024年1月1日起施行。为做好条例贯彻实施工作，现就有关事项通知如下：",
                 "一、各地要于2024年6月30日前完成辖区内飞行活动申请受理平台建设。",
                 "本通知自印发之日起施行。", "广东省人民政府办公厅", "2023年12月20日"]


@pytest.mark.parametrize("lines, effective_on", [
    (PLAN_WITH_MEASURE_START, date(2024, 3, 1)),   # not the measure's 2026-01-01
    (QUOTING_A_LAW, date(2023, 12, 20)),            # 印发之日 (the 成文日期), not the quoted 条例's start
    (["第一条 为规范低空飞行服务，制定本办法。", "第三十条 本辦法施行前已取得許可的企業，自2025年1月1日起執行新標準。",
      "第三十一条 本辦法自2024年5月1日起實施。"], date(2024, 5, 1)),   # Traditional; a transition rule
    (["第一条 为规范低空飞行服务，制定本办法。", "第二十四条 自2023年8月15日起施行。"], date(2023, 8, 15)),
    (["《中华人民共和国数据安全法》自2021年9月1日起施行。", "各单位要认真贯彻落实。"], None),
    (["三、本通知自2024年7月1日零时起执行，有效期两年。"], date(2024, 7, 1)),
])
def test_effective_date_comes_from_the_documents_own_clause(lines, effective_on):
    """施行日期 decides not_yet_in_force: a measure's later start, a transition rule or a quoted document's
    start must not become the policy's own; its last clause (本办法/本通知…自…起施行, 附则) does."""
    doc = parse(govcn_a("广东省人民政府办公厅关于某某工作的通知", lines, {"发文字号": "粤府办〔2023〕9号"}),
                "https://www.gov.cn/zhengce/content/202402/content_6931403.htm")
    assert doc.policy.effective_on == effective_on
