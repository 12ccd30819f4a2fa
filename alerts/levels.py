"""Administrative level of a policy document from its issuers and document number.

national   国务院, ministries and national bodies (国发, 国办发, 工信部…)
provincial a province/autonomous region/municipality's government or department (粤府, 省…厅)
municipal  a city (市), including sub-provincial ones (深府, 广州市…)
county     a district or county (区, 县)

Policy metadata (parsers.institutions, policy_issuers.level) and rules say `city` and `district`
for the last two; LEVEL_WORDS maps every accepted word to the level used here.
"""

from __future__ import annotations

import re

LEVELS = ("national", "provincial", "municipal", "county")
LEVEL_WORDS = {"national": "national", "provincial": "provincial", "city": "municipal", "district": "county",
               "municipal": "municipal", "county": "county"}

# One-character abbreviations of the 31 provincial-level divisions, as used in 文号 (粤府〔2024〕1号).
PROVINCE_ABBR = set("京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼")
# One-character abbreviations of Guangdong's cities used in their 文号 (穗府办规〔2024〕3号 is Guangzhou's);
# only those that are no province's abbreviation and no national prefix.
CITY_ABBR = set("穗深珠汕佛韶湛肇茂梅莞揭潮")
NATIONAL_ISSUER = re.compile(r"^(国务院|中共中央|全国人大|国家|中国人民银行|最高人民)|"
                             r"^(工业和信息化|科学技术|教育|财政|商务|交通运输|农业农村|自然资源|生态环境|"
                             r"住房和城乡建设|水利|文化和旅游|人力资源和社会保障|民政|司法|公安|审计)部")
NATIONAL_NUMBER = re.compile(r"^(国|中发|中办发|工信|发改|财|科|教|商|交|人社部|国家)")
PROVINCIAL_ISSUER = re.compile(r"(省|自治区)(人民政府|委|政府|.{0,12}(厅|局|委员会|办公室))|^(北京|天津|上海|重庆)市人民政府")
MUNICIPAL_ISSUER = re.compile(r"市(人民政府|委|政府|.{0,12}(局|委员会|办公室))")
COUNTY_ISSUER = re.compile(r"(区|县|旗)(人民政府|委|政府|.{0,12}(局|委员会|办公室))")


def infer_admin_level(issuers: list[str] | None, doc_number: str | None) -> str | None:
    """The highest level named by the issuers, else the one the document number's prefix implies."""
    levels = {_issuer_level(i) for i in issuers or [] if i}
    for level in LEVELS:
        if level in levels:
            return level
    return _number_level(doc_number or "")


def policy_level(stored: str | None, issuers: list[str] | None, doc_number: str | None) -> str | None:
    """The level stored with a policy's lead issuer (resolved by parsers.institutions), else inferred."""
    return LEVEL_WORDS.get(stored or "") or infer_admin_level(issuers, doc_number)


def _issuer_level(issuer: str) -> str | None:
    issuer = issuer.strip()
    if NATIONAL_ISSUER.search(issuer):
        return "national"
    if PROVINCIAL_ISSUER.search(issuer):
        return "provincial"
    if MUNICIPAL_ISSUER.search(issuer):
        return "municipal"
    if COUNTY_ISSUER.search(issuer):
        return "county"
    return None


def _number_level(doc_number: str) -> str | None:
    prefix = doc_number.split("〔")[0].split("[")[0].strip()
    if not prefix:
        return None
    if prefix[0] in PROVINCE_ABBR and not prefix.startswith(("国", "财", "科", "教", "商", "交")):
        return "provincial"
    if NATIONAL_NUMBER.match(prefix):
        return "national"
    if prefix[0] in CITY_ABBR or prefix.endswith(("府", "府办", "办", "府规", "府办规", "府函", "办函")):
        return "municipal"
    return None
