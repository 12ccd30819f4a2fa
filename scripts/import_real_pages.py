"""Copy the shared real pages (opendatalab/magic-html article benchmark) into tests/fixtures as
real fixtures with provenance: <source>/real/<id>.html.gz + <id>.meta.json.

    python scripts/import_real_pages.py [/work/shared/real-pages/peer_dev]

Offline. The gold body comes from the benchmark (human-checked); the gold title and publish day
were read by hand from each page (visible heading and date line, else its structured data) by the
parsers engineer on 2026-11-30 and are marked as such; None means the page carries no publish
date (reference pages, poems, a journal issue index).
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
SOURCE_OF_HOST = {"news.southcn.com": "nanfang"}  # pages of our own sources go under their source_id
# id → (title, publish day), read by hand from the page
LABELS = {
    "mh_06586406af": ("雄安新区", "2017-04-01"),
    "mh_0987b0ff61": ("煮一碗好吃的腊八粥，请记好这几个小窍门", "2021-01-20"),
    "mh_0eebc3efd1": ("37岁丁俊晖身价过亿，住英国富人区，43岁妻子身材傲人，家世显赫", "2024-05-08"),
    "mh_19851fb2da": ("第二章 失乡号的船长", "2022-07-10"),
    "mh_1e20e02712": ("在新时代中部地区崛起中争先出彩（推动高质量发展·权威发布）", "2024-05-10"),
    "mh_21475f4bb9": ("河北雄安高新技术产业开发区", None),
    "mh_23942aabb8": ("汽车品牌直播拍到女主播裙底，涉事账号被无限期封禁！", "2024-05-18"),
    "mh_2dd9425ba6": ("美联储维持联邦基金利率目标区间不变 年内预将再加息", "2023-06-15"),
    "mh_39dd62c5ba": ("以战时内阁审查重启停火谈判提案", "2024-05-20"),
    "mh_3ef3b4e65f": ("创业环保第一季度报告会计差错的提示性公告", "2005-08-26"),
    "mh_45fcfa7d67": ("关注青少年心理健康“心成长”服务项目启动", "2024-05-17"),
    "mh_5da9b27b0b": ("呼和浩特：对生育二孩、三孩的呼市户籍家庭发放一次性育儿津贴5000元", "2024-05-13"),
    "mh_66211fc426": ("对于Docker和Podman的一点使用经验", "2024-05-09"),
    "mh_777ddd63e0": ("静夜思•夜", "2020-01-12"),
    "mh_7f67d45fb1": ("北京：古北水镇“光之城”文旅融合系列IP推出", "2024-05-20"),
    "mh_83bd4dfc1e": ("徒手抓子弹真的存在吗？", "2019-09-24"),
    "mh_9055e5d5b8": ("短视频与大众文化生产", "2024-05-11"),
    "mh_97a2a5818c": ("巴以冲突，困住中国外贸人", "2024-01-25"),
    "mh_9af148c801": ("就在这个周末，超60家景区推门票半价！5·19中国旅游日上海送出“文旅大礼包”", "2024-05-13"),
    "mh_9f4c1adb9f": ("夜雨", None),
    "mh_aa1432d872": ("《中共中央党校(国家行政学院)学报》2022年第4期", None),
    "mh_b5b26f9fb3": ("義大利公開賽 茲韋列夫封王", "2024-05-20"),
    "mh_bb5f5ce0c7": ("租户将车停自家院子要交“资源占用费”？村民打“12345”讨说法", "2024-05-13"),
    "mh_d231b17088": ("为什么 ChatGPT 不火了？", "2024-05-06"),
    "mh_e25d0dd87c": ("新华全媒+丨积极因素不断增多 “质升量稳”动能增强——前4个月我国外贸向好态势进一步巩固", "2024-05-09"),
    "mh_ea5bdb58d6": ("2024年4月全国CPI同比上涨0.3% 食品价格下降2.7%", "2024-05-11"),
}


def import_page(meta_path: Path) -> Path:
    src = json.loads(meta_path.read_text("utf-8"))
    host = src["url"].split("/")[2]
    folder = FIXTURES / SOURCE_OF_HOST.get(host, "other_sites") / "real"
    folder.mkdir(parents=True, exist_ok=True)
    title, day = LABELS[src["id"]]
    html = meta_path.with_suffix(".html").read_bytes()
    (folder / f"{src['id']}.html.gz").write_bytes(gzip.compress(html, mtime=0))
    meta = {"url": src["url"], "crawl_date": None, "set": "magic-html article benchmark",
            "origin": {"kind": "real", "repo": src.get("repo"), "path": src.get("path"), "commit": src.get("commit"),
                       "license": src.get("license"), "note": "capture date not recorded by the benchmark"},
            "gold": {"text": src["body"], "text_by": "benchmark (human-checked)", "title": title,
                     "published_on": day, "title_and_date_by": "read by hand from the page, 2026-11-30"}}
    out = folder / f"{src['id']}.meta.json"
    out.write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n", "utf-8")
    return out


def main(argv: list[str]) -> None:
    source = Path(argv[0]) if argv else Path("/work/shared/real-pages/peer_dev")
    for meta_path in sorted(source.glob("*.json")):
        print(import_page(meta_path).relative_to(ROOT))


if __name__ == "__main__":
    main(sys.argv[1:])
