"""Issuing bodies: full names with level and region, from printed names, short names and 文号.

    resolve_issuer("省政府办公厅", region=GUANGDONG) → Issuer("广东省人民政府办公厅", "provincial", "广东省")
    issuer_from_doc_number("穗府办规〔2024〕3号") → Issuer("广州市人民政府办公厅", "city", "广州市")

Everything comes from the table in parsers/institutions.yaml (regions, organs, national
bodies with their short forms and 文号 codes); nothing here names a body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from futurewatch.core.textnorm import to_simplified

DATA = Path(__file__).with_name("institutions.yaml")
LEVELS = ("national", "provincial", "city", "district")
NATIONAL = "national"
_NOISE = re.compile(r"(门户网站|网站|官网|（.*?）|\(.*?\))$")


@dataclass(frozen=True)
class Region:
    name: str  # 广东省, 广州市, 广州市天河区, or "national"
    level: str
    province: str | None = None


@dataclass(frozen=True)
class Issuer:
    name: str
    level: str | None
    region: str | None


@dataclass
class Table:
    regions_by_abbr: dict[str, Region]
    regions_by_name: dict[str, Region]
    hosts: dict[str, str]
    organs: list[dict]
    national: list[dict]


@lru_cache(maxsize=1)
def table() -> Table:
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    by_abbr = {abbr: Region(r["name"], r["level"], r.get("province")) for abbr, r in data["regions"].items()}
    by_name = {r.name: r for r in by_abbr.values()}
    for region in list(by_name.values()):  # provinces named only as `province:` still resolve
        if region.province and region.province not in by_name:
            by_name[region.province] = Region(region.province, "provincial")
    return Table(by_abbr, by_name, data["hosts"], data["organs"], data["national"])


NATIONAL_REGION = Region(NATIONAL, NATIONAL)


def organ_name(organ: dict, region: Region) -> str:
    name = organ.get("city", organ["full"]) if region.level in ("city", "district") else organ["full"]
    return f"{organ.get('prefix', '')}{region.name}{name}"


def _national_by_name(name: str) -> dict | None:
    return next((n for n in table().national if name == n["full"] or name in n.get("short", [])), None)


def _split_region(name: str) -> tuple[Region | None, str]:
    """The longest known region name that starts `name` (中共 prefix allowed) and the rest."""
    body = name[2:] if name.startswith("中共") else name
    regions = sorted(table().regions_by_name.values(), key=lambda r: -len(r.name))
    for region in regions:
        if body.startswith(region.name):
            return region, body[len(region.name):]
    return None, body


def _organ_for(rest: str) -> dict | None:
    for organ in table().organs:
        names = {organ["full"], organ.get("city", organ["full"]), *organ.get("short", [])}
        if rest in names:
            return organ
    return None


def _context_region(lead: str, region: Region | None) -> Region | None:
    """省… means the document's province, 市… its city; a bare organ name means the document's region."""
    if region is None or region.level == NATIONAL:
        return None
    if lead == "省":
        return table().regions_by_name.get(region.province or region.name) if region.level != "provincial" else region
    if lead == "市" and region.level == "provincial":
        return None
    return region


def clean_name(raw: str) -> str:
    name = re.sub(r"\s+", "", raw or "").strip("：:，,。；;、")
    return _NOISE.sub("", name)


def resolve_issuer(raw: str, region: Region | None = None) -> Issuer | None:
    """A printed issuer name (Simplified or Traditional) → its full name in Simplified, level and region
    (None when it names no body)."""
    name = to_simplified(clean_name(raw))
    if len(name) < 2:
        return None
    national = _national_by_name(name)
    if national:
        return Issuer(national["full"], NATIONAL, NATIONAL)
    found, rest = _split_region(name)
    if found is not None:
        organ = _organ_for(rest)
        return Issuer(organ_name(organ, found) if organ else name, found.level, found.name)
    lead = name[0] if name[0] in "省市区县" else ""
    organ = _organ_for(name[len(lead):]) or _organ_for(name.replace("政府", "人民政府", 1)[len(lead):])
    context = _context_region(lead, region)
    if organ and context:
        return Issuer(organ_name(organ, context), context.level, context.name)
    return _unlisted_issuer(name)


_NATIONAL_NAME = re.compile(r"^(国务院|中共中央|全国|国家|中国|中央)|^[^省市区县]{2,12}部$")
_REGION_HEAD = re.compile(r"^(?:中共)?(?P<region>[^省市区县]{2,7}?(?:省|自治区|市|自治州|地区|盟|区|县|旗))")
_LEVEL_OF_UNIT = {"省": "provincial", "自治区": "provincial", "市": "city", "自治州": "city", "地区": "city", "盟": "city",
                  "区": "district", "县": "district", "旗": "district"}


def _unlisted_issuer(name: str) -> Issuer:
    """A body the table does not list: national by its name's form, else the region its name starts with."""
    if _NATIONAL_NAME.search(name):
        return Issuer(name, NATIONAL, NATIONAL)
    head = _REGION_HEAD.match(name)
    if head is None or len(head.group("region")) >= len(name) - 1:
        return Issuer(name, None, None)
    region = head.group("region")
    unit = next(u for u in sorted(_LEVEL_OF_UNIT, key=len, reverse=True) if region.endswith(u))
    return Issuer(name, _LEVEL_OF_UNIT[unit], region)


def _doc_prefix(doc_number: str) -> str:
    return re.split(r"[〔\[［(（]", doc_number or "", maxsplit=1)[0].strip()


def issuer_from_doc_number(doc_number: str | None) -> Issuer | None:
    """The issuing body a 文号 prefix stands for: the longest national code or region + organ code."""
    prefix = _doc_prefix(doc_number or "")
    if not prefix:
        return None
    best: tuple[int, Issuer] | None = None
    for body in table().national:
        for code in body.get("codes", []):
            if prefix.startswith(code) and (best is None or len(code) > best[0]):
                best = (len(code), Issuer(body["full"], NATIONAL, NATIONAL))
    for abbr, region in table().regions_by_abbr.items():
        if not prefix.startswith(abbr):
            continue
        for organ in table().organs:
            for code in organ.get("codes", []):
                size = len(abbr) + len(code)
                if prefix[len(abbr):].startswith(code) and (best is None or size > best[0]):
                    best = (size, Issuer(organ_name(organ, region), region.level, region.name))
    return best[1] if best else None


def region_of_doc_number(doc_number: str | None) -> Region | None:
    prefix = _doc_prefix(doc_number or "")
    issuer = issuer_from_doc_number(doc_number)
    if issuer is not None:
        return region_named(issuer.region)
    abbr = max((a for a in table().regions_by_abbr if prefix.startswith(a)), key=len, default=None)
    return table().regions_by_abbr[abbr] if abbr else None


def region_named(name: str | None) -> Region | None:
    if not name:
        return None
    return NATIONAL_REGION if name == NATIONAL else table().regions_by_name.get(name)


def region_of_host(host: str) -> Region | None:
    host = (host or "").lower()
    matches = [h for h in table().hosts if host == h or host.endswith("." + h)]
    return region_named(table().hosts[max(matches, key=len)]) if matches else None


def region_of_title(title: str) -> Region | None:
    region, _ = _split_region(clean_name(title))
    return region
