"""One company or two (Q8): name keys, the duplicate tie-break, and who calls which industry."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable

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


def name_key(company: str, city: str) -> str:
    """Q8: the company name without the city (as a prefix or in brackets), the legal form (as
    a suffix), punctuation and case. Nothing is removed from inside the trade name."""
    text = unicodedata.normalize("NFKC", company).lower().strip()
    base = normalise_city(city).lower() if city else ""
    if base:
        # （苏州） or (苏州市) anywhere: the city in brackets says where, not who.
        text = _BRACKETED.sub(
            lambda m: "" if normalise_city(m.group(1).strip() or "-").lower() == base
            else m.group(0), text)
    while True:
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
