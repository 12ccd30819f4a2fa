"""A task-failure notice as chat messages, one per webhook kind (request bodies, unsigned):

wecom / dingtalk / feishu   one markdown message in the robot's envelope (alerts.chat_formats.wrap),
                            within alerts.chat_formats.MAX_BYTES
json                        {"text", "source_id", "dag_id", "task_id", "run_id", "error", "failing_urls",
                             "log_url"} for generic incoming webhooks (Slack/Mattermost-style)

Scraped or exception text is neutralised for markdown (alerts.chat_formats.plain); links are http(s) only.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from alerts.chat_formats import MAX_BYTES, fit, link, plain, size, wrap

CHAT_ERROR_CHARS = 600  # the rest is in the mail and the task log; leaves room for the URLs


def is_http(url: str | None) -> bool:
    return bool(url) and str(url).lower().startswith(("http://", "https://"))


def url_line(failure: dict) -> str:
    """One failing URL: linked, shown as host and path (the query only behind the link)."""
    url = str(failure.get("url") or "")
    parts = urlsplit(url)
    title = parts.netloc + parts.path + ("?…" if parts.query else "")
    shown = link(title, url) if is_http(url) else plain(url)
    return f"- {shown} {plain(str(failure.get('reason') or ''))} ({plain(str(failure.get('kind') or ''))})"


def markdown(failure) -> str:
    """The notice as one markdown text: facts, the failing URLs that fit, the log link."""
    closing = link("Task log", failure.log_url) if is_http(failure.log_url) else "Runbook: docs/operations.md"
    head = fit(f"## {plain(failure.subject())}\n"
               + "\n".join(f"**{name}**: {plain(value)}" for name, value in failure.facts(CHAT_ERROR_CHARS)),
               MAX_BYTES // 2)
    text = head + url_lines(failure, MAX_BYTES - size(head) - size(closing) - 4)
    return f"{text}\n\n{closing}"


def url_lines(failure, budget: int) -> str:
    """The failing-URL block, whole lines only; what does not fit is counted ("N more: see the mail")."""
    if not failure.failures:
        return ""
    more = "\n- {n} more: see the mail"
    text = f"\n\n### {failure.urls_heading()}"
    for index, entry in enumerate(failure.failures):
        line = "\n" + url_line(entry)
        if size(text + line + more) > budget:
            return text + more.format(n=len(failure.failures) - index)
        text += line
    return text


def json_body(failure) -> dict:
    return {"text": f"{failure.subject()}\n{failure.text()}", "source_id": failure.source_id,
            "dag_id": failure.dag_id, "task_id": failure.task_id, "run_id": failure.run_id,
            "error": failure.error, "failing_urls": [f.get("url") for f in failure.failures],
            "log_url": failure.log_url}


def bodies_for(kind: str, failure) -> list[dict]:
    """The request bodies of one notice for one webhook kind: always exactly one message."""
    if kind == "json":
        return [json_body(failure)]
    return wrap(kind, failure.subject(), [markdown(failure)])
