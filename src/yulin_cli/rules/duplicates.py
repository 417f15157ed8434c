"""One company or two (Q8): name keys, the duplicate tie-break, and who calls which industry."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from typing import NamedTuple

from yulin_cli.rules.reasons import Reason
from yulin_cli.rules.reasons import reason as _reason

# Legal forms, removed only as a suffix (longest first): never characters inside the trade
# name, so 苏州有限元仿真科技有限公司 keeps its 有限元.
_LEGAL_FORMS = sorted(
    ["有限责任公司", "股份有限公司", "有限公司", "集团公司", "总公司", "分公司", "公司", "集团",
     "股份"],
    key=len, reverse=True,
)
_LATIN_FORM = re.compile(
    r"[\s,.]*\b(?:co\.?,?\s*ltd|ltd|limited|inc|corp|corporation|company|group)\.?\s*$")
_BRACKETED = re.compile(r"[（(\[【]([^）)\]】]*)[）)\]】]")
_NOISE = re.compile(r"[\s\W_]+", re.UNICODE)


@functools.lru_cache(maxsize=1024)
def normalise_city(city: str) -> str:
    """苏州市 and 苏州 are one city."""
    text = unicodedata.normalize("NFKC", city).strip()
    return text[:-1] if len(text) > 1 and text.endswith("市") else text


_DIVISION_SUFFIXES = ("自治县", "自治旗", "林区", "特区", "新区", "区", "市", "县", "旗")


@functools.lru_cache(maxsize=4096)
def district_key(district: str) -> str:
    """吴江区 and 吴江 are one district: the name without its kind, when two characters remain."""
    text = unicodedata.normalize("NFKC", district).strip()
    for suffix in _DIVISION_SUFFIXES:
        if text.endswith(suffix) and len(text) - len(suffix) >= 2:
            return text[: -len(suffix)]
    return text


def district_spellings(district: str) -> tuple[str, ...]:
    """Every stored district with the key of ``district`` (as typed, and its key with each
    kind): what a filter by district matches."""
    key = district_key(district)
    found = {district.strip(), key}
    if len(key) >= 2:
        found.update(key + suffix for suffix in _DIVISION_SUFFIXES)
    return tuple(sorted(found))


def name_key(company: str, city: str) -> str:
    """Q8: the company name without the city (as a prefix or in brackets), the legal form (as
    a suffix), punctuation and case. Nothing is removed from inside the trade name."""
    return _key(company, city, strip_forms=True)


@functools.lru_cache(maxsize=8192)
def form_key(company: str, city: str) -> str:
    """The name as ``name_key`` reads it but with its legal form kept: where a slip inside the
    legal form (股份 typed 股汇) is one character, as in the trade name or industry word."""
    return _key(company, city, strip_forms=False)


def _key(company: str, city: str, *, strip_forms: bool) -> str:
    text = unicodedata.normalize("NFKC", company).lower().strip()
    base = normalise_city(city).lower() if city else ""
    if base:
        # （苏州） or (苏州市) anywhere: the city in brackets says where, not who.
        text = _BRACKETED.sub(
            lambda m: "" if normalise_city(m.group(1).strip() or "-").lower() == base
            else m.group(0), text)
    while strip_forms:
        trimmed = _LATIN_FORM.sub("", text).rstrip()
        for form in _LEGAL_FORMS:
            if trimmed.endswith(form) and len(trimmed) > len(form):
                trimmed = trimmed[: -len(form)]
                break
        if trimmed == text:
            break
        text = trimmed
    text = _NOISE.sub("", text)
    if base:
        for prefix in (base + "市", base):
            if text.startswith(prefix) and len(text) > len(prefix):
                text = text[len(prefix):]
                break
    # A name made only of city and legal form keeps its full text, so it still matches itself.
    return text or _NOISE.sub("", unicodedata.normalize("NFKC", company).lower())


def earliest_duplicate(matches: Iterable[tuple[int, str]]) -> tuple[int, str] | None:
    """Q8: of the prospects a new one matches, (id, why), it duplicates the earliest (lowest
    id); a phone match is named before a name match on the same prospect."""
    ranked = sorted(matches, key=lambda m: (m[0], m[1] != "phone"))
    return ranked[0] if ranked else None


def industry_owners(industry: str | None, owners: dict[str, list[str]]) -> list[str]:
    """Who calls ``industry``, from each prospector's industries."""
    if not industry:
        return []
    return sorted(name for name, industries in owners.items() if industry in industries)


def industry_check(industry: str | None, source: str, owners: dict[str, list[str]]) -> Reason | None:
    """Q8: a prospect in an industry another prospector owns risks a duplicate call."""
    owned_by = industry_owners(industry, owners)
    if not owned_by or source in owned_by:
        return None
    return _reason("duplicate", False, "industry.other_owner", "industry.fix",
                   industry=industry, owners="、".join(owned_by))


# --- likely duplicates: a typo in the name, backed by a second fact (Q8, RULES.md) ---------------


# Mail services anyone may use: a shared domain of these says nothing about who the company is.
PUBLIC_MAIL = frozenset({
    "qq.com", "vip.qq.com", "foxmail.com", "163.com", "vip.163.com", "126.com", "vip.126.com",
    "yeah.net", "188.com", "sina.com", "sina.cn", "vip.sina.com", "sohu.com", "139.com",
    "189.cn", "wo.cn", "aliyun.com", "tom.com", "21cn.com", "263.net", "gmail.com",
    "outlook.com", "hotmail.com", "live.com", "msn.com", "yahoo.com", "yahoo.com.cn",
    "icloud.com", "me.com", "protonmail.com"})


def mail_domain(email: str | None) -> str | None:
    """The domain of a company's own mail (``@hengrui.com.cn``); None for a public service."""
    if not email or "@" not in email:
        return None
    domain = email.rsplit("@", 1)[1].strip().lower()
    return domain if domain and domain not in PUBLIC_MAIL else None


# Named tuples, not dataclasses: every command imports this module, and a dataclass costs
# start-up time to build where a named tuple costs next to none.
class CompanyFacts(NamedTuple):
    """What tells two prospects apart when their names are nearly the same. ``sounds`` holds
    each character's readings (pinyin without tones; a character with several readings has
    several), looked up by the caller: this module does no I/O and loads no dictionary."""

    name_key: str
    sounds: tuple[frozenset[str], ...]
    district: str | None = None
    contact_surname: str | None = None
    employees: int | None = None
    pcs: int | None = None
    phones: tuple[str, ...] = ()
    credit_code: str | None = None
    mail_domain: str | None = None  # as ``mail_domain`` gives it: never a public service
    form_key: str = ""  # the name with its legal form (``form_key``); "" when not known


class LikelyDuplicate(NamedTuple):
    """Q8: why two prospects are probably one company typed twice."""

    typo: str  # "same-sound": the names sound alike; "similar-name": one character apart
    agreeing: tuple[str, ...]  # of "phone", "credit-code", "surname-scale", "mail-domain"
    reason: Reason

    @property
    def confidence(self) -> float:
        """How sure: a same-sound slip is how a name taken down from a phone call goes wrong,
        and every further agreeing fact adds to it."""
        return round(min(0.9, 0.6 + 0.1 * len(self.agreeing)
                         + (0.1 if self.typo == "same-sound" else 0.0)), 2)

    @property
    def reasons(self) -> tuple[str, ...]:
        """The typo, then each agreeing fact: what JSON's ``reasons`` lists."""
        return (self.typo, *self.agreeing)


def address_key(address: str | None) -> str | None:
    """An address as compared: width, case, spaces and punctuation do not count."""
    if not address:
        return None
    return _NOISE.sub("", unicodedata.normalize("NFKC", address).lower()) or None


def name_typo(a: CompanyFacts, b: CompanyFacts) -> str | None:
    """How two different names may be one name typed twice: ``same-sound`` when they have as
    many characters and each pair sounds alike (同音字, the slip of a pinyin input method),
    ``similar-name`` when one character is changed, added or left out, in the trade name, the
    industry word or the legal form (股份有限公司 typed 股汇有限公司); else None."""
    x, y = a.name_key, b.name_key
    if x == y:
        return None
    if len(x) == len(y) and all(p == q or sa & sb for p, q, sa, sb
                                in zip(x, y, a.sounds, b.sounds, strict=True)):
        return "same-sound"
    if _one_edit(x, y):
        return "similar-name"
    # A slip inside the legal form leaves the rest of it on the name key: compare the ends of
    # the names with their forms.
    fx, fy = a.form_key, b.form_key
    if not fx or not fy or abs(len(fx) - len(fy)) > 1:
        return None
    same = max(0, min(len(fx), len(fy)) - FORM_TAIL)  # a slip at the end leaves this alike
    if fx[:same] != fy[:same]:
        return None
    return "similar-name" if form_variants(fx) & form_variants(fy) else None


FORM_TAIL = 6  # the longest legal form (股份有限公司, 有限责任公司)


def form_variants(form_key: str) -> frozenset[str]:
    """A name with its legal form (``form_key``) and each way of leaving out one of its last
    ``FORM_TAIL`` characters: two names whose variants meet differ by one slip at their end
    (a character changed, added or left out in the legal form). Blocks are filed by the same
    sets, so they find every such pair."""
    start = max(0, len(form_key) - FORM_TAIL)
    return frozenset((form_key, *(form_key[:i] + form_key[i + 1:]
                                  for i in range(start, len(form_key)))))


def _one_edit(x: str, y: str) -> bool:
    if len(x) == len(y):
        return sum(p != q for p, q in zip(x, y, strict=True)) == 1
    if abs(len(x) - len(y)) != 1:
        return False
    short, long = (x, y) if len(x) < len(y) else (y, x)
    i = next((i for i, (p, q) in enumerate(zip(short, long, strict=False)) if p != q),
             len(short))
    return short[i:] == long[i + 1:]


def likely_duplicate(a: CompanyFacts, b: CompanyFacts) -> LikelyDuplicate | None:
    """Q8 (RULES.md, third release): two prospects whose names differ by a typo (one character,
    or a same-sound slip anywhere in the name) are likely one company when one more fact
    agrees: a phone, the credit code, the contact's surname with the exact scale (employees
    and PCs both known and equal), or the domain of the company's own mail. A shared address
    alone is never enough, and no fact may say otherwise: two known districts that differ, or
    two different credit codes, are two companies. The one judge of `add-prospect`, `import`,
    the evening's attention and `dedupe`."""
    typo = name_typo(a, b)
    if typo is None:
        return None
    if (a.district and b.district and district_key(a.district) != district_key(b.district)) or (
            a.credit_code and b.credit_code and a.credit_code != b.credit_code):
        return None
    agreeing = tuple(fact for fact, agrees in (
        ("phone", bool(set(a.phones) & set(b.phones))),
        ("credit-code", bool(a.credit_code) and a.credit_code == b.credit_code),
        ("surname-scale", bool(a.contact_surname) and a.employees is not None
         and a.pcs is not None
         and (a.contact_surname, a.employees, a.pcs) == (b.contact_surname, b.employees, b.pcs)),
        ("mail-domain", bool(a.mail_domain) and a.mail_domain == b.mail_domain),
    ) if agrees)
    if not agreeing:
        return None
    return likely_verdict(typo, agreeing)


def likely_verdict(typo: str, agreeing: tuple[str, ...]) -> LikelyDuplicate:
    """The verdict ``likely_duplicate`` gives for a typo and the facts that agree: also how a
    stored pair (``likely_pair``) is read back."""
    return LikelyDuplicate(typo, agreeing, _reason("duplicate", False, f"dup.likely_{typo}",
                                                   facts=list(agreeing)))
