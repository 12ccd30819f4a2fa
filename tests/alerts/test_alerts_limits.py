"""The documented input limits of alerts/limits.py, one by one."""

from __future__ import annotations

import pytest

from alerts.limits import (MAX_QUERY_CHARS, MAX_TERM_CHARS, MAX_TERMS_PER_RULE, LimitError, check_email,
                           check_rule_params)


@pytest.mark.parametrize("email", ["analyst@example.com", "first.last+tag@sub.example.cn", '"a b"@example.com'])
def test_plain_addresses_pass(email):
    assert check_email(f"  {email} ") == email


@pytest.mark.parametrize("email, message", [
    ("a@example.com\nBcc: b@example.com", "line break"),
    ("a@example.com\r", "line break"),
    ("a@example.com\x00", "control character"),
    ("a@example.com, b@example.com", "not one plain address"),
    ("Analyst <a@example.com>", "not one plain address"),
    ("<a@example.com>", "not one plain address"),
    ("a@", "not one plain address"),
    ("@example.com", "not one plain address"),
    ("x" * 250 + "@example.com", "the limit is 254"),
])
def test_anything_else_is_refused_with_the_reason(email, message):
    with pytest.raises(LimitError, match=message):
        check_email(email)


def test_names_are_short_single_lines():
    from alerts.limits import check_name

    check_name("name", "分析员" * 66)
    for value, message in (("x" * 201, "201 characters; the limit is 200"), ("a\nb", "line break")):
        with pytest.raises(LimitError, match=message):
            check_name("name", value)


def test_rule_limits_are_exact():
    check_rule_params({"query": "a" * MAX_TERM_CHARS})
    check_rule_params({"query": " OR ".join(["ab"] * (MAX_TERMS_PER_RULE - 1)), "names": ["x"]})
    check_rule_params({"query": "(" * 20 + "ab" + ")" * 20})
    for params, message in (({"query": "a" * (MAX_TERM_CHARS + 1)}, "characters; the limit is 200"),
                            ({"query": "ab", "names": ["n" * 201]}, "the limit is 200"),
                            ({"query": "ab", "issuers": [["i" * 201]]}, "the limit is 200"),
                            ({"query": " ".join(["ab"] * (MAX_TERMS_PER_RULE + 1))}, "terms; the limit is 200"),
                            ({"query": "x " * MAX_QUERY_CHARS}, "the limit is 2000"),
                            ({"query": "(" * 21 + "ab" + ")" * 21}, "21 deep; the limit is 20"),
                            ({"query": "ab", "names": [[[[[[[[[["x"]]]]]]]]]]}, "nested more than 8 deep")):
        with pytest.raises(LimitError, match=message):
            check_rule_params(params)


@pytest.mark.parametrize("content, message", [
    ("a: &a [x, x]\nb: &b [*a, *a, *a]\nsubscribers: [*b]\n", "aliases"),
    ("subscribers: " + "[" * 50_000 + "]" * 50_000 + "\n", "nested too deeply"),
    (b"\xff\xfe\x00 not text", "not UTF-8"),
    ("subscribers:\n" + "  - email: a@example.com\n" * 300_000, "bytes; the limit is 5242880"),
])
def test_hostile_subscriber_files_are_refused_in_one_line(tmp_path, content, message):
    from alerts.subscribers import SubscriberError, read_subscribers

    path = tmp_path / "subs.yaml"
    path.write_bytes(content) if isinstance(content, bytes) else path.write_text(content, encoding="utf-8")
    with pytest.raises(SubscriberError, match=message) as info:
        read_subscribers(path)
    assert str(path) in str(info.value) and "\n" not in str(info.value)
