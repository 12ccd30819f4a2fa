"""Dates, encodings, policy metadata, cleaning, the registry's import-time checks and bad input."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from parsers import clean, dates, policy
from parsers.api import MAX_PAGE_BYTES, parse_page
from parsers.base import SiteParser
from parsers.dedup import canonical_url, change_summary
from futurewatch.core.encoding import decode_html
from parsers.registry import Publisher, RegistryError, build_index, publisher_for_url

REF = datetime(2024, 3, 1, 12, 0, tzinfo=dates.SHANGHAI)


@pytest.mark.parametrize("raw,expected", [
    ("2024-02-09", "2024-02-09T00:00:00+08:00"),
    ("2024/2/9 14:29", "2024-02-09T14:29:00+08:00"),
    ("2024年2月9日", "2024-02-09T00:00:00+08:00"),
    ("二〇二四年二月九日", "2024-02-09T00:00:00+08:00"),
    ("二〇二四年十二月二十九日", "2024-12-29T00:00:00+08:00"),
    ("2024-02-09-14:29:00", "2024-02-09T14:29:00+08:00"),
    ("1707460140000", "2024-02-09T14:29:00+08:00"),
    ("2/9", "2024-02-09T00:00:00+08:00"),
    ("12/30", "2023-12-30T00:00:00+08:00"),
    ("11:29", "2024-03-01T11:29:00+08:00"),
    ("12:50", "2024-03-01T12:50:00+08:00"),  # a site clock a little ahead of ours
    ("14:29", "2024-02-29T14:29:00+08:00"),  # never in the future of the fetch: the day before's
    ("2024-02-09T06:29:00Z", "2024-02-09T14:29:00+08:00"),
    ("2019年01月19日 10:00　来源：中国新闻网", "2019-01-19T10:00:00+08:00"),
])
def test_parse_date_forms(raw, expected):
    assert dates.parse_date(raw, ref=REF).isoformat() == expected


@pytest.mark.parametrize("raw", [
    "2024-02-09 06:29:00+00:00", "2024-02-09 06:29:00Z", "2024-02-09T06:29:00 +0000", "2024-02-09 06:29:00+00",
    "2024-02-09 06:29 UTC", "2024-02-09T06:29:00GMT", "2024/02/09 01:29:00 GMT-5", "2024-02-09 15:29:00 GMT+9",
    "Fri, 09 Feb 2024 06:29:00 GMT", "发布时间：2024-02-09 06:29（UTC）",
])
def test_a_stated_time_zone_is_kept(raw):
    """The same instant, 14:29 in Shanghai, whichever way the value states its zone (a time range is none)."""
    assert dates.parse_date(raw, ref=REF).isoformat() == "2024-02-09T14:29:00+08:00"
    assert dates.parse_date("2024-02-09 10:00-12:00", ref=REF).isoformat() == "2024-02-09T10:00:00+08:00"


@pytest.mark.parametrize("hints,expected", [
    ({"list_time": "23:58"}, "2024-03-01T23:58:00+08:00"),  # seen 00:00:05: yesterday's, not tonight's
    ({"list_time": "10:00", "archive_date": "2024-02-27"}, "2024-02-27T10:00:00+08:00"),  # a backfilled roll's day
    ({"list_time": "2/9", "archive_date": "2024-02-27"}, "2024-02-09T00:00:00+08:00"),
    ({"list_time": "25:61"}, None),  # no time of day: no date, and no error
])
def test_a_list_time_is_read_on_the_day_that_listed_it(hints, expected):
    """A page without a date of its own takes its list's HH:mm on the listing's day (the archive a backfill
    read), never a day after the fetch; it was put on the fetch day, and an impossible clock raised."""
    html = ("<html><head><title>未来产业发布会</title></head><body><h1>未来产业发布会</h1>"
            + "<p>广东省工信厅联合省科技厅等部门举行五大未来产业新闻发布会，会上透露了发展目标与重点方向。</p>" * 3
            + "</body></html>")
    fetched = datetime(2024, 3, 2, 0, 0, 5, tzinfo=dates.SHANGHAI)
    for url in ("https://example.org/a/b.html", "https://www.c114.com.cn/news/16/a9000001.html"):
        doc = parse_page(html.encode(), url, fetched_at=fetched, hints=hints)
        assert (doc.published_at.isoformat() if doc.published_at else None) == expected, url


@pytest.mark.parametrize("hints", [{"list_time": "07:00"}, {"list_time": "07:00", "archive_date": "2024-03-02"}])
def test_a_list_time_is_read_on_china_s_day_whatever_the_fetch_time_s_zone(hints):
    """Fetched 23:30 UTC on 03-01, which is 07:30 on 03-02 in China (the stored fetched_at is UTC): a list's
    07:00 is that morning in China, not 03-01 (the UTC day), and not the day before (it is no later than the fetch)."""
    html = ("<html><head><title>未来产业发布会</title></head><body><h1>未来产业发布会</h1>"
            + "<p>广东省工信厅联合省科技厅等部门举行五大未来产业新闻发布会，会上透露了发展目标与重点方向。</p>" * 3
            + "</body></html>")
    fetched = datetime(2024, 3, 1, 23, 30, tzinfo=timezone.utc)
    doc = parse_page(html.encode(), "https://example.org/a/b.html", fetched_at=fetched, hints=hints)
    assert doc.published_at.isoformat() == "2024-03-02T07:00:00+08:00"


@pytest.mark.parametrize("raw", ["2024-02-09 09:00:00-11:00", "2024年2月9日 09:00:00-11:30", "2024-02-09 09:00:00 -11:00",
                                 "2024-02-09 09:00-11:00", "2024-02-09 09:00:00-11:00:00"])
def test_a_time_range_is_no_zone(raw):
    """09:00:00-11:00 is nine to eleven in Shanghai, not nine at UTC-11 (04:00 the next day)."""
    assert dates.parse_date(raw, ref=REF).isoformat() == "2024-02-09T09:00:00+08:00"
    assert dates.parse_date("2024-02-09 20:00:00-05:00", ref=REF).isoformat() == "2024-02-10T09:00:00+08:00"


@pytest.mark.parametrize("text", ["发布时间：2024年2月9日 14:29 Z世代消费报告", "2024-02-09 14:29（Z世代专场）",
                                  "2024-02-09 14:29 z", "2024-02-09 14:29:00 Z-Park"])
def test_a_word_after_the_time_is_no_zone(text):
    """In free text only a Z right after the seconds (…:00Z) is UTC: Z世代 (Gen Z) or Z-Park after a time is a word."""
    assert dates.find_date(text).isoformat() == "2024-02-09T14:29:00+08:00"
    assert dates.find_date("2024-02-09 06:29:00Z，来源：新华社").isoformat() == "2024-02-09T14:29:00+08:00"


def test_published_at_in_utc_from_meta_and_date_line():
    text = "<p>广东省工信厅联合省科技厅等部门举行五大未来产业新闻发布会，会上透露了发展目标与重点方向。</p>" * 3
    for head, line in (('<meta property="article:published_time" content="2024-02-09 06:29:00+00:00">', ""),
                       ("", "<div>发布时间：2024-02-09 06:29 UTC</div>")):
        html = f"<html><head>{head}<title>未来产业发布会</title></head><body><h1>未来产业发布会</h1>{line}{text}</body></html>"
        doc = parse_page(html.encode(), "https://example.org/a/1.html", fetched_at=REF)
        assert doc.published_at.isoformat() == "2024-02-09T14:29:00+08:00"


def test_not_a_date():
    assert dates.parse_date("第十二届", ref=REF) is None
    assert dates.parse_date("2024-13-45") is None


def test_generation_stamp_never_a_publication_date():
    html = ('<html><head><meta name="others" content="页面生成时间 2026-11-20 03:15:44"></head><body>'
            '<div class="a"><p>页面生成时间 2026-11-20 03:15:44</p><p>正文，内容，很长。</p></div></body></html>')
    doc = parse_page(html.encode(), "https://example.org/x.html", fetched_at=REF)
    assert doc.published_at is None or doc.published_at.year != 2026


@pytest.mark.parametrize("label", ["utf-8", "gb2312", None])
def test_gbk_bytes_decode_whatever_the_label(label):
    text = "广东前瞻布局量子科技，争创国家级未来产业先导区。"
    head = f'<meta charset="{label}">' if label else ""
    body = f"<html><head>{head}</head><body><p>{text}</p></body></html>"
    assert text in decode_html(body.encode("gbk")).text
    assert text in decode_html(body.encode("utf-8")).text  # UTF-8 labelled gb2312 also reads right


@pytest.mark.parametrize("encoding,label", [("big5", "utf-8"), ("big5", None), ("gbk", "big5"), ("gb18030", "big5")])
@pytest.mark.parametrize("in_header", [False, True])
def test_gbk_and_big5_pages_read_right_whatever_they_claim(encoding, label, in_header):
    """Big5 bytes are valid GBK and GB2312 bytes valid Big5: the legacy charset that reads as Chinese wins."""
    text = {"big5": "香港特區政府公布新一輪創新科技發展藍圖，將投入資金支持人工智能與生命健康產業的發展。"}.get(
        encoding, "广东省工信厅联合省科技厅等部门举行五大未来产业新闻发布会，会上透露了发展目标。")
    head = f'<meta charset="{label}">' if label and not in_header else ""
    body = f"<html><head>{head}<title>{text[:12]}</title></head><body><div><p>{text}</p></div></body></html>"
    doc = parse_page(body.encode(encoding), "https://example.org/a/1.html", fetched_at=REF,
                     header_charset=label if in_header else None)
    assert text in doc.text and doc.lang == ("zh-Hant" if encoding == "big5" else "zh-Hans")


@pytest.mark.parametrize("raw,expected", [
    ("粤工信电子〔2024〕2号", "粤工信电子〔2024〕2号"), ("国发[2024]1号", "国发〔2024〕1号"),
    ("工信部联科（2024）12 号", "工信部联科〔2024〕12号"), ("国办函【2024】第5号", "国办函〔2024〕5号"),
    ("国发(2024)1号", "国发〔2024〕1号"), ("粤府〔二〇二四〕12号", "粤府〔2024〕12号"),
    ("國發（二零二四）第十二號", "国发〔2024〕12号"), ("国办函〔二○二三〕一〇五号", "国办函〔2023〕105号"),
    ("国发〔２０２４〕０５号", "国发〔2024〕5号"), ("國務院令第７０８號", "国务院令第708号"),
    ("国发〔2024〕一百零五号", "国发〔2024〕105号"), ("粤府〔二零二四〕第一百二十号", "粤府〔2024〕120号"),
    ("国办发〔2020〕两号", "国办发〔2020〕2号"), ("国发【２０２４】第３号", "国发〔2024〕3号"),
])
def test_doc_number_brackets_normalised(raw, expected):
    assert policy.normalize_doc_number(raw) == expected


def test_policy_pairs_joint_issuers_and_validity():
    meta = policy.build_policy_meta({"发文机关：": "工业和信息化部、教育部 科学技术部", "成文日期": "2024年01月18日",
                                     "有效性": "已废止", "发文字号": "工信部联科[2024]12号"})
    assert meta.issuers == ["工业和信息化部", "教育部", "科学技术部"]
    assert meta.written_at == date(2024, 1, 18)
    assert meta.validity == "abolished"
    assert meta.doc_number == "工信部联科〔2024〕12号"
    assert policy.map_validity("失效") == "expired" and policy.map_validity("已修订") == "amended"


@pytest.mark.parametrize("printed", ["尚未生效", "未生效", "待生效", "尚未施行", "未施行"])
def test_validity_not_yet_in_force_has_its_own_code(printed):
    assert policy.map_validity(printed) == "not_yet_in_force"


@pytest.mark.parametrize("printed", ["未失效", "未废止", "未過期", "尚未废止"])
def test_a_negated_end_word_is_in_force(printed):
    """未失效 says the policy is in force: it must not read as 失效 (expired) in v_policy_documents."""
    assert policy.map_validity(printed) == "in_force"


def test_doc_number_with_a_chinese_numeral_year_found_in_text():
    assert policy.find_doc_number("各市人民政府：\n粤府〔二〇二四〕12号\n现将方案印发给你们。") == "粤府〔2024〕12号"
    assert policy.find_doc_number("各省人民政府：\n国办发〔二〇二〇〕一百零五号\n现将意见印发给你们。") == "国办发〔2020〕105号"


def test_spam_cut_out_of_sentences_and_boilerplate_dropped():
    lines = ["推进万博体育网址官网app下载面向智能终端的研发。", "网站标识码bm01000001", "京ICP备05070218号",
             "分享到：", "全民健身体育平台建设稳步推进。"]
    assert clean.clean_lines(lines) == ["推进面向智能终端的研发。", "全民健身体育平台建设稳步推进。"]


def test_registry_rejects_duplicates_and_malformed_entries():
    class P(SiteParser):
        source_id = "x"

    class Old(SiteParser):
        source_id = "x"
        VALID_UNTIL = date(2020, 1, 1)

    good = Publisher("x", "X", ("x.example",), (P,))
    with pytest.raises(RegistryError):
        build_index((good, good))
    with pytest.raises(RegistryError):
        build_index((good, Publisher("y", "Y", ("x.example",), (P,))))
    with pytest.raises(RegistryError):
        build_index((Publisher("y", "Y", ("y.example",), (P,)),))  # source_id mismatch
    with pytest.raises(RegistryError):
        build_index((Publisher("x", "X", ("x.example",), (P, Old)),))  # newest must not expire
    build_index((Publisher("x", "X", ("x.example",), (Old, P)),))


def test_host_lookup():
    assert publisher_for_url("http://gdii.gd.gov.cn/a").source_id == "gd_gov"
    assert publisher_for_url("https://www.miit.gov.cn/a").source_id == "miit"
    assert publisher_for_url("https://www.gov.cn/a").source_id == "govcn"
    assert publisher_for_url("https://www.beijing.gov.cn/a") is None


@pytest.mark.parametrize("body,reason", [
    (b"", "empty"), (b"   \n", "empty"), (b"%PDF-1.7\x00\x01binary", "binary"),
    (b"\x00\x01\x02\x03" * 100, "binary"),
    (b"<html><head><script>var a=1;</script></head><body><script>go()</script></body></html>", "no body"),
])
def test_bad_input_gives_flagged_empty_document(body, reason):
    doc = parse_page(body, "https://example.org/a.html", fetched_at=REF)
    assert doc.is_empty and reason in doc.error and doc.text == ""


def test_oversized_page_is_refused_quickly():
    body = b"<html><body>" + b"<p>\xe5\xb9\xbf</p>" * (MAX_PAGE_BYTES // 8 + 10) + b"</body></html>"
    doc = parse_page(body, "https://example.org/big.html", fetched_at=REF)
    assert doc.is_empty and "too large" in doc.error


def test_canonical_url_and_change_summary():
    assert canonical_url("HTTP://Www.Example.org:80/a/index.html?utm_source=x&b=2&a=1#top") == "https://www.example.org/a/?a=1&b=2"
    summary = change_summary("甲\n乙\n丙", "甲\n乙改\n丙\n丁")
    assert summary == {"added": ["乙改", "丁"], "removed": ["乙"]}


def test_time_limit_gives_flagged_empty_document(monkeypatch):
    from parsers import api

    monkeypatch.setattr(api, "PAGE_TIME_LIMIT", 1e-6)
    body = ("<html><body>" + "<div><p>广东培育发展未来产业，建设现代化产业体系。</p></div>" * 3000 + "</body></html>").encode()
    doc = parse_page(body, "https://example.org/slow.html", fetched_at=REF)
    assert doc.is_empty and "longer than" in doc.error


def test_list_api_hints_fill_what_the_page_lacks():
    html = ('<html><head><meta charset="utf-8"></head><body><h1 id="ti">关于印发某某办法的通知</h1>'
            '<div id="UCAP-CONTENT"><p>各有关单位：现将办法印发给你们，请认真贯彻执行。</p></div></body></html>')
    hints = {"pcode": "工信部规[2024]3号", "puborg": "工业和信息化部、国家发展改革委", "list_time": "2/9"}
    doc = parse_page(html.encode(), "https://www.gov.cn/zhengce/zhengceku/202402/content_6930001.htm",
                     fetched_at=REF, hints=hints)
    assert doc.policy.doc_number == "工信部规〔2024〕3号"
    assert doc.policy.issuers == ["工业和信息化部", "国家发展和改革委员会"]  # full names (parsers.institutions)
    assert doc.published_at.date() == date(2024, 2, 9)  # year inferred from the fetch time
    assert doc.kind == "policy" and doc.doc_key == "govcn:6930001"


@pytest.mark.parametrize("text,encoding,label", [("臺灣", "big5", None), ("臺北市信義區", "big5", None),
                                                ("深圳", "gbk", "big5"), ("广州", "gbk", "big5"),
                                                ("会议", "gbk", "big5")])
def test_a_page_of_a_few_rare_han_characters_reads_right(text, encoding, label):
    """None of these is among the 100 commonest characters, so the commonest-character share ties at 0 for the
    right and the wrong reading: the share of GB2312's 3755 first-level characters decides (mojibake is made of
    kana, private-use and second-level characters)."""
    head = f'<meta charset="{label}">' if label else ""
    body = f"<html><head>{head}<title>{text}</title></head><body><p>{text}</p></body></html>".encode(encoding)
    assert f"<p>{text}</p>" in decode_html(body).text


KOREAN = ("산업통상자원부는 오늘 인공지능, 반도체, 이차전지, 바이오 등 미래 첨단산업을 육성하기 위한 새로운 지원 정책을 "
          "발표했습니다. 정부는 연구개발 투자를 확대하고 지역 혁신 클러스터를 조성할 계획이라고 밝혔습니다.")


@pytest.mark.parametrize("in_header", [False, True])
def test_a_korean_page_in_its_declared_charset_reads_right(in_header):
    """EUC-KR Hangul is valid GB2312 too: a Korean page has no Han characters to score, so the GB reading won
    the commonest-character contest with its few common ones. A declared charset that is not Chinese is kept."""
    head = "" if in_header else '<meta charset="euc-kr">'
    body = f"<html><head>{head}<title>보도자료</title></head><body><p>{KOREAN}</p></body></html>".encode("euc-kr")
    decoded = decode_html(body, "euc-kr" if in_header else None)
    assert KOREAN in decoded.text and decoded.encoding == "euc_kr"


JAPANESE = ("経済産業省は本日、量子コンピューターや生成人工知能などの先端分野で研究開発を進めるための新しい支援策を"
            "発表しました。政府は今後五年間で大学と企業の連携を強化する方針です。")


@pytest.mark.parametrize("text,encoding", [(JAPANESE, "shift_jis"), (JAPANESE, "euc_jp"), (KOREAN, "euc_kr")])
@pytest.mark.parametrize("label", ["gb2312", None])
def test_a_japanese_or_korean_page_labelled_gb2312_or_not_at_all_reads_right(text, encoding, label):
    """Shift_JIS, EUC-JP and EUC-KR bytes decode without error as gb18030, into rare Han characters (hardly any
    among the 100 commonest): such a reading is no Chinese, and the Korean or Japanese one is taken."""
    head = f'<meta charset="{label}">' if label else ""
    body = f"<html><head>{head}<title>{text[:8]}</title></head><body><p>{text}</p></body></html>".encode(encoding)
    assert f"<p>{text}</p>" in decode_html(body).text


@pytest.mark.parametrize("title", ["广东", "鑫源", "量子科技", "广东省未来产业政策"])
@pytest.mark.parametrize("markup_lines", [20, 400])
def test_a_mostly_ascii_gbk_page_labelled_utf8_keeps_its_few_chinese_characters(title, markup_lines):
    """A few GBK characters among kilobytes of ASCII markup are within the stray bytes a UTF-8 page may
    have (≤ 1 per 2000 characters): they were read as U+FFFD. The lossless gb18030 reading competes."""
    rows = '<div class="row"><a href="/list/1.html">more</a></div>\n' * markup_lines
    body = f'<html><head><meta charset="utf-8"><title>{title}</title></head><body>{rows}</body></html>'
    decoded = decode_html(body.encode("gbk"))
    assert f"<title>{title}</title>" in decoded.text and "\ufffd" not in decoded.text


def test_a_utf8_page_with_a_stray_byte_stays_utf8():
    text = "广东前瞻布局量子科技，争创国家级未来产业先导区。" * 20
    body = f'<html><head><meta charset="gb2312"></head><body><p>{text}</p>\xa9 2024</body></html>'.encode("utf-8")
    body = body.replace("\xa9".encode("utf-8"), b"\xa9")  # one latin-1 byte
    decoded = decode_html(body)
    assert decoded.encoding == "utf-8" and text in decoded.text


NAMES = "张伟 王芳 李娜 刘洋 陈静 杨勇 赵磊 黄敏 周杰 吴霞 徐涛 孙丽 马超 朱琳 胡斌 郭峰 何洁 林霖 罗琦 梁栋"


@pytest.mark.parametrize("label", ["gb2312", "utf-8", None])
def test_a_gbk_list_of_names_without_common_characters_stays_chinese(label):
    """A name list (公示名单) has no character among the 100 commonest, like mojibake; charset-normalizer
    reads its GBK bytes as cp949, Hangul and Han mixed. That is no Korean: the gb18030 reading stays."""
    head = f'<meta charset="{label}">' if label else ""
    body = f"<html><head>{head}<title>Names</title></head><body><p>{NAMES}</p></body></html>".encode("gbk")
    assert f"<p>{NAMES}</p>" in decode_html(body).text
