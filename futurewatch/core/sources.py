"""The source registry as typed, validated data: the one reader of crawlers/sources.yaml.

Every stage reads sources through here: the crawler (spider, politeness, entry points), the
parser lookup by URL host, the crawl schedule and the mirror. Loading fails with RegistryError
on the first malformed entry, in one line naming the file and the key:

    extra.yaml: sources[0] (example_news).link_pattern: not a regular expression (…)

FUTUREWATCH_SOURCES names more registry files (separated by the path separator); each adds
sources or replaces a built-in one with the same source_id. Nothing here imports a spider or a
parser: class paths are checked for form at load and for existence by tests/test_sources_registry.py,
so DAG files may read the registry at import.
"""

from __future__ import annotations

import os
import re
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

REGISTRY_PATH = Path(__file__).resolve().parents[2] / "crawlers" / "sources.yaml"
SOURCES_ENV = "FUTUREWATCH_SOURCES"
KINDS = ("news", "policy")
GENERIC = "generic"
MAX_CONCURRENCY_PER_DOMAIN = 2
MAX_REGISTRY_BYTES = 1024 * 1024  # a registry file is a few kB; anything larger is a mistake
_CLASS_PATH = re.compile(r"^[A-Za-z_][\w.]*:[A-Za-z_]\w*$")
_SOURCE_ID = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
_HOST = re.compile(r"^\.?[a-z0-9-]+(\.[a-z0-9-]+)+$")


class RegistryError(ValueError):
    """A malformed source entry; the message is one line naming the file and the key."""


@dataclass(frozen=True)
class Politeness:
    download_delay: float = 1.0
    concurrency_per_domain: int = 2


@dataclass(frozen=True)
class RobotsPolicy:
    obey: bool = True
    reason: str | None = None


@dataclass(frozen=True)
class ParserSpec:
    """The parser of a source: `generic`, or a module under parsers/ and its versions (oldest first)."""
    module: str = GENERIC
    versions: tuple[str, ...] = ()

    @property
    def is_generic(self) -> bool:
        return self.module == GENERIC


@dataclass(frozen=True)
class SourceConfig:
    source_id: str
    name: str
    kind: str
    entry_urls: tuple[str, ...]
    allowed_domains: tuple[str, ...]
    hosts: tuple[str, ...] = ()  # parser lookup by URL: exact hosts, or ".suffix" for every subdomain
    spider: str = GENERIC  # "module:Class", or generic (entry pages: listing, RSS/Atom feed, sitemap)
    parser: ParserSpec = ParserSpec()
    link_pattern: str | None = None  # generic spider: article URLs match this regex
    fixtures: str | None = None  # folder of stored pages (<stem>.html.gz + <stem>.meta.json)
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
        for key in ("entry_urls", "allowed_domains", "hosts"):
            data[key] = list(getattr(self, key))
        data["parser"]["versions"] = list(self.parser.versions)
        return data

    def fixtures_dir(self) -> Path | None:
        return Path(self.fixtures) if self.fixtures else None


class _Entry:
    """One raw YAML entry and where it came from, for one-line errors."""

    def __init__(self, raw: dict, origin: str, index: int):
        self.raw, self.origin = raw, origin
        self.where = f"{origin}: sources[{index}] ({raw.get('source_id', '?')})"

    def fail(self, key: str, problem: str) -> RegistryError:
        return RegistryError(f"{self.where}.{key}: {problem}")

    def require(self, key: str):
        if self.raw.get(key) in (None, "", []):
            raise self.fail(key, "missing")
        return self.raw[key]

    def strings(self, key: str, default=()) -> tuple[str, ...]:
        value = self.raw.get(key, default)
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) and v for v in value):
            raise self.fail(key, "expected a list of non-empty strings")
        return tuple(value)


def _check_identity(e: _Entry) -> None:
    if not isinstance(e.raw.get("source_id"), str) or not _SOURCE_ID.match(e.raw["source_id"]):
        raise e.fail("source_id", "missing or not a lowercase identifier (a-z, 0-9, _; ≤40)")
    e.require("name")
    if e.require("kind") not in KINDS:
        raise e.fail("kind", f"must be one of {', '.join(KINDS)}, not {e.raw['kind']!r}")
    unknown = sorted(set(e.raw) - set(SourceConfig.__dataclass_fields__))
    if unknown:
        raise e.fail(unknown[0], "unknown key (see the keys listed at the top of crawlers/sources.yaml)")


def _parser_spec(e: _Entry) -> ParserSpec:
    value = e.raw.get("parser", GENERIC)
    if value == GENERIC:
        return ParserSpec()
    if not isinstance(value, dict) or set(value) != {"module", "versions"}:
        raise e.fail("parser", "expected `generic` or {module: parsers.sites.NAME, versions: [V1, …]}")
    versions = value["versions"]
    if not isinstance(value["module"], str) or not isinstance(versions, list) or not versions \
            or not all(isinstance(v, str) and v.isidentifier() for v in versions):
        raise e.fail("parser", "module must be a dotted name and versions a non-empty list of class names")
    return ParserSpec(value["module"], tuple(versions))


def _hosts(e: _Entry, domains: tuple[str, ...]) -> tuple[str, ...]:
    default = [h for d in domains for h in (d, "." + d)]
    hosts = e.strings("hosts", default)
    bad = [h for h in hosts if not _HOST.match(h)]
    if bad:
        raise e.fail("hosts", f"{bad[0]!r} is not a lowercase host or .suffix")
    return hosts


def _spider(e: _Entry) -> str:
    spider = e.raw.get("spider", GENERIC)
    if spider != GENERIC and not (isinstance(spider, str) and _CLASS_PATH.match(spider)):
        raise e.fail("spider", "expected `generic` or a class path module:Class")
    return spider


def _link_pattern(e: _Entry) -> str | None:
    pattern = e.raw.get("link_pattern")
    if pattern is None:
        return None
    try:
        re.compile(pattern)
    except (re.error, TypeError) as exc:
        raise e.fail("link_pattern", f"not a regular expression ({exc})") from None
    return pattern


def _politeness(e: _Entry) -> tuple[RobotsPolicy, Politeness]:
    try:
        robots = RobotsPolicy(**(e.raw.get("robots") or {}))
        politeness = Politeness(**(e.raw.get("politeness") or {}))
    except TypeError as exc:
        raise e.fail("robots/politeness", str(exc)) from None
    if not robots.obey and not (robots.reason or "").strip():
        raise e.fail("robots", "obey: false needs a written reason")
    if not 1 <= politeness.concurrency_per_domain <= MAX_CONCURRENCY_PER_DOMAIN:
        raise e.fail("politeness", f"concurrency_per_domain must be 1..{MAX_CONCURRENCY_PER_DOMAIN}")
    return robots, politeness


def _fixtures(e: _Entry, base: Path | None) -> str | None:
    value = e.raw.get("fixtures")
    if value is None:
        return None
    if not isinstance(value, str) or not value:
        raise e.fail("fixtures", "expected a folder path")
    path = Path(value)
    return str(path if path.is_absolute() or base is None else (base / path).resolve())


def build_source(raw: dict, origin: str = "registry", index: int = 0, base: Path | None = None) -> SourceConfig:
    """One YAML entry → SourceConfig, checked; RegistryError names the file and the key."""
    if not isinstance(raw, dict):
        raise RegistryError(f"{origin}: sources[{index}]: expected a mapping of keys")
    e = _Entry(raw, origin, index)
    _check_identity(e)
    urls, domains = e.strings("entry_urls"), e.strings("allowed_domains")
    if not urls:
        raise e.fail("entry_urls", "missing")
    if not domains:
        raise e.fail("allowed_domains", "missing")
    robots, politeness = _politeness(e)
    values = {k: v for k, v in raw.items() if k not in ("robots", "politeness", "parser")}
    values |= {"entry_urls": urls, "allowed_domains": domains, "hosts": _hosts(e, domains), "spider": _spider(e),
               "link_pattern": _link_pattern(e), "fixtures": _fixtures(e, base)}
    try:
        return SourceConfig(robots=robots, politeness=politeness, parser=_parser_spec(e), **values)
    except TypeError as exc:
        raise e.fail("?", str(exc)) from None


def parse_registry(text: str, origin: str = "registry", base: Path | None = None) -> dict[str, SourceConfig]:
    """A registry file's text → sources by id; a duplicate id within the file is an error."""
    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as exc:
        raise RegistryError(f"{origin}: not valid YAML ({' '.join(str(exc).split())})") from None
    entries = data.get("sources") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise RegistryError(f"{origin}: sources: expected a top-level 'sources:' list")
    sources: dict[str, SourceConfig] = {}
    for index, raw in enumerate(entries):
        config = build_source(raw, origin, index, base)
        if config.source_id in sources:
            raise RegistryError(f"{origin}: sources[{index}] ({config.source_id}).source_id: duplicate entry")
        sources[config.source_id] = config
    return sources


def read_registry_file(path: Path) -> dict[str, SourceConfig]:
    """One registry file, validated; fixtures paths are relative to the file."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_REGISTRY_BYTES:
            raise RegistryError(f"{path}: larger than {MAX_REGISTRY_BYTES} bytes")
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RegistryError(f"{path}: cannot read the source registry ({exc})") from None
    return parse_registry(text, str(path), path.parent)


def overlay_paths(value: str | None = None) -> tuple[Path, ...]:
    """The files named by FUTUREWATCH_SOURCES (or `value`), in order."""
    value = os.environ.get(SOURCES_ENV, "") if value is None else value
    return tuple(Path(p).expanduser() for p in value.split(os.pathsep) if p.strip())


def _stamp(path: Path) -> tuple[Path, int]:
    """A file and its modification time: an edited registry is read again, an unchanged one is not."""
    try:
        return path, path.stat().st_mtime_ns
    except OSError:
        return path, -1  # read_registry_file reports the file as unreadable


@lru_cache(maxsize=8)
def _load(stamped: tuple[tuple[Path, int], ...]) -> dict[str, SourceConfig]:
    sources: dict[str, SourceConfig] = {}
    for path, _ in stamped:
        sources.update(read_registry_file(path))  # an overlay entry replaces a built-in one whole
    return sources


def load_registry(path: Path | None = None) -> dict[str, SourceConfig]:
    """Every source by id: the package registry plus FUTUREWATCH_SOURCES (`path` alone when given)."""
    paths = (Path(path),) if path is not None else (REGISTRY_PATH, *overlay_paths())
    return _load(tuple(_stamp(p) for p in paths))


def select_sources(source_ids: list[str] | None = None, path: Path | None = None) -> list[SourceConfig]:
    """The named sources (any order given), or every enabled one; unknown ids raise RegistryError."""
    registry = load_registry(path)
    if not source_ids:
        return [s for s in registry.values() if s.enabled]
    unknown = [s for s in source_ids if s not in registry]
    if unknown:
        raise RegistryError(f"unknown source(s): {', '.join(unknown)}; known: {', '.join(registry)}")
    return [registry[s] for s in dict.fromkeys(source_ids)]
