"""`dedupe` finds the same company typed twice with a typo in its name, one character off or a
same-sound slip of a pinyin input method (同音字), when a second fact backs it (a phone, the
credit code, the contact's surname with the exact scale, or the company's own mail domain; a
shared address alone never); and does not join different companies whose names are merely
alike."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import ok, ok_json
from yulin_cli.rules.duplicates import CompanyFacts, likely_duplicate, name_typo


def prospect(company, *facts):
    return ok_json("add-prospect", "--company", company, "--city", "苏州", "--sourced-by", "李娜",
                   "--found-on", "2026-10-15", *facts)["id"]


def groups():
    return {tuple(g["ids"]): g for g in ok_json("dedupe")}


ADDRESS = ("--address", "工业园区星湖街 218 号")


def scale(employees: str, pcs: str, surname: str = "周") -> tuple[str, ...]:
    return ("--employees", employees, "--pcs", pcs, "--contact-surname", surname)


def test_same_sound_and_one_character_typos_are_found(team):
    cases = {
        # 恒瑞/恒锐 sound alike (rui); the company's own mail domain.
        "sound-mail": (("苏州恒瑞精密机械有限公司", "--email", "it@hengrui-jm.com"),
                       ("苏州恒锐精密机械有限公司", "--email", "li@hengrui-jm.com")),
        # A slip in the industry word (精密/精蜜, mi): the trade name is not stripped away.
        "generic-word": (("苏州天目精密机械有限公司", *scale("260", "85")),
                         ("苏州天目精蜜机械有限公司", *scale("260", "85"))),
        # Two characters, one sound (华研/化验, hua yan): surname and scale agree.
        "two-characters": (("苏州华研新材料有限公司", "--district", "吴中区", *scale("90", "30")),
                           ("苏州化验新材料有限公司", "--district", "吴中", *scale("90", "30"))),
        # One character changed, not a same-sound one (达/远): surname and scale agree.
        "one-character": (("苏州金达模具有限公司", *scale("120", "40", "王")),
                          ("苏州金远模具有限公司", *scale("120", "40", "王"))),
        # One character left out: the mail domain.
        "left-out": (("苏州博远光学仪器有限公司", "--email", "a@boyuan-opt.cn"),
                     ("苏州博光学仪器有限公司", "--email", "b@boyuan-opt.cn")),
        # A slip inside the legal form (股份 typed 股汇): surname and scale agree.
        "legal-form": (("苏州鼎盛电子科技股份有限公司", *scale("300", "90", "陈")),
                       ("苏州鼎盛电子科技股汇有限公司", *scale("300", "90", "陈"))),
    }
    ids = {label: (prospect(*first), prospect(*second))
           for label, (first, second) in cases.items()}
    found = groups()
    why = {label: found[pair]["reasons"] for label, pair in ids.items()}
    assert why == {"sound-mail": ["same-sound"], "generic-word": ["same-sound"],
                   "two-characters": ["same-sound"], "one-character": ["similar-name"],
                   "left-out": ["similar-name"], "legal-form": ["similar-name"]}
    assert all(0.6 <= found[pair]["confidence"] < 0.95 for pair in ids.values())
    assert len(found) == len(cases)
    out = " ".join(ok("dedupe").stdout.split())  # the why column wraps
    assert "same-sounding name" in out and "similar name" in out
    assert "名称读音相近" in ok("--lang", "zh", "dedupe").stdout
    # A screen at a time, like every long list: the surest groups first, then how many more.
    first = ok("dedupe", "--limit", "2").stdout
    assert f"{len(cases) - 2} more groups not shown" in first and "yulin merge" in first
    assert sum(bool(re.search(rf"#{a}\b", first)) for a, _b in ids.values()) == 2
    assert "not shown" not in ok("dedupe", "--all").stdout
    assert "还有 4 组没有显示" in ok("--lang", "zh", "dedupe", "--limit", "2").stdout


def test_each_id_stands_beside_its_own_name_on_a_narrow_screen(team, monkeypatch):
    names = {prospect("苏州天目精密机械股份有限公司", *scale("260", "85")):
             "苏州天目精密机械股份有限公司",
             prospect("苏州天目精蜜机械股份有限公司", *scale("260", "85")):
             "苏州天目精蜜机械股份有限公司"}
    monkeypatch.setenv("COLUMNS", "44")  # the names wrap
    out = ok("--lang", "zh", "dedupe").stdout
    for pid, name in names.items():
        row = next(line for line in out.splitlines() if re.search(rf"#{pid}\b", line))
        assert name[:6] in row, (pid, out)


def test_look_alikes_are_not_joined(team):
    # One character apart, nothing else in common: neighbours, not twins.
    a = prospect("苏州华纳川光学仪器有限公司", "--district", "相城区")
    b = prospect("苏州华纳州光学仪器有限公司", "--district", "姑苏区")
    # Same sound and the same scale, but no contact surname: the scale alone is not enough.
    prospect("苏州恒瑞电子科技有限公司", "--employees", "150", "--pcs", "40")
    prospect("苏州恒锐电子科技有限公司", "--employees", "150", "--pcs", "40")
    # Same sound and the same address: a shared address alone is never enough (RULES.md).
    prospect("苏州恒瑞光电有限公司", *ADDRESS)
    prospect("苏州恒锐光电有限公司", *ADDRESS)
    # Same sound, a public mail service in common: says nothing.
    prospect("苏州天华软件有限公司", "--email", "a@163.com")
    prospect("苏州天化软件有限公司", "--email", "b@163.com")
    # Same sound, same surname, but in different districts.
    prospect("苏州中天物流有限公司", "--district", "吴江区", "--contact-surname", "王")
    prospect("苏州忠天物流有限公司", "--district", "常熟", "--contact-surname", "王")
    # Same district and surname, but two characters apart that do not sound alike.
    prospect("苏州星辰食品有限公司", "--district", "吴江区", "--contact-surname", "王")
    prospect("苏州月光食品有限公司", "--district", "吴江区", "--contact-surname", "王")
    assert ok_json("dedupe") == []
    loose = {tuple(g["ids"]): g for g in ok_json("dedupe", "--loose")}
    assert loose[(a, b)]["reasons"] == ["similar-name-only"]
    assert loose[(a, b)]["confidence"] < 0.6


def test_pinyin_is_looked_up_once_per_character(team, monkeypatch):
    import pypinyin

    asked: list[str] = []
    original = pypinyin.pinyin

    def counting(text, *args, **kwargs):
        asked.append(text)
        return original(text, *args, **kwargs)

    monkeypatch.setattr(pypinyin, "pinyin", counting)
    for n in range(6):
        prospect(f"苏州恒瑞{n}号精密机械有限公司")
    asked.clear()
    ok("dedupe")
    assert asked == []  # the typos a second fact backs are kept already (likely_pair)
    ok("dedupe", "--loose")
    assert sorted(asked) == sorted(set("恒瑞精密机械号012345"))  # each distinct character once


# --- the rule itself ---------------------------------------------------------------------------

READINGS = {"恒": {"heng"}, "衡": {"heng"}, "瑞": {"rui"}, "锐": {"rui"}, "重": {"zhong", "chong"},
            "中": {"zhong"}, "精": {"jing"}, "密": {"mi"}, "蜜": {"mi"}, "机": {"ji"}}


def facts(name, **known):
    sounds = tuple(frozenset(READINGS.get(ch, {ch})) for ch in name)
    return CompanyFacts(name, sounds, **known)


@pytest.mark.once
@pytest.mark.parametrize(("a", "b", "typo"), [
    ("恒瑞精密", "衡锐精密", "same-sound"),  # every changed character sounds the same
    ("重瑞精密", "中瑞精密", "same-sound"),  # 重 also reads zhong
    ("恒瑞精密", "恒瑞精机", "similar-name"),  # one character, another sound
    ("恒瑞精密", "恒瑞密", "similar-name"),  # one left out
    ("恒瑞精密", "恒瑞精密机", "similar-name"),  # one added
    ("恒瑞精密", "恒瑞机机", None),  # two characters, other sounds
    ("恒瑞精密", "恒瑞精密", None),  # the same name is a name match, not a typo
])
def test_name_typo(a, b, typo):
    assert name_typo(facts(a), facts(b)) == typo
    assert name_typo(facts(b), facts(a)) == typo


@pytest.mark.once
@pytest.mark.parametrize(("a", "b", "typo"), [
    ("苏州鼎盛科技股份有限公司", "苏州鼎盛科技股汇有限公司", "similar-name"),  # 份 -> 汇
    ("苏州鼎盛科技有限公司", "苏州鼎盛科技有线公司", "similar-name"),  # 限 -> 线
    ("苏州鼎盛科技有限公司", "苏州鼎盛科技有公司", "similar-name"),  # 限 left out
    ("苏州鼎盛科技股份有限公司", "苏州鼎盛科技有限公司", None),  # the same name, two forms
    ("苏州鼎盛科技股份有限公司", "苏州鼎盛科技有限责任公司", None),  # two whole forms
])
def test_a_slip_in_the_legal_form_is_a_typo(a, b, typo):
    from yulin_cli.rules.duplicates import form_key, name_key

    def of(company):
        key = name_key(company, "苏州")
        return facts(key, form_key=form_key(company, "苏州"))

    assert name_typo(of(a), of(b)) == typo
    assert name_typo(of(b), of(a)) == typo


SURNAME_SCALE = {"contact_surname": "周", "employees": 9, "pcs": 9}


@pytest.mark.once
@pytest.mark.parametrize(("a", "b", "agreeing"), [
    ({"phones": ("051268881234",)}, {"phones": ("13912345678", "051268881234")}, ("phone",)),
    ({"credit_code": "91320500MA1XYZ0001"}, {"credit_code": "91320500MA1XYZ0001"},
     ("credit-code",)),
    (SURNAME_SCALE, SURNAME_SCALE, ("surname-scale",)),
    ({"mail_domain": "hengrui.cn"}, {"mail_domain": "hengrui.cn"}, ("mail-domain",)),
    ({"employees": 150, "pcs": 40}, {"employees": 150, "pcs": 40}, None),  # no surname
    ({"contact_surname": "周", "employees": 150}, {"contact_surname": "周", "employees": 150},
     None),  # the scale is exact only when both figures are known
    ({**SURNAME_SCALE, "pcs": 10}, SURNAME_SCALE, None),
    ({"district": "吴中区", "contact_surname": "周"}, {"district": "吴中区",
                                                 "contact_surname": "周"}, None),
    ({"district": "吴中区"}, {"district": "吴中区"}, None),  # the district alone is not enough
    ({**SURNAME_SCALE, "district": "吴中区"}, {**SURNAME_SCALE, "district": "相城区"}, None),
    ({**SURNAME_SCALE, "district": "吴中区"}, {**SURNAME_SCALE, "district": "吴中"},
     ("surname-scale",)),  # one district, with or without its suffix
    ({**SURNAME_SCALE, "credit_code": "91320500MA1XYZ0001"},
     {**SURNAME_SCALE, "credit_code": "91320500MA1XYZ0002"}, None),  # two codes: two companies
    ({**SURNAME_SCALE, "phones": ("1",), "mail_domain": "x.cn"},
     {**SURNAME_SCALE, "phones": ("1",), "mail_domain": "x.cn"},
     ("phone", "surname-scale", "mail-domain")),
])
def test_a_second_fact_must_agree_and_none_disagree(a, b, agreeing):
    found = likely_duplicate(facts("恒瑞精密", **a), facts("衡锐精密", **b))
    assert (found.agreeing if found else None) == agreeing
    if found:
        assert (found.reason.rule, found.reason.clause) == ("duplicate", "Q8")
        assert found.confidence <= 0.9


@pytest.mark.once
@settings(max_examples=200, deadline=None)
@given(name=st.text("恒衡瑞锐重中精密蜜机", min_size=3, max_size=6),
       other=st.text("恒衡瑞锐重中精密蜜机", min_size=3, max_size=6),
       scale=st.tuples(st.integers(0, 3), st.integers(0, 3)))
def test_likely_duplicate_is_symmetric(name, other, scale):
    a = facts(name, contact_surname="周", employees=scale[0], pcs=scale[1])
    b = facts(other, contact_surname="周", employees=scale[0], pcs=scale[1])
    assert likely_duplicate(a, b) == likely_duplicate(b, a)


@pytest.mark.once
@pytest.mark.parametrize(("email", "domain"), [
    ("it@HengRui.com.cn", "hengrui.com.cn"), ("li@qq.com", None), ("li@163.com", None),
    ("wang@gmail.com", None), (None, None), ("not-an-address", None)])
def test_a_public_mail_service_is_no_company_domain(email, domain):
    from yulin_cli.rules.duplicates import mail_domain

    assert mail_domain(email) == domain


# Characters with several readings and same-sound neighbours, Latin letters, and the legal
# forms' own characters: where the names of a group meet or fail to.
NAME_CHARACTERS = "恒衡瑞锐重中精密蜜机行银有限份汇股公司责任ab"
FORMS = ("有限公司", "股份有限公司", "有限责任公司", "公司", "")


@pytest.mark.once
@settings(max_examples=1500, deadline=None)
@given(trade=st.text(NAME_CHARACTERS, min_size=3, max_size=7), form=st.sampled_from(FORMS),
       at=st.integers(0, 20), slip=st.sampled_from(["change", "add", "drop", "sound"]),
       character=st.sampled_from(NAME_CHARACTERS))
def test_every_pair_the_rule_accepts_meets_in_a_group(trade, form, at, slip, character):
    """``meeting_keys`` files two names of a group under a common key whenever
    ``rules.name_typo`` calls them a typo apart, so no pair a group holds is missed however
    the slip was made: anywhere in the trade name, the industry word or the legal form."""
    from yulin_cli.prospects.likely import meeting_keys, sounds_of
    from yulin_cli.rules.duplicates import form_key, name_key

    company = trade + form
    if slip == "add":  # anywhere, the very end too
        at %= len(company) + 1
        other = company[:at] + character + company[at:]
    elif slip == "change":
        at %= len(company)
        other = company[:at] + character + company[at + 1:]
    elif slip == "drop":
        at %= len(company)
        other = company[:at] + company[at + 1:]
    else:  # every character by a same-sound one where there is one
        other = company.translate(str.maketrans("恒瑞重精密银", "衡锐中经蜜银"))

    def of(name):
        key = name_key(name, "苏州")
        readings = sounds_of(key)[0]
        return key, form_key(name, "苏州"), CompanyFacts(
            key, tuple(readings.get(ch, frozenset({ch})) for ch in key),
            form_key=form_key(name, "苏州")), readings

    (ka, fa, a, ra), (kb, fb, b, rb) = of(company), of(other)
    if min(len(ka), len(kb)) < 3:
        return
    # With the names' legal forms, and without (a prospect read without its company name).
    for (form_a, facts_a), (form_b, facts_b) in (((fa, a), (fb, b)), (
            ("", a._replace(form_key="")), ("", b._replace(form_key="")))):
        if name_typo(facts_a, facts_b) is not None:
            keys_a = set(meeting_keys(ka, form_a, ra[ka[0]]))
            assert keys_a & set(meeting_keys(kb, form_b, rb[kb[0]])), (company, other, form_a)
