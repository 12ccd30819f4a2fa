"""The publish-date resolver: each tier, their order, what is never evidence, and null over a guess."""

from __future__ import annotations

from datetime import datetime

import pytest

from parsers import dates, pubdate
from parsers.html import build_tree

FETCHED = datetime.fromisoformat("2024-10-20T12:00:00+08:00")
TITLE = "广东发布未来产业行动方案"


def resolve(body: str, *, head: str = "", url: str = "https://news.example.cn/a/123.html", title: str = TITLE):
    html = f"<html><head>{head}</head><body>{body}</body></html>"
    return pubdate.resolve_published_at(html, build_tree(html), url, fetched_at=FETCHED, title=title)


def article(info: str = "", extra: str = "") -> str:
    return (f"<h1>{TITLE}</h1><div class='info'>{info}</div>"
            "<div class='content'><p>近日，广东省印发行动方案，提出培育发展未来产业。</p></div>" + extra)


def test_json_ld_beats_a_labelled_line_and_the_url():
    found = resolve(article("发布时间：2024-10-02 09:00"), url="https://x.cn/2024/0901/a.html",
                    head='<script type="application/ld+json">{"@graph": [{"datePublished": "2024-10-03T08:00:00+08:00"}]}</script>')
    assert (found.tier, found.value.date().isoformat()) == ("structured", "2024-10-03")


def test_government_pubdate_meta_is_structured_evidence():
    found = resolve(article("2024-10-02"), head='<meta name="PubDate" content="2024-10-05 16:11">')
    assert found.tier == "structured" and found.value == datetime(2024, 10, 5, 16, 11, tzinfo=dates.SHANGHAI)


def test_labelled_line_near_the_title_beats_the_url():
    found = resolve(article("来源：南方日报　2024-10-02 09:30"), url="https://x.cn/2024/0901/a.html")
    assert found.tier == "labelled" and found.value == datetime(2024, 10, 2, 9, 30, tzinfo=dates.SHANGHAI)


def test_url_date_when_the_page_prints_none():
    found = resolve(article(), url="https://www.example.cn/gj/202405/t20240520_15263156.htm")
    assert (found.tier, found.value.date().isoformat()) == ("url", "2024-05-20")


def test_body_dateline_is_the_last_resort():
    found = resolve(f"<h1>{TITLE}</h1><p>2024-09-30</p><p>正文第一段，说明情况。</p>")
    assert (found.tier, found.value.date().isoformat()) == ("body", "2024-09-30")


@pytest.mark.parametrize("container", ["<div class='comment-list'>网友 2024-10-11 15:00 说得好</div>",
                                       "<ul class='related'><li>旧闻 2023-01-05 12:00</li></ul>",
                                       "<footer>版权所有 2024-01-01 12:00</footer>",
                                       "<div class='copyright'>2019-2024 Copyright 发布时间：2024-01-01</div>"])
def test_comments_related_lists_and_footers_are_never_evidence(container):
    assert resolve(article(extra=container)) is None


def test_a_date_inside_a_sentence_is_not_a_publish_date():
    assert resolve(f"<h1>{TITLE}</h1><p>方案提出，到2025年12月31日，建成一批未来产业先导区。</p>") is None


def test_no_title_on_the_page_means_no_body_guess():
    assert resolve("<p>2024-09-30</p><p>正文。</p>", title="") is None


def test_chinese_numerals_in_a_labelled_line():
    found = resolve(article("发布日期：二〇二四年十月八日"))
    assert found.value.date().isoformat() == "2024-10-08"


def test_month_day_takes_its_year_from_the_fetch():
    found = resolve(article("发布时间：10月8日 14:20"))
    assert found.value == datetime(2024, 10, 8, 14, 20, tzinfo=dates.SHANGHAI)
    late = pubdate.resolve_published_at(  # printed 12月30日, fetched in January: last year
        f"<body><h1>{TITLE}</h1><p>发布时间：12月30日</p></body>", build_tree(f"<body><h1>{TITLE}</h1><p>发布时间：12月30日</p></body>"),
        "https://x.cn/a", fetched_at=datetime.fromisoformat("2025-01-02T09:00:00+08:00"), title=TITLE)
    assert late.value.date().isoformat() == "2024-12-30"


def test_times_without_offset_are_shanghai_and_offsets_are_kept():
    local = resolve(article(), head='<meta property="article:published_time" content="2024-10-02 09:30">')
    assert local.value.utcoffset().total_seconds() == 8 * 3600
    utc = resolve(article(), head='<meta property="article:published_time" content="2024-10-02T01:30:00Z">')
    assert utc.value == datetime(2024, 10, 2, 9, 30, tzinfo=dates.SHANGHAI)


def test_dates_after_the_fetch_and_generation_stamps_are_refused():
    assert resolve(article(), head='<meta name="publishdate" content="2031-01-01">') is None
    assert resolve(article("页面生成时间：2024-10-19 10:00")) is None


def test_weixin_script_variable_is_read():
    found = resolve(article(), head='<script>var ct = "1696000000"; var publish_time = "2023-10-18" || "";</script>')
    assert found.detail == "script:publish_time" and found.value.date().isoformat() == "2023-10-18"


def test_a_labelled_line_beats_script_state():
    found = resolve(article("发布时间：2024-10-02 09:30"),
                    head='<script>window.__STATE__={"related":[{"pubTime":"2024-09-01 10:00"}]}</script>')
    assert found.tier == "labelled" and found.value.date().isoformat() == "2024-10-02"


def test_a_date_line_just_above_the_title_counts():
    found = resolve(f"<div class='meta'>2024-10-02 09:30 来源：新华社</div><h1>{TITLE}</h1><p>正文第一段，说明情况。</p>")
    assert found.tier == "labelled" and found.value.date().isoformat() == "2024-10-02"


def test_the_page_heading_locates_the_date_line_when_the_given_title_is_not_on_the_page():
    found = resolve(f"<h1>{TITLE}</h1><div>2024-10-02 09:30 来源：新华社</div><p>正文。</p>", title="某某网站首页")
    assert found.tier == "labelled" and found.value.date().isoformat() == "2024-10-02"


@pytest.mark.parametrize("line,expected", [
    ("發佈時間：2024年10月02日 09:30", "2024-10-02T09:30:00+08:00"),  # Traditional labels
    ("來源：大公網　時間：2024-10-02 09:30", "2024-10-02T09:30:00+08:00"),
    ("发布时间：3小时前", "2024-10-20T09:00:00+08:00"),  # relative to the fetch (12:00)
    ("发布于 昨天 18:05", "2024-10-19T18:05:00+08:00"),
    ("作者：张三 2天前", "2024-10-18T12:00:00+08:00"),
])
def test_traditional_labels_and_relative_times(line, expected):
    assert resolve(article(line)).value.isoformat() == expected


def test_traditional_update_stamp_is_not_a_publish_date():
    assert resolve(article("更新時間：2024-10-19 10:00")) is None


def test_a_relative_time_that_is_no_time_of_day_leaves_the_lower_tiers_their_turn():
    """今天 24:30 raised out of the resolver (hour must be in 0..23): the page lost its date, the URL's too."""
    found = resolve(article("发布时间：今天 24:30"), url="https://x.cn/2024/1019/a.html")
    assert (found.tier, found.value.date().isoformat()) == ("url", "2024-10-19")
