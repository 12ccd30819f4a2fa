"""Policy metadata as real pages print it, read back from v_policy_documents and v_policy_links on a
real PostgreSQL: full-width digits, the ﹝﹞ brackets, Traditional characters, Chinese-numeral years,
有效性 words that say a policy is not in force (否, 无效, 廢止, 尚未生效), and 施行日期 still to come."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from tests.policy.pages import govcn_a, govcn_b, gkmlpt
from tests.policy.test_policy_store import db, doc_id, links, store  # noqa: F401  (db: the fixture)
from tests.parsers.test_parsers_process import rows

TARGET_URL = "https://www.gov.cn/zhengce/content/202401/content_6930001.htm"


def policy_row(db_url: str, page_url: str) -> dict:
    return rows(db_url, "SELECT doc_number, published_on, effective_on, validity FROM v_policy_documents "
                        "WHERE document_id = %(d)s", {"d": doc_id(db_url, page_url)})[0]


@pytest.mark.parametrize("label, word, expected", [
    ("有效性", "廢止", "abolished"), ("有效性", "已修訂", "amended"), ("有效性", "無效", "expired"),
    ("有效性", "无效", "expired"), ("是否有效", "否", "expired"), ("是否有效", "是", "in_force"),
    ("有效性", "尚未生效", "not_yet_in_force"), ("效力状态", "未施行", "not_yet_in_force"),
])
def test_validity_word_of_the_source_is_shown_not_in_force_by_default(db, label, word, expected):
    store(db, (TARGET_URL, govcn_a("广东省人民政府关于某某工作的通知", ["正文。"],
                                   {"发文字号": "粤府〔2019〕1号", label: word})))
    assert policy_row(db, TARGET_URL)["validity"] == expected


@pytest.mark.parametrize("printed", ["粤府〔２０２４〕３号", "粤府﹝2024﹞3号", "粤府〔2024〕3號", "粤府（２０２４）第３号",
                                     "粤府〔二〇二四〕3号", "粤府〔二〇二四〕三号", "粤府〔2024〕03号"])
def test_doc_number_variants_are_stored_in_one_form_and_linked(db, printed):
    store(db, (TARGET_URL, govcn_a("广东省人民政府关于加快培育发展未来产业的行动方案", ["正文。"],
                                   {"发文字号": printed, "发布日期": "２０２４年２月２８日", "施行日期": "２０２４年４月１日"})))
    city = ("http://www.gz.gov.cn/gkmlpt/content/4/9370/post_9370001.html",
            gkmlpt("广州市未来产业若干措施", ["为贯彻落实粤府〔2024〕3号文件精神，结合本市实际，制定本措施。"],
                   publisher="人民政府办公厅", document_number="穗府办规〔2024〕9号", date="2024-03-05"))
    store(db, city, days=1)
    got = policy_row(db, TARGET_URL)
    assert (got["doc_number"], got["published_on"], got["effective_on"]) == \
        ("粤府〔2024〕3号", date(2024, 2, 28), date(2024, 4, 1))
    assert (doc_id(db, city[0]), doc_id(db, TARGET_URL), "implements") in links(db)


@pytest.mark.parametrize("printed, stored", [("國發〔２０２４〕５號", "国发〔2024〕5号"), ("国办发﹝2024﹞7号", "国办发〔2024〕7号"),
                                             ("国发〔二〇二四〕5号", "国发〔2024〕5号")])
def test_doc_number_found_in_the_text_in_any_print(db, printed, stored):
    store(db, (TARGET_URL, govcn_b("国务院关于推动未来产业发展的意见", [printed, "各省、自治区、直辖市人民政府：", "正文。"])))
    assert policy_row(db, TARGET_URL)["doc_number"] == stored


def test_validity_period_printed_in_traditional_characters_expires_the_policy(db):
    store(db, (TARGET_URL, govcn_a("廣東省人民政府關於某某工作的辦法", ["本辦法自2019年1月1日起施行，有效期為3年。"],
                                   {"发文字号": "粤府〔2019〕3号"})))
    got = policy_row(db, TARGET_URL)
    assert (got["effective_on"], got["validity"]) == (date(2019, 1, 1), "expired")


def test_a_reference_printed_with_a_chinese_numeral_year_links_to_its_target(db):
    store(db, (TARGET_URL, govcn_a("广东省人民政府关于加快培育发展未来产业的行动方案", ["正文。"], {"发文字号": "粤府〔2024〕3号"})))
    city = ("http://www.gz.gov.cn/gkmlpt/content/4/9370/post_9370001.html",
            gkmlpt("广州市未来产业若干措施", ["为贯彻落实粤府〔二〇二四〕3号文件精神，结合本市实际，制定本措施。"],
                   publisher="人民政府办公厅", document_number="穗府办规〔二〇二四〕9号", date="2024-03-05"))
    store(db, city, days=1)
    assert (doc_id(db, city[0]), doc_id(db, TARGET_URL), "implements") in links(db)
    assert policy_row(db, city[0])["doc_number"] == "穗府办规〔2024〕9号"
    numbers = rows(db, "SELECT target_doc_number FROM v_policy_links WHERE from_document_id = %(d)s",
                   {"d": doc_id(db, city[0])})
    assert [r["target_doc_number"] for r in numbers] == ["粤府〔2024〕3号"]


@pytest.mark.parametrize("printed, days, expected", [
    ("有效", 10, "not_yet_in_force"), ("尚未生效", 10, "not_yet_in_force"), ("有效", 0, "in_force"),
    ("尚未生效", -1, "in_force"), ("已废止", 10, "abolished"),
])
def test_a_policy_is_not_in_force_before_its_effective_date_in_china(db, printed, days, expected):
    """validity follows the 施行日期 as days pass (today in China), whatever the source said at the crawl."""
    starts = datetime.now(ZoneInfo("Asia/Shanghai")).date() + timedelta(days=days)
    store(db, (TARGET_URL, govcn_a("广东省人民政府关于某某工作的通知", ["正文。"],
                                   {"发文字号": "粤府〔2019〕1号", "有效性": printed,
                                    "施行日期": f"{starts.year}年{starts.month}月{starts.day}日"})))
    got = policy_row(db, TARGET_URL)
    assert (got["effective_on"], got["validity"]) == (starts, expected)


ISSUER = "广东省工业和信息化厅"


@pytest.mark.parametrize("title, lines, cells, issuers", [
    ("廣東省工業和信息化廳關於印發某某方案的通知", ["正文。"], {"发文机关": "廣東省工業和信息化廳", "发文字号": "粵工信〔2024〕5號"},
     [ISSUER]),
    ("廣東省工業和信息化廳等三部門關於印發某某方案的通知",
     ["現將方案印發給你們。", "廣東省工業和信息化廳 廣東省科學技術廳 廣東省財政廳", "2024年3月1日"], {"发文字号": "粵工信〔2024〕5號"},
     [ISSUER, "广东省科学技术厅", "广东省财政厅"]),
])
def test_issuers_printed_in_traditional_characters_are_stored_in_simplified(db, title, lines, cells, issuers):
    """v_policy_documents.issuers and region and v_policy_issuers hold the Simplified names a SQL user
    filters on (广东省, 广东省工业和信息化厅), whatever the page printed: from the metadata, and all
    three bodies of a Traditional signature block."""
    store(db, (TARGET_URL, govcn_a(title, lines, cells)))
    document = doc_id(db, TARGET_URL)
    got = rows(db, "SELECT issuers, region FROM v_policy_documents WHERE document_id = %(d)s", {"d": document})[0]
    assert (got["issuers"], got["region"]) == (issuers, "广东省")
    listed = rows(db, "SELECT issuer, level, region FROM v_policy_issuers WHERE document_id = %(d)s ORDER BY position",
                  {"d": document})
    assert [(r["issuer"], r["level"], r["region"]) for r in listed] == [(i, "provincial", "广东省") for i in issuers]


def test_a_measure_starting_next_year_leaves_the_policy_in_force(db):
    """v_policy_documents.validity follows the policy's own 施行 clause, not the start of one of its
    measures: a SQL user filtering validity = 'in_force' still finds it."""
    later = datetime.now(ZoneInfo("Asia/Shanghai")).date() + timedelta(days=400)
    body = ["第一条 为推动数据中心绿色低碳发展，制定本办法。",
            f"第五条 新建数据中心自{later.year}年{later.month}月{later.day}日起执行电能利用效率不高于1.25的要求。",
            "第二十条 本办法由省工业和信息化厅负责解释，自2024年3月1日起施行。"]
    store(db, (TARGET_URL, govcn_a("广东省数据中心绿色发展管理办法", body, {"发文字号": "粤工信〔2024〕6号"})))
    assert tuple(policy_row(db, TARGET_URL)[k] for k in ("effective_on", "validity")) == (date(2024, 3, 1), "in_force")
