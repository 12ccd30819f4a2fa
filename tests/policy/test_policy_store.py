"""Links, issuers and measures through the process stage on a real PostgreSQL: references resolve
whatever order documents arrive in, later documents change validity, reruns change nothing."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from parsers.process import process_pending
from tests.parsers.test_parsers_process import add_fetch, add_sources, rows
from tests.policy.pages import gkmlpt, govcn_b, seed_lines
from futurewatch.core.config import load_settings

WHEN = datetime(2024, 3, 1, 12, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
NATIONAL = ("https://www.gov.cn/zhengce/zhengceku/202401/content_6929021.htm",
            govcn_b("工业和信息化部等七部门关于推动未来产业创新发展的实施意见",
                    seed_lines("002")[18:24] + ["工业和信息化部", "教育部", "科技部", "交通运输部", "文化和旅游部",
                                                 "国务院国资委", "中国科学院", "2024年1月18日"]))
_NOTICE = seed_lines("004")
PROVINCIAL = ("http://gdii.gd.gov.cn/gkmlpt/content/4/4915/post_4915026.html",
              gkmlpt("广东省工业和信息化厅等六部门关于印发广东省培育发展未来电子信息产业集群行动计划的通知",
                     _NOTICE[:24] + ["为贯彻落实《关于推动未来产业创新发展的实施意见》，制定本行动计划。"] + _NOTICE[24:],
                     publisher="广东省工业和信息化厅", document_number="粤工信电子〔2024〕2号", date="2024-02-09"))
CITY = ("http://www.gz.gov.cn/gkmlpt/content/4/9350/post_9350001.html",
        gkmlpt("广州市促进未来产业发展若干措施",
               ["根据《广东省培育发展未来电子信息产业集群行动计划》（粤工信电子〔2024〕2号），结合本市实际，制定本措施。",
                "对新认定的未来产业科技园，给予最高1000万元奖励。", "申报截止时间为2024年3月20日。"],
               publisher="人民政府办公厅", document_number="穗府办规〔2024〕3号", date="2024-02-20"))
CITY_NEW = ("http://www.gz.gov.cn/gkmlpt/content/4/9360/post_9360001.html",
            gkmlpt("广州市加快未来产业发展若干措施",
                   ["本措施自2024年4月1日起施行，有效期3年。原《广州市促进未来产业发展若干措施》（穗府办规〔2024〕3号）同时废止。"],
                   publisher="人民政府办公厅", document_number="穗府办规〔2024〕8号", date="2024-03-25"))
JIEDU = ("https://www.gov.cn/zhengce/202401/content_6929100.htm",
         govcn_b("《关于推动未来产业创新发展的实施意见》解读", ["近日，工业和信息化部等七部门联合印发了《关于推动未来产业创新发展的实施意见》。"]))


@pytest.fixture
def db(fw_env):
    add_sources(fw_env.db_url)
    return fw_env.db_url


def store(db_url: str, *pages: tuple[str, str], days: int = 0) -> None:
    for page_url, markup in pages:
        source = "govcn" if "www.gov.cn" in page_url else "gd_gov"
        add_fetch(db_url, source, page_url, markup.encode(), WHEN + timedelta(days=days))
    summary = process_pending(db_url, settings=load_settings())
    assert summary.failed == 0, summary.errors


def doc_id(db_url: str, page_url: str) -> int:
    return rows(db_url, "SELECT document_id FROM document_urls WHERE url = %(u)s", {"u": page_url})[0]["document_id"]


def links(db_url: str) -> set[tuple]:
    return {(r["from_document_id"], r["to_document_id"], r["relation"])
            for r in rows(db_url, "SELECT * FROM v_policy_links")}


def lineage(db_url: str) -> list[tuple[int, str]]:
    """The lineage query of docs/sql.md (13), as written there."""
    sql = open("docs/sql.md", encoding="utf-8").read().split("### 13.")[1].split("```sql\n")[1].split("```")[0]
    return [(r["depth"], r["issuer_level"]) for r in rows(db_url, sql)]


@pytest.mark.parametrize("order", [(CITY, PROVINCIAL, NATIONAL), (NATIONAL, PROVINCIAL, CITY)], ids=["targets-later", "targets-first"])
def test_links_resolve_in_any_arrival_order(db, order):
    for day, page in enumerate(order):
        store(db, page, days=day)
    city, province, nation = (doc_id(db, p[0]) for p in (CITY, PROVINCIAL, NATIONAL))
    assert {(city, province, "implements"), (province, nation, "implements")} <= links(db)
    assert lineage(db) == [(1, "provincial"), (2, "city")]
    evidence = rows(db, "SELECT evidence FROM v_policy_links WHERE from_document_id = %(c)s", {"c": city})[0]["evidence"]
    assert evidence.startswith("根据《广东省培育发展未来电子信息产业集群行动计划》")


def test_unresolved_reference_is_kept_as_text_until_the_target_arrives(db):
    store(db, CITY)
    waiting = rows(db, "SELECT to_document_id, target_title, target_doc_number FROM v_policy_links")
    assert waiting == [{"to_document_id": None, "target_title": "广东省培育发展未来电子信息产业集群行动计划",
                        "target_doc_number": "粤工信电子〔2024〕2号"}]
    store(db, PROVINCIAL, days=1)
    assert rows(db, "SELECT to_document_id FROM v_policy_links WHERE from_document_id = %(c)s",
                {"c": doc_id(db, CITY[0])})[0]["to_document_id"] == doc_id(db, PROVINCIAL[0])


def test_later_document_that_replaces_one_makes_it_abolished(db):
    store(db, CITY)
    old = doc_id(db, CITY[0])
    assert rows(db, "SELECT validity FROM v_policy_documents WHERE document_id = %(d)s", {"d": old})[0]["validity"] == "in_force"
    store(db, CITY_NEW, days=30)
    new = doc_id(db, CITY_NEW[0])
    assert (new, old, "supersedes") in links(db)
    got = {r["document_id"]: r for r in rows(db, "SELECT * FROM v_policy_documents")}
    assert got[old]["validity"] == "abolished" and got[new]["validity"] == "in_force"
    assert str(got[new]["expires_on"]) == "2027-03-31" and str(got[new]["effective_on"]) == "2024-04-01"


def test_expired_by_its_validity_period(db):
    old = ("http://www.gz.gov.cn/gkmlpt/content/4/1000/post_1000001.html",
           gkmlpt("广州市促进工业发展若干措施", ["本措施自2015年1月1日起施行，有效期3年。"], publisher="人民政府办公厅",
                  document_number="穗府办〔2014〕50号", date="2014-12-20"))
    store(db, old)
    row = rows(db, "SELECT validity, expires_on FROM v_policy_documents")[0]
    assert row["validity"] == "expired" and str(row["expires_on"]) == "2017-12-31"


def test_interpretation_links_to_its_policy(db):
    store(db, JIEDU)
    store(db, NATIONAL, days=1)
    assert (doc_id(db, JIEDU[0]), doc_id(db, NATIONAL[0]), "interprets") in links(db)


def test_issuers_measures_and_links_are_rerunnable(db):
    store(db, NATIONAL, PROVINCIAL, CITY)
    tables = ("policy_issuers", "policy_references", "policy_measures", "policy_names")
    before = {t: rows(db, f"SELECT * FROM {t} ORDER BY 1, 2") for t in tables}
    assert process_pending(db, reparse=True, settings=load_settings()).failed == 0
    assert {t: rows(db, f"SELECT * FROM {t} ORDER BY 1, 2") for t in tables} == before
    issuers = rows(db, "SELECT issuer, level, region FROM v_policy_issuers WHERE document_id = %(d)s ORDER BY position",
                   {"d": doc_id(db, CITY[0])})
    assert issuers == [{"issuer": "广州市人民政府办公厅", "level": "city", "region": "广州市"}]
    measures = rows(db, "SELECT kind, amount_yuan, due_on FROM v_policy_measures WHERE document_id = %(d)s ORDER BY position",
                    {"d": doc_id(db, CITY[0])})
    assert [(m["kind"], m["amount_yuan"], str(m["due_on"])) for m in measures] == [
        ("funding", 10000000, "None"), ("deadline", None, "2024-03-20")]


def test_stored_govcn_and_miit_pages(db):
    """The real stored pages: a 转发 notice, its 一图读懂 解读 (each links the other), the 七部门 opinion."""
    from tests.parsers.test_parsers_process import add_fixture

    for stem in ("govcn_2024_01_30", "govcn_2024_01_29", "miit_2024_01_29"):
        add_fixture(db, stem)
    assert process_pending(db, settings=load_settings()).failed == 0
    docs = {r["doc_number"] or r["kind"]: r for r in rows(db, "SELECT * FROM v_policy_documents")}
    notice, jiedu, opinion = docs["国办函〔2024〕5号"], docs["interpretation"], docs["工信部联科〔2024〕12号"]
    assert (notice["issuer_level"], notice["validity"], str(notice["effective_on"])) == ("national", "in_force", "2024-03-01")
    assert cardinality(opinion["issuers"]) == 7 and opinion["issuer_level"] == "national"
    assert (jiedu["document_id"], notice["document_id"], "interprets") in links(db)
    own = rows(db, "SELECT count(*) AS n FROM v_policy_links WHERE from_document_id = %(d)s", {"d": notice["document_id"]})
    assert own[0]["n"] == 0  # the opinion it forwards is its own text, not a reference


def cardinality(values) -> int:
    return len(values or [])


def test_policy_page_linking_its_interpretation_gives_the_interprets_link(db):
    from tests.policy.pages import govcn_a

    jiedu_url = "https://www.gov.cn/zhengce/202402/content_6931500.htm"
    policy = ("https://www.gov.cn/zhengce/content/202402/content_6931499.htm",
              govcn_a("广东省人民政府关于加快低空经济发展的意见", ["各地级以上市人民政府：", "现提出如下意见。"],
                      {"发文字号": "粤府〔2024〕11号", "发文机关": "广东省人民政府"},
                      extra=f'<ul class="jiedu_list"><li><a href="{jiedu_url}">图解</a></li></ul>'))
    jiedu = (jiedu_url, govcn_b("一图读懂｜低空经济怎么发展", ["低空经济迎来新机遇。"]))
    store(db, policy)
    store(db, jiedu, days=1)
    assert (doc_id(db, jiedu_url), doc_id(db, policy[0]), "interprets") in links(db)


def test_later_amendment_makes_it_amended(db):
    store(db, CITY)
    amendment = ("http://www.gz.gov.cn/gkmlpt/content/4/9370/post_9370001.html",
                 gkmlpt("广州市人民政府办公厅关于修改《广州市促进未来产业发展若干措施》的决定",
                        ["现决定对《广州市促进未来产业发展若干措施》第三条作如下修改。"], publisher="广州市人民政府办公厅",
                        document_number="穗府办规〔2024〕12号", date="2024-05-10"))
    store(db, amendment, days=60)
    got = {r["document_id"]: r["validity"] for r in rows(db, "SELECT document_id, validity FROM v_policy_documents")}
    assert got == {doc_id(db, CITY[0]): "amended", doc_id(db, amendment[0]): "in_force"}
