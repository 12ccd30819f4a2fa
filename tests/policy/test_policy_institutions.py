"""Issuer names: full names, levels and regions from printed names, short names and 文号 prefixes."""

from __future__ import annotations

import pytest

from parsers import institutions as inst

GUANGDONG = inst.region_named("广东省")
GUANGZHOU = inst.region_named("广州市")


@pytest.mark.parametrize("raw,region,name,level,where", [
    ("省政府办公厅", GUANGDONG, "广东省人民政府办公厅", "provincial", "广东省"),
    ("人民政府办公厅", GUANGDONG, "广东省人民政府办公厅", "provincial", "广东省"),
    ("人民政府办公厅", GUANGZHOU, "广州市人民政府办公厅", "city", "广州市"),
    ("市政府办公厅", GUANGZHOU, "广州市人民政府办公厅", "city", "广州市"),
    ("省政府办公厅", GUANGZHOU, "广东省人民政府办公厅", "provincial", "广东省"),  # a city document naming its province
    ("省发展改革委", GUANGDONG, "广东省发展和改革委员会", "provincial", "广东省"),
    ("省工业和信息化厅", GUANGDONG, "广东省工业和信息化厅", "provincial", "广东省"),
    ("市工业和信息化局", GUANGZHOU, "广州市工业和信息化局", "city", "广州市"),
    ("省委办公厅", GUANGDONG, "中共广东省委办公厅", "provincial", "广东省"),
    ("中共广东省委办公厅", None, "中共广东省委办公厅", "provincial", "广东省"),
    ("广东省人民政府", None, "广东省人民政府", "provincial", "广东省"),
    ("广州市天河区人民政府", None, "广州市天河区人民政府", "district", "广州市天河区"),
    ("国务院国资委", None, "国务院国有资产监督管理委员会", "national", "national"),
    ("科技部", GUANGDONG, "科学技术部", "national", "national"),
    ("国家发展改革委", None, "国家发展和改革委员会", "national", "national"),
    ("工业和信息化部网站", None, "工业和信息化部", "national", "national"),
    (" 中国科学院 ", None, "中国科学院", "national", "national"),
])
def test_resolve_issuer(raw, region, name, level, where):
    assert inst.resolve_issuer(raw, region) == inst.Issuer(name, level, where)


def test_provincial_and_city_general_offices_are_never_merged():
    province = inst.resolve_issuer("人民政府办公厅", inst.region_of_doc_number("粤府办〔2024〕1号"))
    city = inst.resolve_issuer("人民政府办公厅", inst.region_of_doc_number("穗府办规〔2024〕3号"))
    assert province.name == "广东省人民政府办公厅" and city.name == "广州市人民政府办公厅"
    assert (province.level, city.level) == ("provincial", "city")


@pytest.mark.parametrize("number,name,level", [
    ("粤府办〔2024〕1号", "广东省人民政府办公厅", "provincial"),
    ("粤府〔2024〕5号", "广东省人民政府", "provincial"),
    ("粤办函〔2024〕88号", "广东省人民政府办公厅", "provincial"),
    ("穗府办规〔2024〕3号", "广州市人民政府办公厅", "city"),
    ("穗府〔2023〕9号", "广州市人民政府", "city"),
    ("深府办〔2024〕2号", "深圳市人民政府办公厅", "city"),
    ("粤工信电子〔2024〕2号", "广东省工业和信息化厅", "provincial"),
    ("粤发改高技〔2024〕7号", "广东省发展和改革委员会", "provincial"),
    ("穗工信〔2024〕1号", "广州市工业和信息化局", "city"),
    ("工信部联科〔2024〕12号", "工业和信息化部", "national"),
    ("国办发〔2024〕1号", "国务院办公厅", "national"),
    ("国发〔2024〕7号", "国务院", "national"),
    ("中办发〔2024〕3号", "中共中央办公厅", "national"),
    ("发改高技〔2024〕11号", "国家发展和改革委员会", "national"),
])
def test_issuer_from_doc_number(number, name, level):
    issuer = inst.issuer_from_doc_number(number)
    assert (issuer.name, issuer.level) == (name, level)


def test_unknown_prefix_and_name_are_kept_not_invented():
    assert inst.issuer_from_doc_number("某某〔2024〕1号") is None
    assert inst.issuer_from_doc_number("") is None
    unknown = inst.resolve_issuer("某某研究会", GUANGDONG)
    assert unknown == inst.Issuer("某某研究会", None, None)
    assert inst.resolve_issuer("", GUANGDONG) is None


def test_region_of_host_title_and_number():
    assert inst.region_of_host("www.gz.gov.cn").name == "广州市"
    assert inst.region_of_host("gdii.gd.gov.cn").name == "广东省"
    assert inst.region_of_host("www.gov.cn").level == "national"
    assert inst.region_of_host("example.org") is None
    assert inst.region_of_title("广州市促进未来产业发展若干措施").name == "广州市"
    assert inst.region_of_doc_number("粤府〔2024〕5号").name == "广东省"


def test_table_names_every_organ_once():
    """A short form that maps to two organs would make resolution depend on table order."""
    seen: dict[str, str] = {}
    for organ in inst.table().organs:
        for name in {organ["full"], organ.get("city", organ["full"]), *organ.get("short", [])}:
            assert seen.setdefault(name, organ["full"]) == organ["full"], name


@pytest.mark.parametrize("raw,level,where", [
    ("湖州市人民政府", "city", "湖州市"),
    ("长沙县人民政府", "district", "长沙县"),
    ("云南省工业和信息化厅", "provincial", "云南省"),
    ("国家数据局", "national", "national"),
    ("中共中央", "national", "national"),
])
def test_bodies_the_table_does_not_list_get_level_and_region_from_their_name(raw, level, where):
    assert inst.resolve_issuer(raw) == inst.Issuer(raw, level, where)
