"""`route` reads what it judges in a fixed number of queries, however many suburban prospects
there are, and plans exactly what `plan-visit` would."""

from __future__ import annotations

from typing import Any

import pytest

from conftest import add, assert_refused, make_ready, ok, ok_json, run
from yulin_cli import db


@pytest.fixture
def statements(monkeypatch):
    """Counts the statements the commands run, on either backend."""
    counted = {"n": 0}
    for cls in (db.SqliteTx, db.AlchemyTx):
        for name in ("all", "run", "many", "iter", "tuples"):
            original = getattr(cls, name)

            def counting(self, *args, _original=original, **kwargs):
                counted["n"] += 1
                return _original(self, *args, **kwargs)

            monkeypatch.setattr(cls, name, counting)
    return counted


def suburban(n: int, start: int = 0, ready: bool = True) -> list[int]:
    ids = []
    for i in range(start, start + n):
        pid = add(f"苏州吴江{i:03d}号科技有限公司", "--suburban", "--district",
                  ("吴江区", "常熟")[i % 2])
        if ready:
            make_ready(pid)
        ids.append(pid)
    return ids


def route_statements(counted: dict[str, int], *args: str) -> tuple[int, dict[str, Any]]:
    before = counted["n"]
    doc = ok_json("route", "--start", "2026-10-19", *args)
    return counted["n"] - before, doc


def test_route_reads_in_a_fixed_number_of_queries(team, statements):
    suburban(2)
    suburban(1, start=50, ready=False)
    few, doc = route_statements(statements)
    assert sum(len(d["prospect_ids"]) for t in doc["trips"] for d in t["days"]) == 2
    suburban(9, start=2)
    suburban(3, start=60, ready=False)
    many, doc = route_statements(statements)
    assert sum(len(d["prospect_ids"]) for t in doc["trips"] for d in t["days"]) == 11
    assert len(doc["not_ready"]) == 4
    assert many == few
    # Booking them all is a fixed number more, however many there are.
    planned, doc = route_statements(statements, "--visitor", "张伟", "--plan")
    assert planned <= many + 3
    booked = {pid for t in doc["trips"] for d in t["days"] for pid in d["prospect_ids"]}
    assert len(booked) == 11
    for pid in booked:
        plans = ok_json("show", pid)["planned_visits"]
        assert [p["visitor"] for p in plans] == ["张伟"]
    assert ok_json("route", "--start", "2026-10-19")["trips"] == []


def test_route_plans_only_what_plan_visit_would(team, isolated):
    pid = add("苏州吴江未来号科技有限公司", "--suburban", "--district", "吴江区")
    ok("update-prospect", pid, "--address", "吴江区松陵镇 1 号", "--contact-surname", "周")
    # Rounds dated after the trip's day: ready now, not as of the day it would be planned.
    for pretext, flag in (("buyer", "--address"), ("applicant", "--scale")):
        ok("verify", pid, "--by", "李娜", "--pretext", pretext, "--result", "confirmed", flag,
           "--date", "2026-10-30")
    doc = ok_json("route", "--start", "2026-10-19")
    assert [d["prospect_ids"] for t in doc["trips"] for d in t["days"]] == [[pid]]
    before = isolated.counts()
    result = run("route", "--start", "2026-10-19", "--visitor", "张伟", "--plan")
    assert_refused(result, 1)
    assert isolated.counts() == before
