"""The generic path's title rule and its combination with trafilatura."""

from __future__ import annotations

import pytest

from parsers.combine import choose_body, confirmed_span
from parsers.generic import extract_title
from parsers.html import build_tree


@pytest.mark.parametrize("html,title", [
    # an h1 with a widget glued on; <title> cuts it where its site suffix starts
    ("<title>丁俊晖身价过亿，住英国富人区_【快资讯】</title><h1>丁俊晖身价过亿，住英国富人区播报文章</h1>", "丁俊晖身价过亿，住英国富人区"),
    # the site name in one h1, the article in another
    ("<title>对于Docker的一点使用经验 - 好看的hk - 博客园</title><h1>好看的hk</h1><h1>对于Docker的一点使用经验</h1>",
     "对于Docker的一点使用经验"),
    # an em dash in the heading, a hyphen in <title>
    ("<title>动能增强-前4个月外贸向好-今日头条</title><h1>动能增强——前4个月外贸向好</h1>", "动能增强——前4个月外贸向好"),
    # no heading: <title> without the site name, also after a bare dash
    ("<title>静夜思•夜-中国诗歌网</title><p>正文</p>", "静夜思•夜"),
    # og:title that repeats <title> with its suffix
    ('<title>全国CPI同比上涨0.3%_数据_财经网</title><meta property="og:title" content="全国CPI同比上涨0.3%_数据_财经网">',
     "全国CPI同比上涨0.3%"),
    # the only h1 is the site name: it is not the title
    ("<title>广东发布未来产业行动方案_南方网</title><h1>南方网</h1><div class='article-title'>广东发布未来产业行动方案</div>",
     "广东发布未来产业行动方案"),
])
def test_generic_title(html, title):
    assert extract_title(build_tree(f"<html><head>{html.split('</title>')[0]}</title></head>"
                                    f"<body>{html.split('</title>', 1)[1]}</body></html>")) == title


ARTICLE = ["近日，广东省印发行动方案，提出培育发展未来产业。", "方案明确，到2027年建成一批未来产业先导区。",
           "图为低空经济展示现场。", "业内人士表示，政策将加快新技术的应用落地。"]


def test_agreeing_extractions_keep_ours_cut_to_the_confirmed_span():
    ours = ["+关注", "89", "环球时报新媒体"] + ARTICLE + ["举报", "网友甲：说得好，支持一下！"]
    theirs = [ARTICLE[0], ARTICLE[1], ARTICLE[3]]  # trafilatura dropped the caption
    lines, how = choose_body(ours, theirs)
    assert lines == ARTICLE and how == "trimmed"  # caption inside the span kept, widgets and comment cut


def test_disagreeing_extractions_pick_the_more_prose_like():
    menu = ["首页", "新闻", "财经", "科技", "体育", "娱乐"]
    assert choose_body(menu, ARTICLE) == (ARTICLE, "theirs")
    assert choose_body(ARTICLE, menu) == (ARTICLE, "ours")


def test_one_side_empty():
    assert choose_body([], ARTICLE) == (ARTICLE, "theirs-only")
    assert choose_body(ARTICLE, []) == (ARTICLE, "ours-only")
    assert confirmed_span(ARTICLE, {}) == ARTICLE


def test_a_teaser_list_after_the_article_is_cut():
    from parsers.clean import clean_lines

    lines = ARTICLE + ["首页 | 上一页 1 下一页 | 尾页", "山东日照：小蓝莓助力农业发展",
                       "5月22日，在山东省日照市东港区陈疃镇蓝莓产学研基地，农户在采摘蓝莓...【详细】",
                       "河南山东等地小麦陆续开镰收割", "近日，河南、山东等地小麦进入成熟期，陆续开镰收割。【详细】"]
    assert clean_lines(lines) == ARTICLE
    one = ARTICLE + ["更多报道见专题页面【详细】"]
    assert clean_lines(one) == one  # a single teaser-like line is not a list


def test_the_body_is_not_a_more_stories_module_beside_the_article():
    from parsers.generic import V1
    from parsers.base import Page
    from datetime import datetime

    stories = "".join(f"<li><p>（法新社巴黎{i}日電）網球名將今天現身球場練球，今年參賽與否，大會抽籤時即可揭曉，消息引人關注。</p></li>"
                      for i in range(12))
    html = (f"<html><head><title>義大利公開賽 茲韋列夫封王</title></head><body><div class='main-col'>"
            f"<h1>義大利公開賽 茲韋列夫封王</h1><div class='caas-body'>{''.join(f'<p>{x}</p>' for x in ARTICLE)}</div>"
            f"<div class='module-moreStories'><ul>{stories}</ul></div></div></body></html>")
    doc = V1(Page(url="https://hk.news.example.com/a.html", html=html, tree=build_tree(html),
                  fetched_at=datetime.fromisoformat("2024-05-21T10:00:00+08:00"))).parse()
    assert ARTICLE[0] in doc.text
