"""gov.cn's current templates (V2) and the info table read wherever it appears.

The pages here are constructed in the markup public scrapers document for gov.cn (see
docs/parsers.md): they are not captures, and the real-page checks live in the quality sets.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from parsers.api import parse_page
from parsers.html import build_tree
from parsers.infotable import info_pairs
from parsers.registry import BY_ID

FETCHED = datetime.fromisoformat("2024-08-10T10:00:00+08:00")
BODY = ("<p>各省、自治区、直辖市人民政府，国务院各部委、各直属机构：</p>"
        "<p>现将《加快构建新型电力系统行动方案（2024—2027年）》印发给你们，请结合实际认真贯彻落实。</p>"
        "<p>推进特高压和配电网改造，培育新型储能、氢能和低空经济等未来产业应用场景，建设一批示范工程。</p>")
HEADER_TABLE = """<div class="policyLibraryOverview_header"><table>
<tr><td><b>索 引 号：</b></td><td>000014349/2024-00071</td><td><b>主题分类：</b></td><td class="zcwj_ztfl">国土资源、能源\\电力</td></tr>
<tr><td><b>标　　题：</b></td><td>关于印发《加快构建新型电力系统行动方案（2024—2027年）》的通知</td>
    <td><b>发文机关：</b></td><td>国家发展改革委 国家能源局 国家数据局</td></tr>
<tr><td><b>发文字号：</b></td><td>发改能源〔2024〕1128号</td><td><b>来　　源：</b></td><td>国家发展改革委网站</td></tr>
<tr><td><b>成文日期：</b></td><td>2024年07月25日</td><td><b>发布日期：</b></td><td>2024年08月06日</td></tr>
</table></div>"""
TITLE = "关于印发《加快构建新型电力系统行动方案（2024—2027年）》的通知"


def zhengceku_page(head: bool = True) -> bytes:
    top = ("<head><title>关于印发…的通知_国务院部门文件_中国政府网</title>"
           '<meta name="firstpublishedtime" content="2024-08-06-16:32:05"></head>') if head else ""
    return (f"<html>{top}<body><div class='header'><a href='/'>首页</a></div>{HEADER_TABLE}"
            f"<div id='UCAP-CONTENT'><div class='trs_editor_view TRS_UEDITOR trs_paper_default'>{BODY}</div></div>"
            "<div class='editor'>【我要纠错】 责任编辑：张三</div></body></html>").encode()


FULL_ISSUERS = ["国家发展和改革委员会", "国家能源局", "国家数据局"]


def test_current_policy_page_reads_the_header_table_and_body():
    doc = parse_page(zhengceku_page(), "https://www.gov.cn/zhengce/zhengceku/202408/content_6966934.htm",
                     fetched_at=FETCHED)
    assert doc.parser == "govcn.V2" and doc.drift == []
    assert doc.title == TITLE and doc.kind == "policy"
    assert doc.policy.issuers == FULL_ISSUERS  # the table's 国家发展改革委, resolved (parsers.policy_meta)
    assert doc.policy.doc_number == "发改能源〔2024〕1128号" and doc.policy.index_no == "000014349/2024-00071"
    assert doc.policy.written_at.isoformat() == "2024-07-25"
    assert doc.published_at.isoformat() == "2024-08-06T16:32:05+08:00"
    assert doc.text.startswith("各省、自治区") and "低空经济" in doc.text
    assert "索引号" not in doc.text and "责任编辑" not in doc.text
    assert doc.origin == "国家发展改革委网站"


def test_content_fragment_without_head_keeps_title_and_date_from_the_table():
    fragment = (HEADER_TABLE + f"<div id='UCAP-CONTENT'>{BODY}</div>").encode()
    doc = parse_page(fragment, "https://www.gov.cn/zhengce/content/202408/content_6966934.htm", fetched_at=FETCHED)
    assert doc.title == TITLE
    assert doc.published_at.date().isoformat() == "2024-08-06"
    assert doc.policy.issuers == FULL_ISSUERS  # the table's 国家发展改革委, resolved (parsers.policy_meta)


def test_info_block_written_as_label_lines():
    block = ("<div class='policyLibraryOverview_content'><p>标 题： " + TITLE + "</p><p>发文机关： 国务院办公厅</p>"
             "<p>发文字号： 国办发〔2024〕12号</p><p>成文日期： 2024年7月25日</p></div>")
    pairs = info_pairs(build_tree(f"<html><body>{block}<div id='UCAP-CONTENT'>{BODY}</div></body></html>"))
    assert pairs == {"标题": TITLE, "发文机关": "国务院办公厅", "发文字号": "国办发〔2024〕12号", "成文日期": "2024年7月25日"}


def test_a_lone_source_line_is_not_an_info_table():
    assert info_pairs(build_tree("<div><p>来源：新华社</p><p>正文第一段。</p></div>")) == {}


def test_current_article_template():
    page = ("<html><head><title>国务院常务会议部署培育未来产业_滚动新闻_中国政府网</title>"
            '<meta name="firstpublishedtime" content="2024-07-19-20:05:00"></head><body>'
            "<div class='article oneColumn pub_border'><h1 id='ti'>国务院常务会议部署培育未来产业</h1>"
            "<div class='pages-date'>2024-07-19 20:05 <span class='font'>来源： 新华社</span></div>"
            f"<div class='pages_content' id='UCAP-CONTENT'>{BODY}</div></div></body></html>").encode()
    doc = parse_page(page, "https://www.gov.cn/yaowen/liebiao/202407/content_6963721.htm", fetched_at=FETCHED)
    assert doc.title == "国务院常务会议部署培育未来产业" and doc.kind == "news"
    assert doc.published_at.isoformat() == "2024-07-19T20:05:00+08:00" and doc.origin == "新华社"
    assert "特高压" in doc.text


def test_gongbao_item_is_a_policy_with_its_doc_number_from_the_body():
    page = ("<html><head><title>国务院关于推动未来产业发展的意见_2024年第20号国务院公报_中国政府网</title></head><body>"
            "<div class='share-title'>国务院关于推动未来产业发展的意见</div>"
            f"<div id='UCAP-CONTENT'><p>国发〔2024〕15号</p>{BODY}</div></body></html>").encode()
    doc = parse_page(page, "https://www.gov.cn/gongbao/2024/issue_11506/202407/content_6963000.html",
                     fetched_at=FETCHED)
    assert doc.kind == "policy" and doc.policy.doc_number == "国发〔2024〕15号"
    assert doc.title == "国务院关于推动未来产业发展的意见"


@pytest.mark.parametrize("fetched,version", [("2019-12-03T10:00:00+08:00", "V1"), ("2022-12-31T23:00:00+08:00", "V1"),
                                             ("2023-01-01T08:00:00+08:00", "V2"), (None, "V2")])
def test_versions_by_capture_date(fetched, version):
    when = datetime.fromisoformat(fetched) if fetched else None
    assert BY_ID["govcn"].parser_for(when).__name__ == version


def test_an_older_capture_still_parses_with_v1():
    doc = parse_page(zhengceku_page(), "https://www.gov.cn/zhengce/zhengceku/202408/content_6966934.htm",
                     fetched_at=datetime.fromisoformat("2022-06-01T10:00:00+08:00"))
    assert doc.parser == "govcn.V1" and not doc.is_empty and "低空经济" in doc.text


def test_issuers_from_the_signature_block_when_no_info_table():
    from parsers.govbase import signature_issuers

    assert signature_issuers(["正文第一段。", "国家发展改革委　国家能源局", "2024年7月25日"]) == ["国家发展改革委", "国家能源局"]
    assert signature_issuers(["正文。", "工业和信息化部", "教育部", "二〇二四年一月十八日"]) == ["工业和信息化部", "教育部"]
    assert signature_issuers(["正文。", "（此件公开发布）"]) == []
    page = ("<html><head><title>国务院办公厅关于推动未来产业创新发展的通知_国务院文件_中国政府网</title></head><body>"
            "<h1 id='ti'>国务院办公厅关于推动未来产业创新发展的通知</h1>"
            f"<div id='UCAP-CONTENT'><p>国办发〔2024〕5号</p>{BODY}<p>国务院办公厅</p><p>2024年1月18日</p></div></body></html>")
    doc = parse_page(page.encode(), "https://www.gov.cn/zhengce/content/202401/content_6929011.htm", fetched_at=FETCHED)
    assert doc.kind == "policy" and doc.policy.issuers == ["国务院办公厅"]


def test_document_library_page_with_its_body_in_zoom():
    page = (f"<html><head><title>通知_国务院部门文件_中国政府网</title></head><body>{HEADER_TABLE}"
            f"<div class='wrap'><div id='zoom'>{BODY}</div></div><div class='footer'>版权所有：中国政府网</div>"
            "</body></html>").encode()
    doc = parse_page(page, "https://www.gov.cn/zhengce/zhengceku/202408/content_6966934.htm", fetched_at=FETCHED)
    assert doc.drift == [] and doc.text.startswith("各省") and "版权" not in doc.text and doc.title == TITLE
