"""The visitor's morning through the CLI: `agenda` and the iCalendar files of `agenda` and
`route`."""

from __future__ import annotations

import pytest

from conftest import add, assert_refused, make_ready, ok, ok_json, row_counts, run
from yulin_cli import rules
from yulin_cli.policy import Policy

DAY = "2026-10-19"


def _events(path):
    from icalendar import Calendar

    calendar = Calendar.from_ical(path.read_bytes())
    return list(calendar.walk("VEVENT"))


@pytest.fixture
def morning(team):
    """Three planned visits for 张伟 on DAY in two districts, one no longer ready, one already
    half surveyed; and one for 刘洋."""
    a = add("苏州恒瑞精密机械有限公司", "--district", "工业园区", "--landline", "0512-62581234",
            "--ownership", "soe")
    b = add("苏州天目电子有限公司", "--district", "吴中区")
    c = add("苏州华研新材料有限公司", "--district", "工业园区")
    d = add("苏州远洋船舶配件有限公司", "--district", "吴中区")
    for pid in (a, b, c, d):
        make_ready(pid)
    ok("log-visit", c, "--by", "张伟", "--outcome", "met", "--items", "1-5,2-2", "--landline",
       "--date", "2026-10-16")
    for pid in (b, a, c):
        ok("plan-visit", pid, "--visitor", "张伟", "--date", DAY)
    ok("plan-visit", d, "--visitor", "刘洋", "--date", DAY)
    # After it was planned, a colleague finds that b's facts do not hold.
    ok("verify", b, "--by", "王强", "--pretext", "front-desk", "--result", "contradicted",
       "--date", "2026-10-17")
    return {"a": a, "b": b, "c": c, "d": d}


def test_agenda_lists_the_day_by_district_with_what_the_visitor_needs(morning):
    doc = ok_json("agenda", "--visitor", "张伟", "--date", DAY)
    assert (doc["date"], doc["visitor"]) == (DAY, "张伟")
    assert [v["prospect_id"] for v in doc["visits"]] == [morning["b"], morning["a"], morning["c"]]
    assert [v["district"] for v in doc["visits"]] == ["吴中区", "工业园区", "工业园区"]
    keys = {"prospect_id", "company", "district", "address", "contact_surname", "landline",
            "ready", "to_capture", "opener"}
    assert all(keys <= v.keys() for v in doc["visits"])
    b, a, c = doc["visits"]
    assert (a["company"], a["address"], a["contact_surname"]) == (
        "苏州恒瑞精密机械有限公司", "工业园区星湖街 218 号", "周")
    assert a["landline"] == "+8651262581234" and a["ready"] is True
    assert b["ready"] is False
    assert [r["rule"] for r in b["not_ready"]] == ["verification"]
    need = Policy().effective_visit
    assert a["to_capture"] == [*need.items, *need.contacts]
    assert c["to_capture"] == ["2-3", "2-4", "2-5", "2-8", "2-9", "email"]
    assert "state-owned" in a["opener"] and "survey" in c["opener"]
    human = ok("agenda", "--visitor", "张伟", "--date", DAY).stdout
    assert human.index("吴中区") < human.index("工业园区")
    assert "0512-62581234" in human and "not ready" in human and "to capture" in human
    # The questionnaire's item numbers together, then the facts by name.
    assert "survey items 2-3, 2-4, 2-5, 2-8, 2-9, email" in " ".join(human.split())
    # Each visit's opening under it when they differ (a state-owned company's is its own).
    doc = ok_json("agenda", "--visitor", "张伟", "--date", DAY)
    assert human.count("opener:") == len(doc["visits"]) > 1
    assert ok_json("agenda", "--visitor", "刘洋", "--date", DAY)["visits"][0][
        "prospect_id"] == morning["d"]
    assert ok_json("agenda", "--visitor", "张伟", "--date", "2026-10-20")["visits"] == []


def test_agenda_readiness_is_as_of_its_day(morning):
    # b's contradicting round came on the 17th: an agenda of the 16th did not know it yet.
    ok("plan-visit", morning["b"], "--visitor", "张伟", "--date", "2026-10-16")
    earlier = ok_json("agenda", "--visitor", "张伟", "--date", "2026-10-16")
    assert [(v["prospect_id"], v["ready"]) for v in earlier["visits"]] == [(morning["b"], True)]


def test_agenda_needs_a_visitor_and_only_reads(morning, isolated):
    before = row_counts(isolated)
    assert_refused(run("agenda", "--date", DAY), 2)
    assert_refused(run("agenda", "--visitor", "没有这个人"), 2)
    ok("agenda", "--visitor", "张伟", "--date", DAY)
    assert row_counts(isolated) == before


def test_agenda_ics_parses_back_and_a_second_export_updates(morning, tmp_path):
    path = tmp_path / "day.ics"
    out = ok("agenda", "--visitor", "张伟", "--date", DAY, "--ics", str(path)).stdout
    assert "3 events" in out
    events = _events(path)
    assert len(events) == 3
    first = events[1]
    assert first.decoded("dtstart").isoformat() == DAY
    assert first.decoded("dtend").isoformat() == "2026-10-20"  # all day
    assert str(first["summary"]) == f"Visit #{morning['a']} 苏州恒瑞精密机械有限公司"
    assert str(first["location"]) == "工业园区星湖街 218 号"
    assert "0512-62581234" in str(first["description"])
    uids = [str(e["uid"]) for e in events]
    assert len(set(uids)) == 3
    again = tmp_path / "again.ics"
    ok("--lang", "zh", "agenda", "--visitor", "张伟", "--date", DAY, "--ics", str(again),
       "--json")
    assert [str(e["uid"]) for e in _events(again)] == uids  # same visits, same events
    assert str(_events(again)[1]["summary"]).startswith("走访 #")
    # What a phone calendar shows a Chinese visitor reads Chinese (座机, not landline).
    chinese = " ".join(str(e["description"]) for e in _events(again))
    assert "要问到：" in chinese and ("座机" in chinese or "邮箱" in chinese), chinese
    assert "landline" not in chinese and "email" not in chinese, chinese
    assert_refused(run("agenda", "--visitor", "张伟", "--date", DAY, "--ics",
                       str(tmp_path / "no" / "x.ics")), 2)


def test_route_ics_has_an_event_for_every_trip_visit(team, tmp_path):
    ids = []
    for n, district in enumerate(("吴江区", "吴江区", "常熟")):
        pid = add(f"苏州远郊{n}号机械有限公司", "--district", district, "--suburban")
        make_ready(pid)
        ids.append(pid)
    path = tmp_path / "route.ics"
    doc = ok_json("route", "--start", "2026-10-19", "--visitor", "张伟", "--plan", "--ics",
                  str(path))
    planned = {(d["date"], pid) for trip in doc["trips"] for d in trip["days"]
               for pid in d["prospect_ids"]}
    events = _events(path)
    assert {(e.decoded("dtstart").isoformat(), int(str(e["summary"]).split("#")[1].split()[0]))
            for e in events} == planned
    assert len(planned) == 3
    # Unbooked trips export too, for anyone.
    ok("route", "--start", "2026-10-26", "--ics", str(tmp_path / "draft.ics"))


@pytest.mark.once
def test_still_to_capture_follows_the_policy():
    policy = Policy()
    assert rules.still_to_capture((), (), policy) == (*policy.effective_visit.items,
                                                       *policy.effective_visit.contacts)
    assert rules.still_to_capture(policy.effective_visit.items, ("landline", "email", "qq"),
                                  policy) == ()
