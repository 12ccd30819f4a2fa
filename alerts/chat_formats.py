"""Chat messages of a digest, each in its platform's documented format and within its size:

wecom     {"msgtype": "markdown", "markdown": {"content": …}}            content ≤ 4096 bytes (UTF-8)
dingtalk  {"msgtype": "markdown", "markdown": {"title": …, "text": …}}
feishu    {"msg_type": "interactive", "card": {header, elements: [div/lark_md]}}

The text is the digest's opening: header and summary, the top items (a policy also with what it
implements and its first measure), deadline reminders, spikes, first-seen entities, and a link to the full digest (FUTUREWATCH_DIGEST_URL + the outbox file name). Blocks
are packed into at most MAX_PARTS messages of at most MAX_BYTES each; what does not fit is
replaced by "N more in the full digest"; a block too large for a message is cut outside any
link or bold span (fit). Scraped text is neutralised for markdown (brackets, emphasis marks and
angle brackets become full-width forms), links are http(s) only.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from futurewatch.core.textnorm import cluster_start


MAX_BYTES = 4000      # under WeCom's 4096-byte markdown limit, also used for DingTalk and Feishu
MAX_PARTS = 3
_NEUTRAL = str.maketrans({"[": "［", "]": "］", "*": "＊", "_": "＿", "`": "｀", "<": "＜", ">": "＞", "#": "＃",
                          "\n": " ", "\r": " "})


_URL_UNSAFE = re.compile(r"[\s()<>\x00-\x1f\x7f]")  # would end the link or the line (any whitespace: a
# full-width or no-break space also kept fit() from seeing the link, so a cut fell inside it)


def plain(text: str | None) -> str:
    """Scraped text that cannot become markdown or markup."""
    return (text or "").translate(_NEUTRAL).strip()


def link(title: str, url: str | None) -> str:
    if not url:
        return plain(title)
    return f"[{plain(title)}]({_URL_UNSAFE.sub(lambda m: quote(m.group()), url)})"


def header_block(c: dict) -> str:
    L = c["L"]
    return (f"## {L['digest']}\n{L['period']}: {c['period_label']}\n"
            f"**{L['summary']}**: {plain(c['summary'])}")


def top_blocks(c: dict) -> list[str]:
    blocks = [f"### {c['L']['top']}"] if c["top"] else []
    for rank, card in enumerate(c["top"], 1):
        blocks.append(f"{rank}. {link(card['title'], card['url'])}\n> {plain(card['where'])} · "
                      f"{plain(c['L']['sep'].join(card['reasons']))}" + policy_brief(card, c["L"]))
    return blocks


def policy_brief(card: dict, L: dict) -> str:
    """One more quoted line for a policy: what it implements and its first main measure."""
    parts = [f"{L['implements']} {card['implements_text']}"] if card.get("implements_text") else []
    parts += (card.get("measure_lines") or [])[:1]
    return f"\n> {plain(L['sep'].join(parts))}" if parts else ""


def deadline_blocks(c: dict) -> list[str]:
    L, items = c["L"], c.get("deadlines") or []
    blocks = [f"### {L['deadline']} ({len(items)})"] if items else []
    return blocks + [f"- **{plain(d['due_on'])}** ({plain(d['days_left'])}) {link(d['title'], d['url'])}\n"
                     f"> {plain(d['where'] + d['text'])}" for d in items]


def other_blocks(c: dict) -> list[str]:
    L, blocks = c["L"], []
    for s in c["spikes"]:
        ratio = L["new"] if s["ratio"] is None else f"×{s['ratio']}"
        blocks.append(f"**{L['spike_of']}** {plain(s['label'])}: {L['count']} {s['count']} · {L['baseline']} "
                      f"{s['baseline']} · {ratio}")
    if c["entities"]:
        blocks.append(f"### {L['new_entity']} ({len(c['entities'])})")
        blocks += [f"- {plain(e['name'])} → {link(e['title'], e['url'])}" for e in c["entities"]]
    return blocks


_LINK = re.compile(r"\[([^\[\]\n]*)\]\(([^()\s]*)\)")
_MARKUP = re.compile(f"{_LINK.pattern}|\\*\\*[^*\\n]+\\*\\*")  # links and bold spans: cut before or whole
_ELLIPSIS = len("…".encode("utf-8"))


def size(text: str) -> int:
    return len(text.encode("utf-8"))


def fit(block: str, limit: int) -> str:
    """`block`, or its longest head within `limit` bytes and ending in "…". The cut is never inside
    markup: a link keeps its URL with a shorter text (or is left out), a bold span is left out."""
    if size(block) <= limit:
        return block
    if limit < _ELLIPSIS:
        return ""
    cut = head_chars(block, limit - _ELLIPSIS)
    for m in _MARKUP.finditer(block):
        if m.start() < cut < m.end():
            if m.group(2) is not None and (short := shorter_link(m, limit - size(block[:m.start()]))):
                return block[:m.start()] + short
            cut = m.start()
            break
    return block[:cut].rstrip() + "…"


def shorter_link(link: re.Match, room: int) -> str | None:
    """The link with as much of its text as fits in `room` bytes (its URL whole), None if none does."""
    text, url = link.group(1), link.group(2)
    budget = room - size(f"[]({url})") - _ELLIPSIS
    if budget < 0:  # not even the URL fits (an empty text would otherwise count as all of it kept)
        return None
    kept = head_chars(text, budget)
    if kept == len(text):
        return f"[{text}]({url})…"
    return f"[{text[:kept]}…]({url})" if kept > 0 else None


def head_chars(text: str, budget: int) -> int:
    """How many characters of `text` fit in `budget` bytes, not separating a character from its marks."""
    return cluster_start(text, len(text.encode("utf-8")[:max(budget, 0)].decode("utf-8", "ignore")))


def pack(blocks: list[str], closing: str, more: str, limit: int = MAX_BYTES, parts: int = MAX_PARTS) -> list[str]:
    """Blocks joined into at most `parts` texts of at most `limit` bytes; the last ends with `closing`
    and, if blocks were left out, with `more` (its {n} filled in). Every text keeps room for the
    closing, as whichever text the blocks end in becomes the last."""
    reserve = len((closing + "\n\n" + more.format(n=9999) + "\n\n").encode("utf-8"))
    closing_room = len(f"\n\n{closing}".encode("utf-8"))
    texts, current = [], ""
    for index, block in enumerate(blocks):
        block = fit(block, limit - reserve)
        candidate = f"{current}\n\n{block}" if current else block
        budget = limit - (reserve if len(texts) == parts - 1 else closing_room)
        if len(candidate.encode("utf-8")) <= budget:
            current = candidate
            continue
        if len(texts) == parts - 1:
            left = sum(1 for b in blocks[index:] if not b.startswith("###"))
            current += "\n\n" + more.format(n=left)
            break
        texts.append(current)
        current = block
    texts.append(f"{current}\n\n{closing}".strip())
    return texts


def chat_texts(context: dict) -> list[str]:
    L = context["L"]
    closing = link(L["full"], context["full_url"]) if context.get("full_url") else plain(L["footer"])
    blocks = [header_block(context), *top_blocks(context), *deadline_blocks(context), *other_blocks(context)]
    return pack(blocks, closing, L["more"])


def build_messages(kind: str, context: dict) -> list[dict]:
    """The request bodies (unsigned) for one webhook kind, in sending order."""
    return wrap(kind, context["L"]["digest"], chat_texts(context))


def wrap(kind: str, title: str, texts: list[str]) -> list[dict]:
    """Markdown texts in one robot kind's message envelope (also used by the ops notices)."""
    if kind == "wecom":
        return [{"msgtype": "markdown", "markdown": {"content": t}} for t in texts]
    if kind == "dingtalk":
        return [{"msgtype": "markdown", "markdown": {"title": title, "text": t}} for t in texts]
    return [{"msg_type": "interactive", "card": {
        "header": {"title": {"tag": "plain_text", "content": f"{title} ({i}/{len(texts)})" if len(texts) > 1 else title},
                   "template": "blue"},
        "elements": [{"tag": "div", "text": {"tag": "lark_md", "content": lark_md(t)}}]}}
        for i, t in enumerate(texts, 1)]


def lark_md(text: str) -> str:
    """Feishu's lark_md has no headings: they become bold lines."""
    return "\n".join(f"**{line.lstrip('#').strip()}**" if line.startswith("#") else line for line in text.split("\n"))

