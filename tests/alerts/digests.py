"""A subscriber with events and a built digest, for delivery and rendering tests."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from alerts.digest import build_due_digests
from alerts.events import match_events
from futurewatch.core.config import load_settings
from tests.alerts import archive as A


def smtp_settings(home, port: int, **extra) -> object:
    env = {"FUTUREWATCH_HOME": str(home), "SMTP_HOST": "127.0.0.1", "SMTP_PORT": str(port),
           "SMTP_SECURITY": "none", "SMTP_TIMEOUT": "2", "SMTP_FROM": "digests@futurewatch.example"}
    return load_settings({**env, **extra})


# the quantum baseline's ages: one in every other 24-hour window of the trailing 14
BASELINE_AGES = [timedelta(days=day, hours=6) for day in range(1, 15, 2)]


def seed_digest_events(db: str, *, email: str = "reader@example.com", cadence: str = "immediate",
                       spike: bool = True, language: str = "zh") -> datetime:
    """A subscriber whose rules fire on policy, news and a spike; returns the `now` used."""
    tv = A.add_taxonomy(db)
    rules = [("量子", "keyword", {"query": "量子 OR 具身智能"}), ("粤工信", "new_policy", {"doc_number_prefixes": ["粤工信"]})]
    if spike:
        rules.append(("量子热度", "spike", {"categories": ["quantum"], "min_count": 3}))
    A.add_subscriber(db, email, rules, cadence=cadence, language=language)
    now = datetime.now(timezone.utc)
    for day, age in enumerate(BASELINE_AGES):  # a trailing baseline of 0.5 a day
        doc = A.add_document(db, "c114", f"量子旧闻 {day}", "量子", published_at=now - age)
        A.classify(db, A.current_version(db, doc), tv, {"quantum": ["量子"]})
    for hour in range(1, 5):
        doc = A.add_document(db, "c114", f"量子通信网络开通 {hour}", "福建移动量子城域网开通，量子密钥分发。",
                             published_at=now - timedelta(hours=hour))
        A.classify(db, A.current_version(db, doc), tv, {"quantum": ["量子密钥分发"]})
    policy = A.add_document(db, "gd_gov", "广东省培育发展未来电子信息产业集群行动计划", "为加快培育具身智能与量子科技……",
                            kind="policy")
    A.add_policy(db, A.current_version(db, policy), issuers=["广东省工业和信息化厅"], doc_number="粤工信电子〔2024〕2号")
    A.classify(db, A.current_version(db, policy), tv, {"quantum": ["量子科技"]})
    now = datetime.now(timezone.utc)
    match_events(db, now=now, settings=load_settings())
    return now


def build_one(db: str, settings, now: datetime) -> int:
    summary = build_due_digests(db, now=now, settings=settings)
    assert summary.built == 1, summary
    return summary.digest_ids[0]
