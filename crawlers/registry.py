"""The source registry (crawlers/sources.yaml) as typed, validated data.

Loading fails with RegistryError on a malformed entry: an unknown kind, a duplicate id, a
robots override without a reason, more than 2 concurrent requests per domain, a missing
spider module. A bad entry never reaches a crawl.
"""

from __future__ import annotations

import importlib
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

REGISTRY_PATH = Path(__file__).with_name("sources.yaml")
KINDS = ("news", "policy")
MAX_CONCURRENCY_PER_DOMAIN = 2


class RegistryError(ValueError):
    """A malformed source entry; the message names the source and the field."""


@dataclass(frozen=True)
class Politeness:
    download_delay: float = 1.0
    concurrency_per_domain: int = 2


@dataclass(frozen=True)
class RobotsPolicy:
    obey: bool = True
    reason: str | None = None


@dataclass(frozen=True)
class SourceConfig:
    source_id: str
    name: str
    kind: str
    entry_urls: tuple[str, ...]
    allowed_domains: tuple[str, ...]
    schedule: str = "0 */6 * * *"
    enabled: bool = True
    robots: RobotsPolicy = RobotsPolicy()
    needs_browser_ua: bool = False
    politeness: Politeness = Politeness()
    lookback_days: int = 1
    max_pages: int = 1
    backfill_max_pages: int = 10
    revisit_hours: float = 72.0
    attachments: bool = False
    max_runtime_minutes: int = 30
    options: dict = field(default_factory=dict)

    def to_json(self) -> dict:
        """The entry as stored in sources.config."""
        data = asdict(self)
        data["entry_urls"] = list(self.entry_urls)
        data["allowed_domains"] = list(self.allowed_domains)
        return data


def _require(entry: dict, key: str, where: str):
    if entry.get(key) in (None, "", []):
        raise RegistryError(f"{where}: missing {key!r}")
    return entry[key]


def build_source(entry: dict) -> SourceConfig:
    """One YAML entry → SourceConfig, checked."""
    where = f"source {entry.get('source_id', '?')!r}"
    known = set(SourceConfig.__dataclass_fields__)
    unknown = set(entry) - known
    if unknown:
        raise RegistryError(f"{where}: unknown key(s) {sorted(unknown)}")
    kind = _require(entry, "kind", where)
    if kind not in KINDS:
        raise RegistryError(f"{where}: kind must be one of {KINDS}, not {kind!r}")
    robots = RobotsPolicy(**(entry.get("robots") or {}))
    if not robots.obey and not (robots.reason or "").strip():
        raise RegistryError(f"{where}: robots.obey false needs a written reason")
    politeness = Politeness(**(entry.get("politeness") or {}))
    if not 1 <= politeness.concurrency_per_domain <= MAX_CONCURRENCY_PER_DOMAIN:
        raise RegistryError(f"{where}: concurrency_per_domain must be 1..{MAX_CONCURRENCY_PER_DOMAIN}")
    values = {k: v for k, v in entry.items() if k not in ("robots", "politeness")}
    values["entry_urls"] = tuple(_require(entry, "entry_urls", where))
    values["allowed_domains"] = tuple(_require(entry, "allowed_domains", where))
    _require(entry, "name", where)
    return SourceConfig(robots=robots, politeness=politeness, **values)


def parse_registry(text: str) -> dict[str, SourceConfig]:
    data = yaml.safe_load(text) or {}
    entries = data.get("sources") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise RegistryError("registry: expected a top-level 'sources:' list")
    sources: dict[str, SourceConfig] = {}
    for entry in entries:
        config = build_source(entry)
        if config.source_id in sources:
            raise RegistryError(f"source {config.source_id!r}: duplicate entry")
        sources[config.source_id] = config
    return sources


@lru_cache(maxsize=4)
def load_registry(path: Path = REGISTRY_PATH) -> dict[str, SourceConfig]:
    """Every source of the registry by source_id (cached per path)."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise RegistryError(f"cannot read the source registry {path}: {exc}") from exc
    return parse_registry(text)


def select_sources(source_ids: list[str] | None = None, path: Path = REGISTRY_PATH) -> list[SourceConfig]:
    """The named sources (any order given), or every enabled one; unknown ids raise RegistryError."""
    registry = load_registry(path)
    if not source_ids:
        return [s for s in registry.values() if s.enabled]
    unknown = [s for s in source_ids if s not in registry]
    if unknown:
        raise RegistryError(f"unknown source(s): {', '.join(unknown)}; known: {', '.join(registry)}")
    return [registry[s] for s in dict.fromkeys(source_ids)]


def load_spider_class(source_id: str):
    """crawlers.spiders.<source_id>.Spider: the registry's entry names its module."""
    try:
        module = importlib.import_module(f"crawlers.spiders.{source_id}")
    except ImportError as exc:
        raise RegistryError(f"source {source_id!r}: no spider module crawlers/spiders/{source_id}.py ({exc})") from exc
    return module.Spider
