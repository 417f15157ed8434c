"""`dedupe` finds the same company typed twice with a typo in its name, one character off or a
same-sound slip of a pinyin input method (同音字), when a second fact backs it (the address,
the district with the contact's surname, or the exact scale); and does not join different
companies whose names are merely alike."""

from __future__ import annotations

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


def test_same_sound_and_one_character_typos_are_found(team):
    cases = {
        # 恒瑞/恒锐 sound alike (rui); the same address.
        "sound-address": (("苏州恒瑞精密机械有限公司", *ADDRESS),
                          ("苏州恒锐精密机械有限公司", "--address", "工业园区星湖街218号")),
        # A slip in the industry word (精密/精蜜, mi): the trade name is not stripped away.
        "generic-word": (("苏州天目精密机械有限公司", "--employees", "260", "--pcs", "85"),
                         ("苏州天目精蜜机械有限公司", "--employees", "260", "--pcs", "85")),
        # Two characters, one sound (华研/化验, hua yan): the district and surname agree.
        "two-characters": (("苏州华研新材料有限公司", "--district", "吴中区",
                            "--contact-surname", "周"),
                           ("苏州化验新材料有限公司", "--district", "吴中区",
                            "--contact-surname", "周")),
        # One character changed, not a same-sound one (达/远): the exact scale agrees.
        "one-character": (("苏州金达模具有限公司", "--employees", "120", "--pcs", "40"),
                          ("苏州金远模具有限公司", "--employees", "120", "--pcs", "40")),
        # One character left out: the same address.
        "left-out": (("苏州博远光学仪器有限公司", *ADDRESS), ("苏州博光学仪器有限公司", *ADDRESS)),
    }
    ids = {label: (prospect(*first), prospect(*second))
           for label, (first, second) in cases.items()}
    found = groups()
    why = {label: found[pair]["reasons"] for label, pair in ids.items()}
    assert why == {"sound-address": ["same-sound"], "generic-word": ["same-sound"],
                   "two-characters": ["same-sound"], "one-character": ["similar-name"],
                   "left-out": ["similar-name"]}
    assert all(0.6 <= found[pair]["confidence"] < 0.95 for pair in ids.values())
    assert len(found) == len(cases)
    out = " ".join(ok("dedupe").stdout.split())  # the why column wraps
    assert "same-sounding name" in out and "similar name" in out
    assert "名称同音" in ok("--lang", "zh", "dedupe").stdout


def test_look_alikes_are_not_joined(team):
    # One character apart, nothing else in common: neighbours, not twins.
    a = prospect("苏州华纳川光学仪器有限公司", "--district", "相城区")
    b = prospect("苏州华纳州光学仪器有限公司", "--district", "姑苏区")
    # Same sound and the same scale, but two different known addresses: two companies.
    prospect("苏州恒瑞电子科技有限公司", "--address", "吴中区东方大道 8 号", "--employees", "150",
             "--pcs", "40")
    prospect("苏州恒锐电子科技有限公司", "--address", "相城区人民路 9 号", "--employees", "150",
             "--pcs", "40")
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
    ok("dedupe")
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
@pytest.mark.parametrize(("a", "b", "agreeing"), [
    ({"address": "x1"}, {"address": "x1"}, ("address",)),
    ({"district": "吴中区", "contact_surname": "周"}, {"district": "吴中区",
                                                 "contact_surname": "周"}, ("district-surname",)),
    ({"employees": 150, "pcs": 40}, {"employees": 150, "pcs": 40}, ("scale",)),
    ({"employees": 150, "pcs": None}, {"employees": 150, "pcs": None}, None),  # both known
    ({"employees": 150, "pcs": 40}, {"employees": 150, "pcs": 41}, None),
    ({"district": "吴中区"}, {"district": "吴中区"}, None),  # the district alone is not enough
    ({"address": "x1", "employees": 9, "pcs": 9}, {"address": "x2", "employees": 9, "pcs": 9},
     None),  # two known addresses differ: two companies
    ({"district": "吴中区", "employees": 9, "pcs": 9},
     {"district": "相城区", "employees": 9, "pcs": 9}, None),
    ({"address": "x1", "district": "吴中区", "contact_surname": "周", "employees": 9, "pcs": 9},
     {"address": "x1", "district": "吴中区", "contact_surname": "周", "employees": 9, "pcs": 9},
     ("address", "district-surname", "scale")),
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
    a = facts(name, employees=scale[0], pcs=scale[1])
    b = facts(other, employees=scale[0], pcs=scale[1])
    assert likely_duplicate(a, b) == likely_duplicate(b, a)
