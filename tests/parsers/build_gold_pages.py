"""Build tests/fixtures/gold_pages/: Chinese pages in many real-world layouts, with gold text and date.

Layouts imitate families of sites the parsers were NOT written for (old government table
sites, Discuz forums, WordPress blogs, portals, WeChat articles, Baijiahao, university
news, Traditional-Chinese HK papers …) plus pages in our own sources' documented markup.
Gold = the passage placed as the article body and the date printed as its publication date.
Run: .venv/bin/python -m tests.parsers.build_gold_pages
"""

from __future__ import annotations

import json
import random
from datetime import datetime, timedelta
from html import escape
from pathlib import Path

from tests.parsers.gold_texts import NOISE_SENTENCES, passages

OUT = Path(__file__).resolve().parents[1] / "fixtures" / "gold_pages"
NAV = ["首页", "新闻", "财经", "科技", "体育", "娱乐", "汽车", "房产", "教育", "健康", "视频", "图片"]
HOT = ["全市重点项目集中开工", "春运返程高峰到来", "多地出台稳就业新举措", "这些新规下月起施行", "博物馆夜场开放",
       "高校毕业生规模再创新高", "夏粮收购工作全面展开", "城市更新行动提速"]


def links(rng, n=8, words=NAV, sep=""):
    return sep.join(f'<a href="/c/{rng.randint(1, 999)}.html">{w}</a>' for w in rng.sample(words, min(n, len(words))))


def hot_list(rng, dated=None):
    items = []
    for w in rng.sample(HOT, 5):
        stamp = f"<span>{(dated + timedelta(days=rng.randint(1, 40))).strftime('%m-%d')}</span>" if dated else ""
        items.append(f'<li><a href="/n/{rng.randint(1000, 9999)}.html">{w}</a>{stamp}</li>')
    return "<ul>" + "".join(items) + "</ul>"


def comments(rng, n=3):
    return "".join(f'<div class="comment-item"><span class="user">网友{rng.randint(100, 999)}</span><p>{s}</p></div>'
                   for s in rng.sample(NOISE_SENTENCES[:5], n))


def P(paras, tag="p", indent=True):
    pre = "　　" if indent else ""
    return "".join(f"<{tag}>{pre}{escape(p)}</{tag}>" for p in paras)


def old_table_gov(t, ps, d, rng):
    body = "<br><br>".join("&nbsp;&nbsp;&nbsp;&nbsp;" + escape(p) for p in ps)
    return f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>{t}</title></head>
<body><table width="980" align="center"><tr><td><img src="/images/banner.jpg"></td></tr>
<tr><td class="nav">{links(rng, 8, sep=" | ")}</td></tr></table>
<table width="980" align="center"><tr><td width="220" valign="top"><table><tr><td class="lm">通知公告</td></tr>
<tr><td>{hot_list(rng, d)}</td></tr></table></td>
<td valign="top"><table width="100%"><tr><td align="center" class="title"><b>{t}</b></td></tr>
<tr><td align="center" class="time">发布日期：{d:%Y-%m-%d}&nbsp;&nbsp;来源：本站&nbsp;&nbsp;浏览次数：<script>document.write(312)</script></td></tr>
<tr><td class="font14">{body}</td></tr><tr><td align="right">【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</td></tr></table></td></tr></table>
<table width="980" align="center"><tr><td align="center">主办单位：某某县人民政府办公室　承办：县信息中心<br>网站标识码：4400000099　粤ICP备06012345号<br>页面生成时间：{(d + timedelta(days=700)):%Y-%m-%d %H:%M:%S}</td></tr></table></body></html>"""


def discuz(t, ps, d, rng):
    reply = lambda i, s: f"""<table class="plhin" id="pid{i}"><tr><td class="pls"><div class="authi">网友{rng.randint(10, 99)}</div><p>积分：{rng.randint(10, 900)}</p></td>
<td class="plc"><div class="authi"><em>发表于 {(d + timedelta(hours=i)):%Y-%m-%d %H:%M}</em></div><div class="t_fsz"><table><tr><td class="t_f" id="postmessage_{i}">{s}</td></tr></table></div></td></tr></table>"""
    first = "<br />\r\n".join(escape(p) for p in ps)
    replies = "".join(reply(i + 2, s) for i, s in enumerate(rng.sample(NOISE_SENTENCES[:5], 3)))
    return f"""<html><head><meta charset="utf-8"><title>{t} - 生活闲聊 - 某某论坛 - Powered by Discuz!</title></head><body>
<div id="hd"><div class="nav">{links(rng, 6)}</div></div><div id="pt" class="bm">论坛 › 生活闲聊 › 查看内容</div>
<div id="postlist"><table><tr><td class="pls">查看: {rng.randint(100, 9000)}</td><td class="plc"><h1 class="ts"><span id="thread_subject">{t}</span></h1></td></tr></table>
<table class="plhin" id="pid1"><tr><td class="pls"><div class="authi">楼主</div></td><td class="plc"><div class="authi"><em id="authorposton1">发表于 {d:%Y-%m-%d %H:%M}</em></div>
<div class="t_fsz"><table><tr><td class="t_f" id="postmessage_1">{first}</td></tr></table></div><div class="sign">签名：生活就是这样，平平淡淡才是真。</div></td></tr></table>{replies}</div>
<div id="ft">Powered by Discuz! X3.4 © 2001-2024 Comsenz Inc. 粤ICP备12345678号</div></body></html>"""


def wordpress(t, ps, d, rng):
    return f"""<!DOCTYPE html><html lang="zh-CN"><head><meta charset="UTF-8"><title>{t} – 某某的博客</title>
<meta property="og:type" content="article"></head><body class="single"><header class="site-header"><p class="site-title">某某的博客</p><nav>{links(rng, 5)}</nav></header>
<main><article class="post type-post"><header class="entry-header"><h1 class="entry-title">{t}</h1>
<div class="entry-meta"><time class="entry-date published" datetime="{d.isoformat()}">{d:%Y年%m月%d日}</time> 作者：<a href="/author/a">阿木</a></div></header>
<div class="entry-content">{P(ps, indent=False)}</div><footer class="entry-footer">分类：<a href="/c">随笔</a> 标签：<a href="/t">生活</a></footer></article>
<div id="comments" class="comments-area"><h2>3 条评论</h2><ol class="comment-list">{comments(rng)}</ol></div></main>
<aside class="widget-area"><section class="widget"><h2>近期文章</h2>{hot_list(rng)}</section><section class="widget"><h2>归档</h2><ul><li><a href="/2024/03">2024年3月</a></li><li><a href="/2024/02">2024年2月</a></li></ul></section></aside>
<footer class="site-footer">自豪地采用 WordPress　© 2024 某某的博客</footer></body></html>"""


def portal_sina(t, ps, d, rng):
    return f"""<html><head><meta charset="utf-8"><title>{t}_新闻中心_某浪网</title><meta property="article:published_time" content="{d.isoformat()}"></head><body>
<div class="top-nav">{links(rng, 12)}</div><div class="main-content w1240"><h1 class="main-title">{t}</h1>
<div class="top-bar"><div class="date-source"><span class="date">{d:%Y年%m月%d日 %H:%M}</span><a class="source" href="#">中国新闻网</a></div><div class="share">分享到：微博 微信</div></div>
<div class="article" id="article">{P(ps)}<p class="show_author">责任编辑：张三</p></div>
<div class="blk-related"><h3>相关新闻</h3><ul>{"".join(f"<li><a href='/r/{i}'>{s}</a></li>" for i, s in enumerate(rng.sample(NOISE_SENTENCES[6:9], 2)))}</ul></div>
<div class="blk-comment">{comments(rng, 2)}</div></div><div class="right"><h3>排行榜</h3>{hot_list(rng, d)}</div>
<div class="footer">客户服务热线：4000520066 欢迎批评指正 Copyright © 1996-2024 SINA Corporation, All Rights Reserved</div></body></html>"""


def portal_163(t, ps, d, rng):
    return f"""<html><head><meta charset="utf-8"><title>{t}|网易</title><meta name="keywords" content="{t}"></head><body>
<div class="N-nav-channel">{links(rng, 10)}</div><div class="post_main"><h1 class="post_title">{t}</h1>
<div class="post_info">{d:%Y-%m-%d %H:%M:%S}　来源: <a href="#">南方日报</a></div>
<div class="post_body">{P(ps, indent=False)}<p>　</p><div class="post_statement">特别声明：以上内容(如有图片或视频亦包括在内)为自媒体平台“网易号”用户上传并发布，本平台仅提供信息存储服务。</div></div>
<div class="post_author">本文来源：南方日报 责任编辑：李四_NN1234</div></div>
<div class="post_side"><div class="side_rank"><h2>热点排行</h2>{hot_list(rng)}</div><div class="post_recommend">{"".join(f"<p>{s}</p>" for s in NOISE_SENTENCES[6:9])}</div></div>
<div class="N-footer">网易公司版权所有 ©1997-2024 浙B2-20090185</div></body></html>"""


def people(t, ps, d, rng):
    return f"""<html><head><meta charset="gb2312"><title>{t}--时政--人民网</title><meta name="publishdate" content="{d:%Y-%m-%d}"></head><body>
<div class="w1000 nav">{links(rng, 9)}</div><div class="layout rm_txt"><div class="col col-1 fl"><h1>{t}</h1>
<div class="col-1-1 fl">{d:%Y年%m月%d日%H:%M} | 来源：<a href="#">人民网－人民日报</a></div>
<div class="rm_txt_con cf">{P(ps)}<div class="edit cf">(责编：王五、赵六)</div></div>
<div class="box_news"><h2>相关专题</h2>{hot_list(rng)}</div></div><div class="col col-2 fr">{hot_list(rng, d)}</div></div>
<div class="foot">人 民 网 版 权 所 有 ，未 经 书 面 授 权 禁 止 使 用 Copyright © 1997-2024 by www.people.com.cn. all rights reserved</div></body></html>"""


def xinhua(t, ps, d, rng):
    return f"""<html><head><meta charset="utf-8"><title>{t}-新华网</title></head><body><div class="nav">{links(rng, 8)}</div>
<div class="header domPC"><div class="head-line clearfix"><h1><span class="title">{t}</span></h1>
<div class="header-time left"><span class="year"><em> {d:%Y}</em></span><span class="day"><em> {d:%m}</em>/<em>{d:%d}</em></span><span class="time"> {d:%H:%M:%S}</span></div>
<div class="source">来源：新华网</div></div></div><div class="main clearfix"><div class="main-left left"><div id="detail">{P(ps)}</div>
<div id="articleEdit"><span class="tiyi1"><a href="javascript:;">【纠错】</a></span><span class="editor">【责任编辑:陈七】</span></div></div>
<div class="main-right right"><div class="columBox"><div class="col-tit">热点推荐</div>{hot_list(rng)}</div></div></div>
<div class="foot">Copyright © 2000-2024 XINHUANET.com All Rights Reserved. 制作单位：新华网股份有限公司</div></body></html>"""


def weixin(t, ps, d, rng):
    body = "".join(f'<section style="margin:0 8px;"><span style="font-size:15px;letter-spacing:1px;">{escape(p)}</span></section><section><br></section>' for p in ps)
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><meta property="og:title" content="{t}"><title>{t}</title></head><body id="activity-detail">
<div class="rich_media_inner"><h1 class="rich_media_title" id="activity-name">{t}</h1><div id="meta_content" class="rich_media_meta_list">
<span class="rich_media_meta rich_media_meta_nickname" id="profileBt"><a id="js_name">某某发布</a></span><em id="publish_time" class="rich_media_meta rich_media_meta_text"></em></div>
<div class="rich_media_content" id="js_content" style="visibility: hidden;">{body}<p style="text-align:center;"><span>来源：某某发布</span></p><p><span>编辑：小微</span></p></div>
<div class="rich_media_tool">阅读 {rng.randint(1000, 99999)} 在看 {rng.randint(1, 99)}</div><div id="js_pc_qr_code">微信扫一扫关注该公众号</div></div>
<script>var ct = "{int(d.timestamp())}"; var publish_time = "{d:%Y-%m-%d}" || "";</script></body></html>"""


def baijiahao(t, ps, d, rng):
    body = "".join(f'<div class="index-module_textWrap_3ygOc"><p><span class="bjh-p">{escape(p)}</span></p></div>' for p in ps)
    return f"""<html><head><meta charset="utf-8"><title>{t}</title></head><body><div id="header">{links(rng, 4)}</div>
<div class="index-module_articleWrap_2Zphx"><div class="index-module_articleTitle_28fPT"><h1 class="sKHSJ">{t}</h1></div>
<div class="index-module_articleSource_2dw16"><span class="index-module_accountAuthorName_3QJbz">某某观察</span><span class="index-module_time">发布时间：{d:%Y-%m-%d %H:%M}</span><span>广东</span></div>
<div data-testid="article">{body}</div><div class="index-module_reportWrap">举报/反馈</div></div>
<div class="index-module_recommend"><h3>为你推荐</h3>{"".join(f"<div><a href='/s?id={i}'>{s}</a></div>" for i, s in enumerate(NOISE_SENTENCES[6:9]))}</div></body></html>"""


def university(t, ps, d, rng):
    return f"""<html><head><meta charset="utf-8"><title>{t}-某某大学新闻网</title></head><body><div class="header"><div class="menu">{links(rng, 7)}</div></div>
<div class="main"><div class="position">当前位置: <a href="/">首页</a> &gt;&gt; <a href="/xyxw.htm">校园新闻</a> &gt;&gt; 正文</div>
<form name="_newscontent_fromname"><div align="center"><h1>{t}</h1></div>
<div class="info" align="center">发布时间：{d:%Y-%m-%d}&nbsp;&nbsp;作者：新闻中心&nbsp;&nbsp;浏览次数：<script>_showDynClicks("wbnews", 1, 1)</script></div>
<div id="vsb_content"><div class="v_news_content">{P(ps, indent=True)}<p style="text-align:right">（审核：刘八）</p></div></div>
<div class="nextpage">上一条：<a href="/info/1.htm">学校召开年度工作会议</a><br>下一条：<a href="/info/3.htm">图书馆开展读书月活动</a></div></form></div>
<div class="footer">版权所有©某某大学 地址：某某市大学路1号 邮编：510000</div></body></html>"""


def hk_trad(t, ps, d, rng):
    return f"""<html lang="zh-HK"><head><meta charset="utf-8"><title>{t} - 港聞 - 某報新聞網</title><meta property="article:published_time" content="{d.isoformat()}"></head><body>
<nav class="menu">{links(rng, 6, words=["港聞", "要聞", "經濟", "國際", "兩岸", "體育"])}</nav><article><h1 class="article-title">{t}</h1>
<div class="article-meta"><time>{d:%Y年%m月%d日} 星期{"一二三四五六日"[d.weekday()]}</time></div>
<div id="upper">{P(ps, indent=False)}</div><div class="related"><h3>相關新聞</h3><ul><li><a href="/1">本港今年首季經濟增長勝預期</a></li><li><a href="/2">新一屆立法會選舉日期公布</a></li></ul></div></article>
<footer>© 2024 某報有限公司 版權所有 不得轉載</footer></body></html>"""


def zhihu(t, ps, d, rng):
    return f"""<html><head><meta charset="utf-8"><title>{t} - 知乎</title></head><body><header class="ColumnPageHeader">{links(rng, 3)}</header>
<article class="Post-Main Post-NormalMain"><header class="Post-Header"><h1 class="Post-Title">{t}</h1><div class="AuthorInfo">某某某 · 关注</div></header>
<div class="Post-RichTextContainer"><div class="RichText ztext Post-RichText">{P(ps, indent=False)}</div></div>
<div class="ContentItem-time">发布于 {d:%Y-%m-%d %H:%M}・IP 属地广东</div><div class="Post-topicsAndReviewer"><a>人工智能</a><a>产业政策</a></div></article>
<div class="Comments-container">{comments(rng)}</div><div class="Recommendations-Main">{"".join(f"<a><h3>{w}</h3></a>" for w in HOT[:4])}</div></body></html>"""


def county_zoom(t, ps, d, rng):
    body = "<br>".join(f'<font face="宋体" size="3">&nbsp;&nbsp;&nbsp;&nbsp;{escape(p)}</font><br>' for p in ps)
    return f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><title>{t}</title></head><body>
<div id="top"><div class="daohang">{links(rng, 8, sep=" ")}</div></div><div class="weizhi">您现在的位置：首页 &gt; 工作动态</div>
<div class="bt">{t}</div><div class="sj">时间：{d:%Y-%m-%d %H:%M:%S}&nbsp;&nbsp;来源：办公室&nbsp;&nbsp;点击：<span id="hits">126</span>次&nbsp;&nbsp;【字号：<a>大</a> <a>中</a> <a>小</a>】</div>
<div id="zoom">{body}</div><div class="fenxiang">分享到：<a>QQ空间</a><a>新浪微博</a><a>微信</a></div>
<div class="xgxw"><div class="xgxw_t">相关新闻</div>{hot_list(rng, d)}</div>
<div id="foot">主办：某某镇人民政府 技术支持：某某网络 备案号：粤ICP备19000001号-1 粤公网安备 44010602000001号</div></body></html>"""


def techblog(t, ps, d, rng):
    return f"""<html><head><meta charset="utf-8"><title>{t} - 某某 - 博客园</title></head><body><div id="header"><h1><a>某某的技术笔记</a></h1>{links(rng, 4)}</div>
<div id="main"><div class="post"><h2 class="postTitle"><a class="postTitle2">{t}</a></h2><div class="postBody"><div id="cnblogs_post_body" class="blogpost-body">{P(ps, indent=False)}</div></div>
<div class="postDesc">posted @ <span id="post-date">{d:%Y-%m-%d %H:%M}</span> 某某 阅读({rng.randint(10, 999)}) 评论(2) 编辑 收藏 举报</div></div>
<div id="blog-comments-placeholder">{comments(rng, 2)}</div></div><div id="sideBar"><h3>随笔档案</h3><ul><li><a>2024年3月(2)</a></li><li><a>2024年2月(5)</a></li></ul></div>
<div id="footer">Copyright © 2024 某某 Powered by .NET 8.0 on Kubernetes</div></body></html>"""


def mobile(t, ps, d, rng):
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>{t}</title></head><body>
<header class="m-header"><a class="logo">某某新闻</a><a class="open-app">打开APP</a></header><section class="article-box"><h1>{t}</h1>
<p class="meta"><span class="source">某某日报</span> <span class="time">{d:%m-%d %H:%M}</span></p>
<section class="article-content">{P(ps, indent=False)}</section><div class="open-app-more">打开APP阅读全文</div></section>
<section class="m-recommend"><h2>猜你喜欢</h2>{"".join(f"<a class='item'><p>{s}</p></a>" for s in NOISE_SENTENCES[6:9])}</section>
<footer>© 某某新闻客户端</footer><script>window.__INITIAL_STATE__={{"pubTime":"{d:%Y-%m-%d %H:%M:%S}"}}</script></body></html>"""


GENERIC_LAYOUTS = [old_table_gov, discuz, wordpress, portal_sina, portal_163, people, xinhua, weixin, baijiahao,
                   university, hk_trad, zhihu, county_zoom, techblog, mobile]


def build(seed: int = 4) -> list[dict]:
    rng = random.Random(seed)
    texts = [p for p in passages() if sum(map(len, p[1])) >= 130]
    base = datetime(2023, 3, 1, 8, 0)
    pages = []
    for i, (title, paras) in enumerate(texts):
        layout = GENERIC_LAYOUTS[i % len(GENERIC_LAYOUTS)]
        if layout is hk_trad and not any("\u9ad4" <= c <= "\u9f8d" for c in "".join(paras)):
            pass  # Traditional layouts get whatever passage falls to them; script is not the test
        when = base + timedelta(days=rng.randint(0, 600), hours=rng.randint(0, 12), minutes=rng.randint(0, 59))
        html = layout(escape(title), paras, when, rng)
        name = f"{i:02d}_{layout.__name__}"
        mobile_date = layout is mobile
        pages.append({"name": name, "layout": layout.__name__, "html": html, "url": f"https://news.example.cn/{layout.__name__}/{i}.html",
                      "text": "\n".join(paras), "published_on": when.strftime("%Y-%m-%d"),
                      "fetched_at": (when + timedelta(days=2)).isoformat() + ("+08:00"), "year_inferred": mobile_date})
    return pages


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for page in build():
        enc = "gb18030" if 'charset="gb' in page["html"] or "charset=gb" in page["html"] else "utf-8"
        (OUT / f"{page['name']}.html").write_bytes(page.pop("html").encode(enc))
        (OUT / f"{page['name']}.json").write_text(json.dumps(page, ensure_ascii=False, indent=1) + "\n", "utf-8")


if __name__ == "__main__":
    main()
