"""The policy info table (索引号, 主题分类, 发文机关, 成文日期, 标题, 发文字号, 发布日期 …), wherever it is.

    info_pairs(tree) -> dict[label, value]

Government pages print it as a table of label and value cells (gov.cn `table.bd1`, the 2023+
`div.policyLibraryOverview_header` table), as "标 题：…" lines in one block
(`policyLibraryOverview_content`), or as spans. Labels are matched with any spacing between
their characters (标　　题, 索 引 号). Only containers holding at least two known labels count,
so a stray "来源：" line in a news page is not an info table. Works on fragments without <head>.
"""

from __future__ import annotations

import re

from parsers.html import paragraphs_of, text_of

LABELS = ("索引号", "主题分类", "发文机关", "发布机构", "成文日期", "标题", "名称", "发文字号", "文号", "发布日期",
          "来源", "公文种类", "施行日期", "实施日期", "有效性", "时效性")
_SPACED = "|".join(r"\s*".join(label) for label in sorted(LABELS, key=len, reverse=True))
_LABEL_AT = re.compile(rf"(?:^|(?<=\s)|(?<=[：:]))({_SPACED})\s*[：:]")
_CELL_LABEL = re.compile(rf"^\s*({_SPACED})\s*[：:]?\s*$")
_CELL_PAIR = re.compile(rf"^\s*({_SPACED})\s*[：:]\s*(.+)$", re.S)
MIN_LABELS = 2
MAX_BLOCK_CHARS = 1500  # a block longer than this is a page section, not an info box


def canonical(label: str) -> str:
    """'标　　题：' → '标题'."""
    return re.sub(r"[\s：:\u3000]", "", label)


def info_pairs(tree) -> dict[str, str]:
    """Label → value from the first table, then the first text block, that holds the info table."""
    if tree is None:
        return {}
    for table in tree.iter("table"):
        pairs = _table_pairs(table)
        if len(pairs) >= MIN_LABELS:
            return pairs
    for block in tree.iter("div", "ul", "dl", "section", "p"):
        text = "\n".join(paragraphs_of(block))
        if len(text) < MAX_BLOCK_CHARS and len(pairs := _block_pairs(text)) >= MIN_LABELS:
            return pairs
    return {}


def _table_pairs(table) -> dict[str, str]:
    """Cells in reading order: 'LABEL：' then its value cell, or 'LABEL：VALUE' in one cell."""
    if table.find(".//table") is not None:  # layout tables: read the innermost ones
        return {}
    cells = [text_of(c) for c in table.iter("td", "th")]
    pairs: dict[str, str] = {}
    i = 0
    while i < len(cells):
        if (match := _CELL_LABEL.match(cells[i])) and i + 1 < len(cells) and not _CELL_LABEL.match(cells[i + 1]):
            pairs.setdefault(canonical(match.group(1)), cells[i + 1].strip())
            i += 2
            continue
        if match := _CELL_PAIR.match(cells[i]):
            pairs.setdefault(canonical(match.group(1)), match.group(2).strip())
        i += 1
    return {k: v for k, v in pairs.items() if v}


def _block_pairs(text: str) -> dict[str, str]:
    """'标 题： X 发文机关： Y …' in one block: a value runs to the next label or the end of its line."""
    marks = list(_LABEL_AT.finditer(text))
    pairs: dict[str, str] = {}
    for here, after in zip(marks, marks[1:] + [None]):
        value = text[here.end(): after.start() if after else len(text)].strip().split("\n")[0].strip()
        if value:
            pairs.setdefault(canonical(here.group(1)), value)
    return pairs
