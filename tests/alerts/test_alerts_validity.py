"""Validity changed in place reaches `changed` rules (alerts/validity.py), on real pages stored by the
process stage and matched by the cycle's alerts stage: a later document abolishing an earlier one,
the 有效期 running out, a reparse; each once, and nothing for the unchanged text."""

from __future__ import annotations

import itertools
from datetime import date, datetime, timedelta, timezone

import pytest

from futurewatch.app.cycle import match_alert_events, send_digests
from futurewatch.core.config import load_settings
from futurewatch.core.db import connect
from parsers.process import process_pending
from tests.alerts import archive as A
from tests.parsers.test_parsers_process import add_sources, rows
from alerts.validity import select_changes
from tests.policy.test_policy_store import CITY, CITY_NEW, NATIONAL, PROVINCIAL, WHEN, doc_id, store
from tests.policy.pages import govcn_a

EMAIL = "policy@example.cn"


@pytest.fixture
def db(fw_env):
    add_sources(fw_env.db_url)
    tv = A.add_taxonomy(fw_env.db_url)
    rules = A.add_subscriber(fw_env.db_url, EMAIL, [
        ("变更", "changed", {}),
        ("只看修改", "changed", {"changes": ["amended"]}),
        ("未来产业", "keyword", {"query": "未来产业"}),
    ], cadence="immediate")
    return fw_env.db_url, tv, rules


def label_new(db_url: str, tv: int) -> None:
    for r in rows(db_url, "SELECT d.current_version_id AS v FROM documents d WHERE NOT EXISTS "
                          "(SELECT 1 FROM classification_runs c WHERE c.version_id = d.current_version_id)"):
        A.classify(db_url, r["v"], tv, {"ai": ["未来产业"]})


def run_alerts(db_url: str, now: datetime) -> dict:
    return match_alert_events(db_url, now=now, settings=load_settings())


def validity_events(db_url: str, rule_id: int) -> list[dict]:
    return [e for e in A.events(db_url, rule_id) if e["payload"].get("validity")]


def test_a_later_document_abolishing_an_earlier_one_fires_once_naming_it(db):
    url, tv, rules = db
    store(url, CITY)
    label_new(url, tv)
    first = run_alerts(url, WHEN + timedelta(days=1))
    assert first["validity_changes"] == 0 and A.events(url, rules["变更"]) == []
    keyword_before = len(A.events(url, rules["未来产业"]))

    store(url, CITY_NEW, days=1)
    label_new(url, tv)
    now = WHEN + timedelta(days=2)
    second = run_alerts(url, now)
    city = doc_id(url, CITY[0])
    [event] = A.events(url, rules["变更"])
    assert event["version_id"] == A.current_version(url, city) and event["section"] == "changed"
    assert event["event_key"].endswith(":abolished") and event["payload"]["change"] == "abolished"
    by = event["payload"]["validity"]["by"]
    assert (by["title"], by["doc_number"]) == ("广州市加快未来产业发展若干措施", "穗府办规〔2024〕8号")
    assert by["document_id"] == doc_id(url, CITY_NEW[0]) and event["payload"]["validity"]["was"] == "in_force"
    assert second["validity_changes"] == 1
    assert A.events(url, rules["只看修改"]) == []          # the rule watches amendments only
    keyword = A.events(url, rules["未来产业"])             # the new document only: the old text is unchanged
    assert len(keyword) == keyword_before + 1 and keyword[-1]["version_id"] == A.current_version(url, doc_id(url, CITY_NEW[0]))

    again = run_alerts(url, now + timedelta(hours=1))
    assert again["events_new"] == 0 and len(A.events(url)) == len(keyword) + 1

    send_digests(url, now=now + timedelta(hours=2), settings=load_settings())
    [digest] = rows(url, "SELECT body_text FROM digests")
    assert "已废止（见《广州市加快未来产业发展若干措施》穗府办规〔2024〕8号）" in digest["body_text"]


def test_expiry_passing_fires_once_and_a_plain_reparse_fires_nothing(db):
    url, tv, rules = db
    store(url, CITY_NEW)
    label_new(url, tv)
    new = doc_id(url, CITY_NEW[0])
    [pm] = rows(url, "SELECT expires_on FROM policy_metadata WHERE version_id = %(v)s", {"v": A.current_version(url, new)})
    assert isinstance(pm["expires_on"], date)
    day_after = datetime.combine(pm["expires_on"] + timedelta(days=1), datetime.min.time(), timezone(timedelta(hours=8)))

    assert run_alerts(url, day_after - timedelta(days=2))["events_new"] > 0   # the keyword rule, first match
    assert A.events(url, rules["变更"]) == []
    events_before = len(A.events(url))

    summary = process_pending(url, settings=load_settings(), reparse=True)   # `process --reparse`: the version is rewritten in place
    assert summary.reparsed == 1 and summary.failed == 0
    assert run_alerts(url, day_after - timedelta(days=1))["events_new"] == 0

    expired = run_alerts(url, day_after + timedelta(hours=1))
    [event] = validity_events(url, rules["变更"])
    assert expired["validity_changes"] == 1 and event["event_key"].endswith(":expired")
    assert event["payload"]["validity"] == {"state": "expired", "was": "in_force", "expires_on": pm["expires_on"].isoformat()}
    assert len(A.events(url)) == events_before + 1
    assert run_alerts(url, day_after + timedelta(days=3))["events_new"] == 0


def test_validity_rewritten_by_a_reparse_fires_once(db):
    """The source's own 有效性 field rewritten on the same version (as UPSERT_POLICY does on a reparse)."""
    url, tv, rules = db
    store(url, CITY)
    label_new(url, tv)
    run_alerts(url, WHEN + timedelta(days=1))
    version = A.current_version(url, doc_id(url, CITY[0]))
    with connect(url) as conn:
        conn.execute("UPDATE policy_metadata SET validity = 'amended' WHERE version_id = %(v)s", {"v": version})
    assert run_alerts(url, WHEN + timedelta(days=2))["validity_changes"] == 2   # both changed rules watch amended
    [event] = A.events(url, rules["只看修改"])
    assert event["payload"]["validity"] == {"state": "amended", "was": "in_force"}
    assert run_alerts(url, WHEN + timedelta(days=3))["events_new"] == 0


def test_the_validity_function_agrees_with_the_reader_view(db):
    url, tv, _ = db
    store(url, CITY)
    store(url, CITY_NEW, days=1)
    got = rows(url, "SELECT v.document_id, v.validity, "
                    "policy_validity(v.document_id, pm.validity, pm.effective_on, pm.expires_on, "
                    "(now() AT TIME ZONE 'Asia/Shanghai')::date) AS ours "
                    "FROM v_policy_documents v JOIN policy_metadata pm USING (version_id)")
    assert len(got) == 2 and all(r["validity"] == r["ours"] for r in got)
    assert {r["validity"] for r in got} == {"abolished", "in_force"}


def test_a_run_failing_mid_write_changes_nothing_and_the_rerun_fires_once(db):
    """The stored validity is committed with the events: a run that fails while writing them (here
    the database refuses the insert) leaves the change to announce, and the next run announces it."""
    url, tv, rules = db
    store(url, CITY)
    label_new(url, tv)
    run_alerts(url, WHEN + timedelta(days=1))
    store(url, CITY_NEW, days=1)
    label_new(url, tv)
    with connect(url) as conn:
        conn.execute("""CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$
                        BEGIN RAISE EXCEPTION 'disk full'; END $$""")
        conn.execute("CREATE TRIGGER refuse BEFORE INSERT ON alert_events FOR EACH ROW "
                     "WHEN (NEW.event_key LIKE '%:abolished') EXECUTE FUNCTION refuse()")
    with pytest.raises(Exception, match="disk full"):
        run_alerts(url, WHEN + timedelta(days=2))
    city_version = A.current_version(url, doc_id(url, CITY[0]))
    stored = rows(url, "SELECT validity FROM alert_version_state WHERE version_id = %(v)s", {"v": city_version})
    assert stored == [{"validity": "in_force"}] and A.events(url, rules["变更"]) == []
    with connect(url) as conn:
        conn.execute("DROP TRIGGER refuse ON alert_events")
    assert run_alerts(url, WHEN + timedelta(days=2))["validity_changes"] == 1
    assert len(validity_events(url, rules["变更"])) == 1
    assert run_alerts(url, WHEN + timedelta(days=3))["events_new"] == 0


def test_an_abolishment_arriving_with_a_new_version_of_the_page_is_announced(db):
    """The abolished page is re-crawled with new text in the same cycle as the document abolishing it:
    its new version is matched first after the change, and the abolishment must still be told."""
    url, tv, rules = db
    store(url, CITY)
    label_new(url, tv)
    run_alerts(url, WHEN + timedelta(days=1))
    assert validity_events(url, rules["变更"]) == []
    page, markup = CITY
    edited = markup.replace("申报截止时间为2024年3月20日。", "申报截止时间为2024年3月20日。咨询电话：020-12345678。")
    assert edited != markup
    store(url, CITY_NEW, (page, edited), days=1)
    label_new(url, tv)
    city = doc_id(url, page)
    assert rows(url, "SELECT version_no FROM document_versions WHERE version_id = %(v)s",
                {"v": A.current_version(url, city)}) == [{"version_no": 2}]
    summary = run_alerts(url, WHEN + timedelta(days=2))
    [event] = validity_events(url, rules["变更"])
    assert summary["validity_changes"] == 1 and event["event_key"].endswith(":abolished")
    assert event["payload"]["validity"]["was"] == "in_force"
    assert event["payload"]["validity"]["by"]["document_id"] == doc_id(url, CITY_NEW[0])
    assert run_alerts(url, WHEN + timedelta(days=3))["events_new"] == 0


def test_a_rerun_checks_only_what_can_have_moved_and_still_catches_an_expiry(db):
    """Nothing new: no policy's validity is computed again, until the run's day passes a 施行日期
    (stored silently) or an 有效期 (announced)."""
    url, tv, rules = db
    store(url, NATIONAL, PROVINCIAL, CITY_NEW)
    label_new(url, tv)
    expires = {r["version_id"]: r["expires_on"] for r in rows(url, "SELECT version_id, expires_on FROM policy_metadata")}
    [ends] = [d for d in expires.values() if d is not None]   # CITY_NEW's 有效期3年; the others have none
    assert len(expires) == 3
    day_after = datetime.combine(ends + timedelta(days=1), datetime.min.time(), timezone(timedelta(hours=8)))

    first = run_alerts(url, WHEN + timedelta(days=1))   # CITY_NEW takes effect on 2024-04-01: not yet in force
    assert first["versions_scanned"] == 3 and first["validity_checked"] == 0
    started = run_alerts(url, day_after - timedelta(days=2))
    assert (started["validity_checked"], started["events_new"]) == (1, 0)
    rerun = run_alerts(url, day_after - timedelta(days=1))
    assert (rerun["validity_checked"], rerun["events_new"]) == (0, 0)

    expired = run_alerts(url, day_after + timedelta(hours=1))   # as_of moved past the end date
    [event] = validity_events(url, rules["变更"])
    assert (expired["validity_checked"], expired["validity_changes"]) == (1, 1)
    assert event["payload"]["validity"] == {"state": "expired", "was": "in_force", "expires_on": ends.isoformat()}
    later = run_alerts(url, day_after + timedelta(days=3))
    assert (later["validity_checked"], later["events_new"]) == (0, 0)


ALL_CHANGES_SQL = """
SELECT s.version_id, x.validity FROM policy_metadata pm
JOIN alert_version_state s ON s.version_id = pm.version_id
JOIN documents d ON d.current_version_id = pm.version_id
CROSS JOIN LATERAL (SELECT policy_validity(d.document_id, pm.validity, pm.effective_on, pm.expires_on, %(today)s)
                   AS validity) x
WHERE x.validity IS DISTINCT FROM s.validity
"""


def test_the_changes_found_are_those_of_the_rule_called_on_every_version(db):
    """Every stored field, told value, start and end date, on a document a later one abolishes and on
    one that no document names: the narrowed statement finds exactly what policy_validity on all finds."""
    url, tv, _ = db
    store(url, CITY)
    store(url, CITY_NEW, days=1)
    label_new(url, tv)
    now = WHEN + timedelta(days=2)
    run_alerts(url, now)
    values = [None, "not_yet_in_force", "in_force", "amended", "abolished", "expired"]
    today = now.date()
    days = (None, today - timedelta(days=1), today, today + timedelta(days=1))
    with connect(url) as conn:
        for stored, told, starts, ends in itertools.product(values, values, days, days):
            conn.execute("UPDATE policy_metadata SET validity = %(v)s, effective_on = %(s)s, expires_on = %(e)s",
                         {"v": stored, "s": starts, "e": ends})
            conn.execute("UPDATE alert_version_state SET validity = %(t)s", {"t": told})
            expected = {(r["version_id"], r["validity"]) for r in conn.execute(ALL_CHANGES_SQL, {"today": today})}
            _, found = select_changes(conn, now)
            assert {(c["version_id"], c["validity"]) for c in found} == expected, (stored, told, starts, ends)


def test_a_policy_its_source_calls_not_yet_in_force_is_checked_once_after_its_start(db):
    """A source's 尚未生效 with a 施行日期: on that day the policy turns in_force silently (no event: nothing
    an analyst must act on), and later runs compute nothing for it although the stored field still says
    尚未生效 (the page was not fetched again)."""
    url, tv, rules = db
    pending = ("https://www.gov.cn/zhengce/content/202403/content_6930002.htm",
               govcn_a("广东省人民政府关于加快培育发展未来产业的行动方案", ["正文。"],
                       {"发文字号": "粤府〔2024〕3号", "有效性": "尚未生效", "施行日期": "2024年4月1日"}))
    store(url, pending)
    label_new(url, tv)
    before = run_alerts(url, WHEN + timedelta(days=1))
    assert (before["versions_scanned"], before["validity_checked"]) == (1, 0)
    started = run_alerts(url, datetime(2024, 4, 1, 0, 30, tzinfo=timezone(timedelta(hours=8))))
    assert (started["validity_checked"], started["events_new"]) == (1, 0)
    assert rows(url, "SELECT validity FROM alert_version_state") == [{"validity": "in_force"}]
    for days in (1, 30):
        later = run_alerts(url, datetime(2024, 4, 1, 12, tzinfo=timezone(timedelta(hours=8))) + timedelta(days=days))
        assert (later["validity_checked"], later["events_new"]) == (0, 0)
    assert validity_events(url, rules["变更"]) == []
