"""The quick paths of validation that a big import takes agree with the definitions they
stand in for: phone number types with phonenumbers, plain e-mail addresses with
email_validator, and whole plain rows with the add-prospect input model (a quick path that
is not sure says so, and the model decides)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from yulin_cli import forms, inputs, parsers

pytestmark = pytest.mark.once  # no database involved

DIGITS = "0123456789"
national_numbers = st.one_of(
    st.builds(lambda head, tail: head + tail,
              st.sampled_from(["13", "15", "17", "18", "19", "14", "16", "10", "11", "12",
                               "20", "21", "512", "755", "400", "800", "95", "96", "2", "3",
                               "5", "7", "8", "9"]),
              st.text(DIGITS, min_size=3, max_size=11)),
    st.text(DIGITS, min_size=5, max_size=13).filter(lambda s: s[0] != "0"),
)


@settings(max_examples=400, deadline=None)
@given(national=national_numbers)
def test_number_types_agree_with_phonenumbers(national):
    import phonenumbers

    number = phonenumbers.PhoneNumber(country_code=86, national_number=int(national))
    assert parsers._cn_number_type(str(int(national))) == phonenumbers.number_type(number)


label = st.text("abcxyzABZ0189-", min_size=1, max_size=8)
emails = st.one_of(
    st.sampled_from([
        "it0@corp0.com.cn", "IT.Zhou@Corp.COM", "a..b@x.cn", "a@x.c1", "a@x.cn.", "a@-x.com",
        "a@x.123", "a@localhost", "a@x.test", "a@example.com", "a@x.local", "a.@x.cn",
        ".a@x.cn", "a@b.c", "a@x.invalid", "a@xn--fiqs8s.cn", "a@ab--cd.cn", "a_b+c-d@x-y.org",
        "a@x.onion", "a@local.cn", "z" * 65 + "@x.cn", "a@" + "b" * 64 + ".cn", "a@b-.cn",
        "周@x.cn", "a@x.公司", "a b@x.cn", "a@x..cn", "a@x.cn\n", "a@x.arpa"]),
    st.builds(lambda local, labels, tld: f"{local}@{'.'.join(labels)}.{tld}",
              st.text("abAB09._+-", min_size=1, max_size=12),
              st.lists(label, min_size=1, max_size=3),
              st.one_of(st.sampled_from(["cn", "com", "test", "local", "c", "X1", "Org"]),
                        label)),
)


@settings(max_examples=400, deadline=None)
@given(address=emails)
def test_plain_emails_agree_with_email_validator(address):
    from email_validator import EmailNotValidError, validate_email

    quick = parsers._plain_email(address)
    try:
        expected = validate_email(address, check_deliverability=False).normalized
    except EmailNotValidError:
        assert quick is None
        return
    assert quick in (None, expected)


def either(*values, extra=None):
    return st.one_of(st.sampled_from(values), extra if extra is not None else st.nothing())


TEXT = either("苏州恒瑞精密机械有限公司", " 苏州乙公司 ", "", "   ", "a\tb", "x" * 201, "e\u0301",
              "Ａ公司", "苏州", "苏州市", "李娜", extra=st.text(max_size=12))
rows = st.fixed_dictionaries(
    {"company": TEXT, "city": either("苏州", " 苏州 ", "", "上海", "x" * 101),
     "sourced_by": either("李娜", "", "王 强", "x" * 101),
     "found_on": either("2026-10-15", "2026-13-01", "2026/10/15", " 2026-10-15", "2026-02-30",
                        "15-10-2026")},
    optional={
        "district": TEXT, "address": TEXT, "industry": TEXT, "partner": TEXT,
        "contact_surname": either("周", "", "x" * 21, " 周 ", "周\n"),
        "employees": either("0", "00", "150", " 150", "1e3", "-3", "10000001", "10000000",
                            "１５０", "", 150, -1, True, 12.0, extra=st.integers(-3, 10**8)),
        "pcs": either("40", "0", "x", 40, None),
        "landline": either("0512-68881234", "051268881234", "+86 512 6888 1234", "(0512) 60000001",
                           "13812345678", "0512-6888", "12345", " 0512-68881234", "400-800-1234",
                           "010-12345678", "+1 415 555 2671", "",
                           extra=st.text("0123456789+- ()", max_size=16)),
        "mobile": either("13812345678", "+86 13812345678", "138 1234 5678", "0512-68881234",
                         "12812345678", "1381234567", extra=st.text("0123456789+ ", max_size=14)),
        "email": emails,
        "qq": either("12345", "0123", "12345\n", " 12345", "123456789012", "10001", "1234"),
        "deal_value": either("15万", "15w", "15W", "150000", "0", "1.5万", "15 万", "15万元",
                             "999999999999万", "100000000", "-1", "1,500", "", "０", 15),
        "vendor_share": either("5万", "x", "0"),
        "ownership": either("private", "soe", "foreign", "joint", "other", "Private", "国企", "",
                            None),
        "need": either("explicit", "latent", "none", "明确", "", None),
        "yulin_interest": either("high", "flat", "none", "很感兴趣", None),
        "suburban": either(True, False, None, "yes", 1),
        "has_oa": either(True, False), "platform_interest": either(True, False),
        "erp_need": either(True, False), "in_selection": either(True, False),
        "existing_customer": either(True, False, None),
        "favourite_colour": either("red"),
    })


@settings(max_examples=600, deadline=None)
@given(data=rows)
def test_quick_rows_agree_with_the_input_model(data):
    quick = forms.quick_prospect(data)
    try:
        expected = inputs.ProspectIn.model_validate(data).model_dump()
    except ValidationError:
        assert quick is None
        return
    assert quick in (None, expected)


def test_plain_rows_take_the_quick_path():
    row = {"company": "苏州恒瑞精密机械有限公司", "city": "苏州", "sourced_by": "李娜",
           "found_on": "2026-10-15", "district": "工业园区", "address": "星湖街 218 号",
           "industry": "机械", "ownership": "soe", "employees": "260", "pcs": "85",
           "contact_surname": "周", "landline": "0512-62581234", "mobile": "138 1234 5678",
           "email": "IT@Hengrui.cn", "qq": "123456", "deal_value": "25万", "need": "explicit",
           "yulin_interest": "high", "suburban": False}
    quick = forms.quick_prospect(row)
    assert quick is not None
    assert quick == inputs.ProspectIn.model_validate(row).model_dump()
    assert (quick["landline"], quick["mobile"], quick["email"], quick["deal_value"]) == (
        "+8651262581234", "+8613812345678", "IT@hengrui.cn", 250_000)


# --- a command's options: rounds, plans, visits and a prospect's update -------------------------

NAMES = either("李娜", " 张伟 ", "", "   ", "x" * 101, "王\n强", "e\u0301", extra=st.text(max_size=6))
DAYS = either("2026-10-15", "2026/10/15", "10/15", "今天", "昨天", "2026-02-30", "x", " 2026-10-15",
              "2026年10月15日", "１０/１５")
NOTES = either(None, "", "  ", "回访顺利", "x" * 2001, "a\x00b")
IDS = either(1, 0, 17, "12", "012", "x", -1, True, 1.0)
FLAGS = either(True, False, None, "yes", 1)
round_data = st.fixed_dictionaries(
    {"prospect_id": IDS, "by": NAMES, "pretext": either("buyer", "vendor", "survey", "买家", ""),
     "result": either("confirmed", "refuted", "确认", None), "day": DAYS},
    optional={"address": FLAGS, "scale": FLAGS, "note": NOTES, "colour": either("red")})
plan_data = st.fixed_dictionaries({"prospect_id": IDS, "visitor": NAMES, "day": DAYS},
                                  optional={"note": either("x")})
visit_data = st.fixed_dictionaries(
    {"prospect_id": IDS, "by": NAMES, "outcome": either("met", "absent", "refused", "见到", None),
     "day": DAYS},
    optional={
        "kind": either("planned", "sweep", "upgrade", "followup", "扫楼", None),
        "followup": either("meal", "executives", "occasion", "x", None),
        "items": either("", "1-5,2-2", "1-5，2-3、2-2", "1-55", "x", "2-2 2-2", None),
        "landline": FLAGS, "email": FLAGS, "mobile": FLAGS, "qq": FLAGS,
        "landline_number": either("0512-68881234", "0512-68881234-808", "12345", "",
                                  "0512-68881234 转 808", "400-800-1234"),
        "email_address": either("IT@Hengrui.cn", "x@", "", "a@b.c"),
        "mobile_number": either("13812345678", "+86 13812345678", "12812345678", ""),
        "qq_number": either("12345", "0123", " 12345", ""),
        "found_employees": either("300", "300人", "三百", "1.2万", "-1", "", "10000001", 5),
        "found_pcs": either("40", "x", None),
        "note": NOTES})
patch_data = st.fixed_dictionaries({}, optional={
    "company": TEXT, "city": either("苏州", "", None), "sourced_by": either("李娜", "", None),
    "district": TEXT, "employees": either("300", "300人", "三百", "", None, -1),
    "landline": either("0512-68881234", "0512-68881234-808", "", None, "12345"),
    "landline_ext": either("808", "", None, "x"),
    "deal_value": either("15万", "十五万", "1.5k", "x", None),
    "ownership": either("soe", "国企", None), "found_on": DAYS,
    "credit_code": either("91320594MA1MXXXX0X", "91350100M000100Y43", "", None, "x"),
    "location": either("31.3,120.6", "31.3，120.6", "", None, "91,0", "x"),
    "suburban": FLAGS})


def _agree(quick, model, data, **dump):
    """The quick path gives the model's dump, or None (the model then decides)."""
    try:
        expected = model.model_validate(data).model_dump(**dump)
    except ValidationError:
        assert quick is None
        return
    assert quick in (None, expected)


@settings(max_examples=400, deadline=None)
@given(data=round_data)
def test_quick_rounds_agree_with_the_input_model(data):
    _agree(forms._ROUND.read(data), inputs.RoundIn, data)


@settings(max_examples=300, deadline=None)
@given(data=plan_data)
def test_quick_plans_agree_with_the_input_model(data):
    _agree(forms._PLAN.read(data), inputs.PlanIn, data)


@settings(max_examples=500, deadline=None)
@given(data=visit_data)
def test_quick_visits_agree_with_the_input_model(data):
    _agree(forms._VISIT.read(data), inputs.VisitIn, data)


@settings(max_examples=500, deadline=None)
@given(data=patch_data)
def test_quick_updates_agree_with_the_input_model(data):
    quick = forms._PROSPECT.read(data, partial=True)
    if quick is not None and quick.get("landline") is not None and "landline_ext" not in quick:
        quick["landline_ext"] = None  # as forms.prospect_patch completes it
    _agree(quick, inputs.ProspectFields, data, exclude_unset=True)


def test_forms_have_the_models_fields():
    import dataclasses

    for form, model in ((forms.RoundForm, inputs.RoundIn), (forms.PlanForm, inputs.PlanIn),
                        (forms.VisitForm, inputs.VisitIn)):
        assert {f.name for f in dataclasses.fields(form)} == set(model.model_fields)
    assert set(forms._PROSPECT.readers) == set(inputs.ProspectIn.model_fields)


def test_plain_options_take_the_quick_path():
    """What people type most (a name, a choice, 10/15, 300人, a phone) needs no model."""
    assert forms._ROUND.read({"prospect_id": 3, "by": "李娜", "pretext": "buyer",
                              "result": "confirmed", "day": "10/15", "note": "顺利"}) is not None
    assert forms._VISIT.read({"prospect_id": 3, "by": "张伟", "outcome": "met", "day": "昨天",
                              "items": "1-5,2-2", "found_employees": "300人",
                              "mobile_number": "138 1234 5678"}) is not None
    assert forms._PROSPECT.read({"employees": "三百", "deal_value": "15万",
                                 "landline": "0512-68881234"}, partial=True) is not None

