"""Malformed subscriber files give one-line errors naming the subscriber and rule."""

import pytest

from alerts.subscribers import SubscriberError, read_subscribers


@pytest.mark.parametrize("params", ["[1, 2]", "just text"])
def test_rule_params_that_are_not_a_mapping_are_refused(tmp_path, params):
    path = tmp_path / "subs.yaml"
    path.write_text(
        "subscribers:\n"
        "  - email: a@example.org\n"
        "    rules:\n"
        f"      - {{name: q, type: keyword, params: {params}}}\n",
        encoding="utf-8",
    )
    with pytest.raises(SubscriberError) as info:
        read_subscribers(path)
    assert "a@example.org" in str(info.value) and "params must be a mapping" in str(info.value)
