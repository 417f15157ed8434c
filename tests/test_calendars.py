"""Calendar files that a phone keeps in step: UIDs that do not depend on the options of the
export, SEQUENCE and LAST-MODIFIED that move when a visit's company changes, and no empty
calendar."""

from __future__ import annotations

from conftest import add, make_ready, ok, ok_json

DAY = "2026-10-19"


def _events(path):
    from icalendar import Calendar

    return list(Calendar.from_ical(path.read_bytes()).walk("VEVENT"))


def _suburban(n: int = 2) -> list[int]:
    ids = []
    for i in range(n):
        pid = add(f"苏州远郊{i}号机械有限公司", "--district", "吴江区", "--suburban")
        make_ready(pid)
        ids.append(pid)
    return ids


def test_route_uids_do_not_depend_on_the_visitor(team, tmp_path):
    _suburban()
    anyone, booked_for = tmp_path / "any.ics", tmp_path / "zhang.ics"
    ok("route", "--start", DAY, "--ics", str(anyone))
    ok("route", "--start", DAY, "--visitor", "张伟", "--ics", str(booked_for))
    assert ([str(e["uid"]) for e in _events(anyone)]
            == [str(e["uid"]) for e in _events(booked_for)])
    assert all("-trip-" in str(e["uid"]) for e in _events(anyone))
    # Once booked, the trip is its plan's event: the same one `agenda` exports.
    plan = tmp_path / "plan.ics"
    ok("route", "--start", DAY, "--visitor", "张伟", "--plan", "--ics", str(plan))
    agenda = tmp_path / "agenda.ics"
    ok("agenda", "--visitor", "张伟", "--date", DAY, "--ics", str(agenda))
    planned = sorted(str(e["uid"]) for e in _events(plan))
    assert planned == sorted(str(e["uid"]) for e in _events(agenda))
    assert all("-plan-" in uid for uid in planned)


def test_a_changed_visit_gets_a_higher_sequence(team, tmp_path):
    a, b = _suburban()
    ok("plan-visit", a, "--visitor", "张伟", "--date", DAY)
    ok("plan-visit", b, "--visitor", "张伟", "--date", DAY)
    first = tmp_path / "first.ics"
    ok("agenda", "--visitor", "张伟", "--date", DAY, "--ics", str(first))
    before = {str(e["uid"]): e for e in _events(first)}
    assert all("LAST-MODIFIED" in e and int(e["sequence"]) > 0 for e in before.values())
    ok("update-prospect", a, "--address", "吴江区松陵镇中山南路 1 号", "--date", "2026-10-16")
    second = tmp_path / "second.ics"
    ok("--lang", "zh", "agenda", "--visitor", "张伟", "--date", DAY, "--ics", str(second))
    after = {str(e["uid"]): e for e in _events(second)}
    assert after.keys() == before.keys()  # the same events, whatever the language
    moved = [uid for uid in after if int(after[uid]["sequence"]) > int(before[uid]["sequence"])]
    assert len(moved) == 1
    changed = after[moved[0]]
    assert str(changed["location"]) == "吴江区松陵镇中山南路 1 号"
    assert changed.decoded("last-modified") >= before[moved[0]].decoded("last-modified")
    untouched = next(uid for uid in after if uid != moved[0])
    assert int(after[untouched]["sequence"]) == int(before[untouched]["sequence"])


def test_nothing_to_export_writes_no_calendar(team, tmp_path):
    path = tmp_path / "empty.ics"
    out = ok("agenda", "--visitor", "张伟", "--date", DAY, "--ics", str(path)).stdout
    assert "no visits to put in a calendar" in out
    assert not path.exists()
    doc = ok_json("route", "--start", DAY, "--ics", str(path))
    assert doc["trips"] == []
    assert not path.exists()
    out = ok("route", "--start", DAY, "--ics", str(path)).stdout
    assert "not written" in out and not path.exists()
