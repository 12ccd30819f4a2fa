"""Which corpus excerpts may keep their text in the repository: the licence table.

The table (tests/fixtures/classify_corpus/licences.yaml) names licences, host rules and the
per-item review of items on government hosts. `licence_for` applies it to one item; the
build script and the integrity test check every committed item against it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml

NOT_REDISTRIBUTED = "not-redistributed"


@dataclass(frozen=True)
class Licence:
    name: str
    store_text: bool
    title: str
    attribution: str = ""


@dataclass(frozen=True)
class HostRule:
    pattern: str
    licence: str
    review: bool = False

    def matches(self, host: str) -> bool:
        if self.pattern.startswith("*."):
            suffix = self.pattern[2:]
            return host == suffix or host.endswith("." + suffix)
        return host == self.pattern


@dataclass(frozen=True)
class LicenceTable:
    licences: dict[str, Licence]
    hosts: tuple[HostRule, ...]
    reviewed: dict[str, bool]  # item id -> official document or press release?

    def rule_for(self, url: str) -> HostRule | None:
        host = (urlsplit(url).hostname or "").lower()
        return next((rule for rule in self.hosts if rule.matches(host)), None)

    def store_text(self, licence: str) -> bool:
        return self.licences[licence].store_text


def _licence(name: str, entry: dict) -> Licence:
    return Licence(name=name, store_text=bool(entry["store_text"]), title=str(entry.get("title", "")),
                   attribution=str(entry.get("attribution", "")))


def read_licences(path: str | Path) -> LicenceTable:
    """Parse the table; a malformed table raises ValueError with a one-line reason."""
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
        licences = {name: _licence(name, entry) for name, entry in data["licences"].items()}
        hosts = tuple(HostRule(str(h["pattern"]).lower(), str(h["licence"]), bool(h.get("review", False)))
                      for h in data["hosts"])
        reviewed = {str(k): bool(v["official"]) for k, v in (data.get("reviewed") or {}).items()}
    except (OSError, yaml.YAMLError, KeyError, TypeError, AttributeError) as exc:
        reason = " ".join(str(exc).split())[:160]
        raise ValueError(f"{path}: not a valid licence table ({type(exc).__name__}: {reason})") from exc
    unknown = {h.licence for h in hosts} - set(licences)
    if NOT_REDISTRIBUTED not in licences or unknown:
        raise ValueError(f"{path}: host rules name unknown licences {sorted(unknown)} "
                         f"or '{NOT_REDISTRIBUTED}' is missing")
    return LicenceTable(licences, hosts, reviewed)


def licence_for(item_id: str, url: str, table: LicenceTable) -> str:
    """The licence one item gets: its host rule's, gated by the review where the rule asks for it."""
    rule = table.rule_for(url)
    if rule is None:
        return NOT_REDISTRIBUTED
    if rule.review and not table.reviewed.get(item_id, False):
        return NOT_REDISTRIBUTED
    return rule.licence


def needs_review(item_id: str, url: str, table: LicenceTable) -> bool:
    """True for an item on a review host that nobody has decided on yet."""
    rule = table.rule_for(url)
    return bool(rule and rule.review and item_id not in table.reviewed)


def attribution_for(licence: str, url: str, table: LicenceTable) -> str:
    template = table.licences[licence].attribution
    return template.format(url=url) if template else ""
