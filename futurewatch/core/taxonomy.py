"""The taxonomy data file: read, validate, checksum.

The code list in /work/shared/taxonomy.md is a contract: a file that drops or renames one of
those codes, repeats a code, or places a code under an unknown parent fails validation.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

import yaml

DEFAULT_PATH = Path(__file__).with_name("taxonomy.yaml")

# The contract codes: never renamed, only added to.
CONTRACT_CODES = (
    "next_gen_network", "satellite_internet", "quantum", "ai", "xr", "embodied_ai",
    "unmanned_systems", "low_altitude", "commercial_space", "deep_sea", "gene_cell",
    "synthetic_bio", "brain_computer", "ai_biomed", "future_materials", "hydrogen",
    "advanced_nuclear", "offshore_wind", "new_energy_storage", "photovoltaic", "gas_hydrate",
    "ccus", "integrated_circuits", "nev", "biomedicine",
)
VIEWS = ("national", "guangdong", "guangzhou", "emerging")
TERM_LISTS = {"terms": 1.0, "weak": 0.35}
WEAK_WEIGHT = TERM_LISTS["weak"]


class TaxonomyError(ValueError):
    """The taxonomy file is malformed; the message names the code and the problem."""


@dataclass(frozen=True)
class Category:
    code: str
    name_zh: str
    name_en: str
    terms: tuple[tuple[str, float], ...]      # (term, weight); the names come first
    exclusions: tuple[str, ...]
    contexts: tuple[str, ...]
    views: dict[str, str] = field(default_factory=dict)
    placement_sources: dict[str, str] = field(default_factory=dict)
    combines: tuple[str, ...] = ()    # a track that is the meeting of others (AI+生物医药: ai, biomedicine)


@dataclass(frozen=True)
class Taxonomy:
    version: str
    checksum: str
    categories: tuple[Category, ...]
    data: dict

    def codes(self) -> list[str]:
        return [c.code for c in self.categories]


def checksum_of(data: dict) -> str:
    """sha256 of the data in canonical JSON: formatting and comments don't make a new version."""
    blob = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def read_taxonomy(path: str | Path | None = None) -> Taxonomy:
    """Parse and validate a taxonomy YAML file (default: the packaged one)."""
    path = Path(path) if path else DEFAULT_PATH
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise TaxonomyError(f"cannot read taxonomy {path}: {exc}") from exc
    return build_taxonomy(data)


def build_taxonomy(data: dict) -> Taxonomy:
    """Validate parsed taxonomy data and build the typed form."""
    if not isinstance(data, dict) or not isinstance(data.get("codes"), dict):
        raise TaxonomyError("taxonomy must be a mapping with a `codes` mapping")
    views = data.get("views") or {}
    unknown_views = set(views) - set(VIEWS)
    if unknown_views:
        raise TaxonomyError(f"unknown views: {sorted(unknown_views)}")
    _check_codes(list(data["codes"]))
    categories = tuple(_build_category(code, entry or {}, views) for code, entry in data["codes"].items())
    for cat in categories:
        unknown = [c for c in cat.combines if c not in data["codes"] or c == cat.code]
        if unknown or len(cat.combines) == 1:
            raise TaxonomyError(f"{cat.code}: combines needs two or more other codes, got {list(cat.combines)}")
    version = str(data.get("version") or "unversioned")
    return Taxonomy(version=version, checksum=checksum_of(data), categories=categories, data=data)


def _check_codes(codes: list[str]) -> None:
    missing = [c for c in CONTRACT_CODES if c not in codes]
    if missing:
        raise TaxonomyError(f"contract codes missing (codes are never renamed or removed): {missing}")
    for code in codes:
        if not code.replace("_", "").isalnum() or code != code.lower():
            raise TaxonomyError(f"bad code {code!r}: use lower_snake_case")


def _build_category(code: str, entry: dict, views: dict) -> Category:
    from futurewatch.core.termmatch import normalize_term

    if not entry.get("name_zh"):
        raise TaxonomyError(f"{code}: name_zh is required")
    terms: list[tuple[str, float]] = [(entry["name_zh"], 1.0)]
    seen = {normalize_term(entry["name_zh"])}
    for key, weight in TERM_LISTS.items():
        for term in entry.get(key) or []:
            norm = normalize_term(str(term))
            if not norm:
                raise TaxonomyError(f"{code}: empty term in {key}")
            if norm == normalize_term(entry["name_zh"]):
                continue  # the name repeated among its aliases
            if norm in seen:
                raise TaxonomyError(f"{code}: duplicate term {term!r} (after normalisation)")
            seen.add(norm)
            terms.append((str(term), weight))
    placement = entry.get("placement") or {}
    for view, parent in placement.items():
        if view not in views or parent not in (views[view].get("parents") or {}):
            raise TaxonomyError(f"{code}: unknown placement {view}:{parent}")
    sources = {view: (entry.get("placement_source") or {}).get(view) or views[view].get("source", "")
               for view in placement}
    return Category(
        code=code,
        name_zh=entry["name_zh"],
        name_en=entry.get("name_en") or "",
        terms=tuple(terms),
        exclusions=tuple(str(t) for t in entry.get("exclusions") or []),
        contexts=tuple(str(t) for t in entry.get("contexts") or []),
        views=dict(placement),
        placement_sources=sources,
        combines=tuple(str(c) for c in entry.get("combines") or []),
    )
