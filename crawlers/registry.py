"""The crawler's view of the source registry (futurewatch/core/sources.py reads and checks it).

Re-exports the registry's types and loaders, and resolves a source's spider class: the class
path its entry names, or the generic spider (crawlers/spiders/generic.py).
"""

from __future__ import annotations

import importlib

from futurewatch.core.sources import (  # noqa: F401 - the crawler's names for the one registry
    GENERIC,
    KINDS,
    MAX_CONCURRENCY_PER_DOMAIN,
    REGISTRY_PATH,
    ParserSpec,
    Politeness,
    RegistryError,
    RobotsPolicy,
    SourceConfig,
    build_source,
    load_registry,
    parse_registry,
    select_sources,
)

GENERIC_SPIDER = "crawlers.spiders.generic:Spider"


def import_class(path: str):
    """`module:Class` → the class; RegistryError when either is missing."""
    module_name, _, class_name = path.partition(":")
    try:
        return getattr(importlib.import_module(module_name), class_name)
    except (ImportError, AttributeError) as exc:
        raise RegistryError(f"cannot import {path} ({exc})") from exc


def spider_class_for(config: SourceConfig):
    try:
        return import_class(GENERIC_SPIDER if config.spider == GENERIC else config.spider)
    except RegistryError as exc:
        raise RegistryError(f"source {config.source_id!r}: spider: {exc}") from exc


def load_spider_class(source_id: str):
    """The spider class the registry entry of `source_id` names."""
    registry = load_registry()
    if source_id not in registry:
        raise RegistryError(f"unknown source {source_id!r}")
    return spider_class_for(registry[source_id])
