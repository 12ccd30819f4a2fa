"""Regenerate tests/fixtures/<source_id>/ pages from the seed texts, in each site's documented markup.

The pages are hand-built (no site was fetched): markup follows /work/shared/sources.md, text is
the seeds'. Run: .venv/bin/python -m tests.parsers.build_fixture_pages [--write-expected]
--write-expected runs the current parsers and stores their output as the expected JSON, keyed
by parser version; review the diff by hand before committing.
"""

from __future__ import annotations

import gzip
import html
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1] / "fixtures"
SEEDS = Path(__file__).resolve().parents[1] / "fixtures" / "seeds"  # a copy of /work/shared/seeds
FOOTER_GOV = ('<div class="footer"><p>主办单位：国务院办公厅　运行维护单位：中国政府网运行中心</p>'
              '<p>版权所有：中国政府网　中文域名：中国政府网.政务</p><p>网站标识码bm01000001　京ICP备05070218号　京公网安备11010202000001号</p></div>')


def seed(name: str) -> str:
    return next(SEEDS.glob(f"{name}_*.txt")).read_text("utf-8")


def paras(lines) -> str:
    return "\n".join(f"<p>{line}</p>" for line in lines)


def md_inline(line: str) -> str:
    line = html.escape(line, quote=False)
    line = re.sub(r"\[([^\]]+)\]\(([^)]+)\)", r'<a href="\2" target="_blank">\1</a>', line)
    return line.replace("**", "")


def c114_page() -> bytes:
    body = seed("000").split("---", 2)[2].strip().splitlines()
    body = [re.sub(r"\s*\[!\[\]\([^)]*\)\]\([^)]*\)\s*$", "", x) for x in body]
    lines = [md_inline(x.strip()) for x in body if x.strip() and not x.startswith("[c114]")]
    page = f"""<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>广东前瞻布局量子科技：争创国家级未来产业先导区 - 5G应用 — C114通信网</title>
<meta name="keywords" content="量子科技,未来产业,广东"></head><body>
<div class="top_nav"><a href="/">首页</a><a href="/news/">新闻</a><a href="/4app/">5G应用</a></div>
<div class="r_left"><h1>广东前瞻布局量子科技：争创国家级未来产业先导区</h1>
<div class="author">C114通信网 &nbsp;南山</div><div class="r_time">2025/2/14 09:25</div>
<div class="text">{paras(lines)}<div class="ad"><a href="/ad">广告：C114 会员服务</a></div></div>
<div class="share">分享到：微信 微博</div></div>
<div class="footer">Copyright ©1999-2025 C114 All Rights Reserved 沪ICP备12002291号</div></body></html>"""
    return page.encode("gb18030")


def takungpao_page(old: bool) -> bytes:
    raw = [x.strip() for x in seed("001").splitlines() if x.strip()]
    title = raw[0].lstrip("# ").strip()
    body = [f"<strong>{html.escape(x[3:])}</strong>" if x.startswith("## ") else html.escape(x) for x in raw[1:]]
    if old:
        head = f'<h2 class="tkp_con_title">{title}</h2><h2 class="tkp_con_author">時間：<span>2019-06-02 04:23:16</span>來源：<span><a href="/">大公网</a></span></h2>'
    else:
        head = f'<h1 class="tkp_con_title">{title}</h1><div class="tkp_con_author"><span>2023-06-02 04:23:16</span><span>大公報</span></div>'
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title} - 大公網</title></head><body>
<div class="tkp_nav"><a href="/">首頁</a><a href="/news/">新聞</a><a href="/finance/">財經</a></div>
<div class="wrap_left">{head}<div class="tkp_content">{paras(body)}</div>
<div class="tkp_con_share">分享到：</div></div>
<div class="tkp_footer">大公網版權所有 Copyright © 2023 Takungpao.com</div></body></html>"""
    return page.encode("utf-8")


def _seed003() -> tuple[str, str, list[str]]:
    raw = [x.strip(" \u3000\t") for x in seed("003").splitlines() if x.strip(" \u3000\t")]
    return raw[0], raw[1], raw[2:]


def chinanews_page() -> bytes:
    title, subtitle, body = _seed003()
    editor = body.pop()  # 【编辑:张燕玲】
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}-中新网</title></head><body>
<div id="navbar"><a href="/">首页</a><a href="/scroll-news/news1.html">滚动</a><a href="/cj/">财经</a></div>
<div class="content_maincontent_more"><h1 class="content_left_title">{title}</h1>
<div class="left-t">2024年03月01日 08:12　来源：<a href="https://www.southcn.com">南方日报</a>　<span id="source_baidu">南方日报</span></div>
<div class="left_zw"><p>{subtitle}</p>{paras(body)}<div class="adEditor"><div class="left_name"><div class="left_name">{editor}</div></div></div></div>
<div id="editor_baidu">{editor}</div>
<div class="share">分享到：</div></div>
<div id="footer">Copyright ©1999-2024 chinanews.com. All Rights Reserved</div></body></html>"""
    return page.encode("utf-8")


def nanfang_page() -> bytes:
    title, subtitle, body = _seed003()
    body = [re.sub("万博体育网址官网app下载", "", x) for x in body[:-1]]
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title>
<meta name="author" content="昌道励 许宁宁"><meta name="Copyright" content="1"></head><body>
<!--enpproperty <articleid>8712345</articleid><title>{title}</title> /enpproperty-->
<div class="article-crumb">南方+ &gt; 广东</div><div class="article">
<div id="articleTitle">{title}</div><div class="article-subtitle">{subtitle}</div>
<div class="nfhtime pubtime" data-time="2024-03-01 07:30">2024-03-01 07:30</div>
<div id="content"><p>{subtitle}</p>{paras(body)}<div class="article-copyright">版权声明：本文为南方+原创，未经授权不得转载</div>
<div class="article-share">分享到</div></div></div></body></html>"""
    return page.encode("utf-8")


def _seed004_body() -> list[str]:
    raw = [x.strip() for x in seed("004").splitlines() if x.strip()]
    return raw[raw.index("各地级以上市人民政府，省政府各部门、各直属机构："):]


ISSUERS_004 = ["广东省工业和信息化厅", "广东省发展和改革委员会", "广东省科学技术厅", "广东省商务厅",
               "广东省市场监督管理局", "广东省通信管理局"]
TITLE_004 = "广东省工业和信息化厅 广东省发展和改革委员会 广东省科学技术厅 广东省商务厅 广东省市场监督管理局 广东省通信管理局关于印发广东省培育发展未来电子信息产业集群行动计划的通知"


def gd_gkmlpt_page() -> bytes:
    content = paras(html.escape(x) for x in _seed004_body())
    detail = {"id": 4366123, "title": TITLE_004, "content": content, "identifier": "006939748/2024-00045",
              "document_number": "粤工信电子〔2024〕2号", "publisher": "、".join(ISSUERS_004),
              "date": 1707408000, "display_publish_time": 1708666200, "classify_theme_name": "工业、交通",
              "is_expired": 0, "is_abolished": 0, "attachment": []}
    js = json.dumps(detail, ensure_ascii=False).replace("<", "\\u003C").replace(">", "\\u003E")
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{TITLE_004}</title></head><body>
<div id="app"></div><script>window._CONFIG = {{SID: '755340', CSRF: 'a1b2c3', DETAIL: {js}, TREE: []}};</script>
<div class="footer">主办：广东省工业和信息化厅 网站标识码：4400000117 粤ICP备05070829号</div></body></html>"""
    return page.encode("utf-8")


def gd_wjk_page() -> bytes:
    notice = ["各地级以上市人民政府，省政府各部门、各直属机构：",
              "《广东省培育发展未来电子信息产业集群行动计划》已经省人民政府同意，现印发给你们，请结合本地本部门工作实际，认真组织实施。实施过程中遇到的重大问题，请径向省工业和信息化厅反映。",
              "广东省工业和信息化厅", "2024年2月9日"]
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{TITLE_004}_广东省人民政府门户网站</title>
<meta name="PubDate" content="2024-02-23 17:30"></head><body>
<div class="nav"><a href="/">首页</a><a href="/zwgk/">政务公开</a><a href="/zwgk/wjk/">文件库</a></div>
<div class="introduce"><div class="row"><span>索引号：</span><span>006939748/2024-00045</span><span>分类：</span><span>工业、交通</span></div>
<div class="row"><span>发布机构：</span><span>{"、".join(ISSUERS_004)}</span><span>成文日期：</span><span>2024-02-09</span></div>
<div class="row"><span>名称：</span><span>{TITLE_004}</span></div>
<div class="row"><span>文号：</span><span>粤工信电子[2024]2号</span><span>发布日期：</span><span>2024-02-23</span></div></div>
<div class="zw">{paras(notice)}<p>附件：<a href="/attachment/0/540/540512/4366123.pdf">广东省培育发展未来电子信息产业集群行动计划.pdf</a></p>
<p><a href="/attachment/0/540/540513/4366123.ofd">广东省培育发展未来电子信息产业集群行动计划.ofd</a></p></div>
<div class="footer">主办：广东省人民政府办公厅 网站标识码：4400000064 粤ICP备05070829号</div></body></html>"""
    return page.encode("utf-8")


GOVCN_POLICY = ["各省、自治区、直辖市人民政府，国务院各部委、各直属机构：",
                "《关于推动未来产业创新发展的实施意见》已经国务院同意，现转发给你们，请认真贯彻执行。",
                "未来产业由前沿技术驱动，当前处于孕育萌发阶段或产业化初期，是具有显著战略性、引领性、颠覆性和不确定性的前瞻性新兴产业。",
                "到2025年，未来产业技术创新、产业培育、安全治理等全面发展，部分领域达到国际先进水平，产业规模稳步提升。",
                "到2027年，未来产业综合实力显著提升，部分领域实现全球引领，关键核心技术取得重大突破，新技术、新产品、新业态、新模式得到普遍应用。",
                "本意见自2024年3月1日起施行。", "国务院办公厅", "2024年1月18日"]


def govcn_policy_page() -> bytes:
    cells = [("索引号", "000014349/2024-00005"), ("主题分类", "主题分类\\工业、交通\\其他"), ("发文机关", "国务院办公厅"),
             ("成文日期", "2024年01月18日"), ("标题", "国务院办公厅转发工业和信息化部等部门关于推动未来产业创新发展实施意见的通知"),
             ("发文字号", "国办函（2024）5号"), ("发布日期", "2024年01月29日")]
    table = "".join(f"<tr><td><b>{k}：</b></td><td>{v}</td></tr>" for k, v in cells)
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>国务院办公厅转发工业和信息化部等部门关于推动未来产业创新发展实施意见的通知_国务院文件_中国政府网</title>
<meta name="firstpublishedtime" content="2024-01-29-17:00:12"><meta name="lastmodifiedtime" content="2024-01-29-17:20:00">
<meta name="others" content="页面生成时间 2026-11-20 03:15:44"><meta name="manuscriptId" content="6929011"></head><body>
<div class="header"><a href="/">首页</a><a href="/zhengce/">政策</a></div>
<table class="bd1">{table}</table>
<div class="pages_content" id="UCAP-CONTENT"><div class="trs_editor_view TRS_UEDITOR trs_paper_default">{paras(GOVCN_POLICY)}</div></div>
<ul class="jiedu_list bt13"><li><a href="/zhengce/202401/content_6929100.htm">一图读懂｜推动未来产业创新发展</a></li></ul>
<div class="pages_print">【我要打印】【关闭窗口】</div>
<p>页面生成时间 2026-11-20 03:15:44</p>{FOOTER_GOV}</body></html>"""
    return page.encode("utf-8")


def govcn_jiedu_page() -> bytes:
    body = ["近日，国务院办公厅转发工业和信息化部等部门《关于推动未来产业创新发展的实施意见》。该意见提出了到2025年和2027年的发展目标。",
            "工业和信息化部有关负责人表示，实施意见围绕未来制造、未来信息、未来材料、未来能源、未来空间、未来健康六大方向，提出了重点任务。",
            "下一步，将会同有关部门加强统筹协调，推动各项任务落地见效。"]
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>一图读懂｜推动未来产业创新发展_政策解读_中国政府网</title>
<meta name="firstpublishedtime" content="2024-01-30-09:05:00"></head><body>
<div class="article oneColumn pub_border"><h1 id="ti">一图读懂｜推动未来产业创新发展</h1>
<div class="pages-date">2024-01-30 09:05 <span class="font">来源：工业和信息化部网站</span></div>
<div class="pages_content" id="UCAP-CONTENT">{paras(body)}
<p>相关文件：<a href="https://www.gov.cn/zhengce/content/202401/content_6929011.htm">《国务院办公厅转发工业和信息化部等部门关于推动未来产业创新发展实施意见的通知》</a></p></div></div>
{FOOTER_GOV}</body></html>"""
    return page.encode("utf-8")


def miit_page() -> bytes:
    spans = [("索引号：", "11M000010/2024-00012"), ("发布机构：", "工业和信息化部 教育部 科学技术部 交通运输部 文化和旅游部 国务院国资委 中国科学院"),
             ("文号：", "工信部联科〔2024〕12号"), ("成文日期：", "2024-01-18"), ("发布日期：", "2024-01-29"), ("有效性：", "有效")]
    box = "".join(f"<p><span>{k}</span><span>{v}</span></p>" for k, v in spans)
    p002 = [x.strip() for x in seed("002").splitlines() if x.strip()]
    body = [x for x in p002 if "七部门" in x or x.startswith("未来产业是")][:3]
    page = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>工业和信息化部等七部门关于推动未来产业创新发展的实施意见</title>
<meta name="PubDate" content="2024-01-29 10:30"></head><body><div class="lmy_nav"><a href="/">首页</a><a href="/zwgk/">政务公开</a></div>
<div class="xxgk-box">{box}</div><h1 id="con_title">工业和信息化部等七部门关于推动未来产业创新发展的实施意见</h1>
<div id="con_con">{paras(body)}<p>附件：<a href="/cms_files/filemanager/1226211233/attach/20241/实施意见.docx">实施意见.docx</a></p></div>
<div class="footer">主办单位：中华人民共和国工业和信息化部 京ICP备04000001号</div></body></html>"""
    return page.encode("utf-8")


PAGES = [  # (source_id, stem, url, fetched_at, builder)
    ("c114", "c114_2025_02_14", "https://www.c114.com.cn/4app/3542/a1283251.html", "2025-02-14T10:00:00+08:00", c114_page),
    ("takungpao", "takungpao_2023_06_02", "http://www.takungpao.com/news/232109/2023/0602/858741.html", "2023-06-02T08:00:00+08:00", lambda: takungpao_page(False)),
    ("takungpao", "takungpao_2019_06_02", "http://www.takungpao.com/news/232109/2019/0602/301122.html", "2019-06-02T08:00:00+08:00", lambda: takungpao_page(True)),
    ("chinanews", "chinanews_2024_03_01", "https://www.chinanews.com.cn/cj/2024/03-01/10172345.shtml", "2024-03-01T09:00:00+08:00", chinanews_page),
    ("nanfang", "nanfang_2024_03_01", "https://static.nfapp.southcn.com/content/202403/01/c8712345.html", "2024-03-01T09:00:00+08:00", nanfang_page),
    ("gd_gov", "gd_gov_2024_02_23", "http://gdii.gd.gov.cn/gkmlpt/content/4/4366/post_4366123.html", "2024-02-23T18:00:00+08:00", gd_gkmlpt_page),
    ("gd_gov", "gd_gov_2024_02_24", "http://www.gd.gov.cn/zwgk/wjk/qbwj/yfb/content/post_4366200.html", "2024-02-24T09:00:00+08:00", gd_wjk_page),
    ("govcn", "govcn_2024_01_29", "https://www.gov.cn/zhengce/content/202401/content_6929011.htm", "2024-01-29T18:00:00+08:00", govcn_policy_page),
    ("govcn", "govcn_2024_01_30", "https://www.gov.cn/zhengce/202401/content_6929100.htm", "2024-01-30T10:00:00+08:00", govcn_jiedu_page),
    ("miit", "miit_2024_01_29", "https://www.miit.gov.cn/jgsj/kjs/wjfb/art/2024/art_4f1c2b6e8d9a4c3b9e7f6a5d4c3b2a19.html", "2024-01-29T12:00:00+08:00", miit_page),
]


CONSTRUCTED = {"kind": "constructed", "by": "tests/parsers/build_fixture_pages.py",
               "note": "hand-built in the site's documented markup (docs/sources), not a capture"}


def main(write_expected: bool) -> None:
    for source_id, stem, url, fetched_at, builder in PAGES:
        folder = ROOT / source_id / "constructed"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{stem}.html.gz").write_bytes(gzip.compress(builder(), mtime=0))
        (folder / f"{stem}.meta.json").write_text(json.dumps({"url": url, "crawl_date": fetched_at, "origin": CONSTRUCTED}, indent=1) + "\n")
        if write_expected:
            from datetime import datetime

            from parsers.api import parse_page

            doc = parse_page(builder(), url, source_id=source_id, fetched_at=datetime.fromisoformat(fetched_at))
            path = folder / f"{stem}.expected.json"
            expected = json.loads(path.read_text()) if path.exists() else {}
            expected[doc.parser.split(".", 1)[1]] = doc.to_contract()
            path.write_text(json.dumps(expected, ensure_ascii=False, indent=1) + "\n")


if __name__ == "__main__":
    main("--write-expected" in sys.argv)
