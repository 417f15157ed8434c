"""Random histories of a team's work, and what must hold after every step of them.

A hypothesis state machine runs the team's operations in random order on a clock that only
moves forward: prospects added and changed, rounds, plans, visits of every kind and outcome
with and without photos, red-sea signals, inspections, voids, merges and unmerges, points
adjustments and new policy versions (retroactive). Every operation goes through the CLI with
``--json``, as a user's script would. After each step:

- what is stored equals what the rules derive again (``doctor --recompute``);
- each person's points total is the sum of their ledger and what `daily-report`, `points` and
  `summary` say;
- `rate`, `rate --all`, `show` and `manager` give every prospect the same stars;
- `daily-report` and `summary` agree on every day's quota;
- no give-back exceeds its entry, and none is given back twice.

A small derandomized run is part of the fast suite; a long one is marked ``slow``.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    consumes,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from conftest import ALL_ITEMS, query, run
from test_proof import jpeg

START = dt.date(2026, 10, 12)  # a Monday
FINDERS = ("李娜", "王强")
VISITORS = ("张伟", "刘洋")
MANAGER = "赵敏"
DISTRICTS = ("工业园区", "吴中区")


def _json(*args: str):
    result = run(*args, "--json")
    assert "Traceback" not in result.stdout + result.stderr
    assert result.exit_code in (0, 1, 2), (args, result.stdout, result.stderr)
    return result


def machine(isolated, tmp_path: Path) -> type[RuleBasedStateMachine]:
    photos = [jpeg(tmp_path / f"p{i}.jpg", taken=taken, color=color)
              for i, (taken, color) in enumerate([
                  ("2026:10:12 10:00:00", "red"), ("2026:10:13 10:00:00", "blue"),
                  (None, "green")])]

    class TeamHistory(RuleBasedStateMachine):
        prospects = Bundle("prospects")
        visits = Bundle("visits")

        def __init__(self) -> None:
            super().__init__()
            self.target = isolated.fresh()
            os.environ["YULIN_DB"] = self.target
            self.today = START
            self.names: dict[int, str] = {}
            self.merged: list[int] = []
            self.guarded = False
            self._day()
            for args in (("center", "add", "苏州育林中心", "--city", "苏州"),
                         *(("staff", "add", n, "--center", "苏州育林中心", "--role", "prospector",
                            "--since", "2026-10-01") for n in FINDERS),
                         *(("staff", "add", n, "--center", "苏州育林中心", "--role", "visitor")
                           for n in VISITORS),
                         ("staff", "add", MANAGER, "--center", "苏州育林中心", "--role", "manager",
                          "--role", "visitor")):
                assert _json(*args).exit_code == 0

        def _day(self) -> None:
            os.environ["YULIN_TODAY"] = self.today.isoformat()

        def _past(self, back: int) -> str:
            return max(START, self.today - dt.timedelta(days=back)).isoformat()

        # --- the team's work ---------------------------------------------------------------

        @initialize(target=prospects)
        def first_prospect(self) -> int:
            return self._add(FINDERS[0], True, DISTRICTS[0], 0, False, True)

        @rule(target=prospects, finder=st.sampled_from(FINDERS), quality=st.booleans(),
              district=st.sampled_from(DISTRICTS), n=st.integers(0, 3), twin=st.booleans(),
              ready=st.booleans())
        def add_prospect(self, finder, quality, district, n, twin, ready) -> int:
            return self._add(finder, quality, district, n, twin, ready)

        def _add(self, finder: str, quality: bool, district: str, n: int, twin: bool,
                 ready: bool) -> int:
            company = f"苏州第{n}精密机械有限公司" if twin else f"苏州{len(self.names)}号机械有限公司"
            doc = _json("add-prospect", "--company", company, "--city", "苏州", "--sourced-by",
                        finder, "--district", district, "--employees",
                        "150" if quality else "40", "--pcs", "40", "--found-on",
                        self.today.isoformat(), "--deal-value", "25万", "--need", "explicit",
                        "--yulin-interest", "high", "--force")
            assert doc.exit_code == 0, doc.stderr
            self.names[doc.json["id"]] = company
            if ready:
                self._ready(doc.json["id"], self.today.isoformat())
            pid: int = doc.json["id"]
            return pid

        def _ready(self, pid: int, day: str) -> None:
            page = _json("show", str(pid)).json
            if "prospect" not in page:
                return  # merged into another
            _json("update-prospect", str(pid), "--address", "星湖街 1 号", "--contact-surname",
                  "周", "--date", day)
            for pretext, flag in (("buyer", "--address"), ("applicant", "--scale")):
                _json("verify", str(pid), "--by", page["prospect"]["sourced_by"], "--pretext",
                      pretext, "--result", "confirmed", flag, "--date", day)

        @rule(pid=prospects, employees=st.sampled_from(["40", "150", "300"]), back=st.integers(0, 2))
        def change_scale(self, pid, employees, back):
            _json("update-prospect", str(pid), "--employees", employees, "--by", FINDERS[0],
                  "--date", self._past(back))

        @rule(pid=prospects, domain=st.sampled_from(["hengrui.cn", "tianmu.com", None]))
        def change_mail(self, pid, domain):
            # A company's own mail domain is a second fact of a likely duplicate (Q8).
            email = f"it{pid}@{domain}" if domain else f"it{pid}@163.com"
            _json("update-prospect", str(pid), "--email", email, "--date", self.today.isoformat())

        @rule(pid=prospects, back=st.integers(0, 3))
        def make_ready(self, pid, back):
            self._ready(pid, self._past(back))

        @rule(pid=prospects, by=st.sampled_from((*FINDERS, MANAGER)))
        def contradict(self, pid, by):
            _json("verify", str(pid), "--by", by, "--pretext", "front-desk", "--result",
                  "contradicted", "--date", self.today.isoformat())

        @rule(pid=prospects, visitor=st.sampled_from(VISITORS), ahead=st.integers(0, 2))
        def plan(self, pid, visitor, ahead):
            _json("plan-visit", str(pid), "--visitor", visitor, "--date",
                  (self.today + dt.timedelta(days=ahead)).isoformat())

        @rule(target=visits, pid=prospects, by=st.sampled_from((*VISITORS, MANAGER)),
              kind=st.sampled_from(["planned", "planned", "sweep", "upgrade"]),
              outcome=st.sampled_from(["met", "met", "substandard", "refused"]),
              full=st.booleans(), photo=st.sampled_from([None, 0, 1, 2]),
              back=st.integers(0, 2))
        def log_visit(self, pid, by, kind, outcome, full, photo, back) -> int:
            args = ["log-visit", str(pid), "--by", by, "--kind", kind, "--outcome", outcome,
                    "--date", self._past(back)]
            if full:
                args += ["--items", ALL_ITEMS, "--landline", "--email"]
            if photo is not None:
                args += ["--photo", photos[photo]]
            doc = _json(*args)
            return doc.json["visit_id"] if doc.exit_code == 0 else 0

        @rule(pid=prospects, signal=st.sampled_from(["--cold", "--excluded-us", "--clear"]))
        def redsea(self, pid, signal):
            _json("redsea", str(pid), signal, "--by", FINDERS[0], "--date",
                  self.today.isoformat())

        @rule(visit=visits, verdict=st.sampled_from(["upheld", "overturned", "proven",
                                                     "unproven"]))
        def inspect(self, visit, verdict):
            if visit:
                _json("inspect", str(visit), "--by", MANAGER, "--verdict", verdict, "--date",
                      self.today.isoformat())

        @rule(visit=consumes(visits), by=st.sampled_from((*VISITORS, MANAGER)))
        def void_visit(self, visit, by):
            if visit:
                _json("void", "visit", str(visit), "--by", by, "--reason", "wrong")

        @rule(pid=prospects)
        def void_a_round(self, pid):
            page = _json("show", str(pid)).json
            rounds = [r for r in page.get("rounds", []) if r["voided"] is None]
            if rounds:
                _json("void", "round", str(rounds[-1]["round_id"]), "--by", MANAGER,
                      "--reason", "wrong")

        @rule(person=st.sampled_from((*FINDERS, *VISITORS)), last=st.booleans())
        def void_points(self, person, last):
            entries = [e for e in _json("points", person).json["entries"]
                       if e["voided"] is None and e["reverses"] is None]
            if entries:
                entry = entries[-1 if last else 0]
                _json("void", "points", str(entry["entry_id"]), "--by", MANAGER, "--reason",
                      "wrong")

        @rule(person=st.sampled_from((*FINDERS, *VISITORS)), delta=st.sampled_from([-3, 2]))
        def adjust(self, person, delta):
            _json("adjust-points", person, str(delta), "--reason", "by hand", "--by", MANAGER,
                  "--date", self.today.isoformat())

        @rule(keep=prospects, drop=prospects)
        def merge(self, keep, drop):
            if keep != drop and _json("merge", str(keep), str(drop), "--by", MANAGER, "--yes",
                                      "--force").exit_code == 0:
                self.merged.append(drop)

        @precondition(lambda self: self.merged)
        @rule()
        def unmerge(self):
            _json("unmerge", str(self.merged.pop()), "--by", MANAGER)

        @rule(target=visits, planned=prospects, swept=prospects,
              visitor=st.sampled_from(VISITORS), full=st.booleans(),
              outcome=st.sampled_from(["met", "substandard"]))
        def a_day_with_a_sweep(self, planned, swept, visitor, full, outcome) -> int:
            """A planned visit, then a sweep after it on the same day (Q12)."""
            day = self.today.isoformat()
            self._ready(planned, day)
            _json("plan-visit", str(planned), "--visitor", visitor, "--date", day)
            _json("log-visit", str(planned), "--by", visitor, "--outcome", "met", "--items",
                  ALL_ITEMS, "--landline", "--email", "--date", day)
            args = ["log-visit", str(swept), "--by", visitor, "--kind", "sweep", "--outcome",
                    outcome, "--date", day]
            if full:
                args += ["--items", ALL_ITEMS, "--landline", "--email"]
            doc = _json(*args)
            return doc.json["visit_id"] if doc.exit_code == 0 else 0

        @rule(data=st.data())
        def answer_an_open_question(self, data):
            """A manager answers what the evening's attention asks, with a word of the question
            asked, or a wrong one."""
            items = [a for a in _json("attention", "--all").json if a["kind"] == "inspect"]
            if not items:
                return
            item = data.draw(st.sampled_from(items))
            words = ["proven", "unproven"] if item["rule"] == "proof" else ["upheld", "overturned"]
            verdict = data.draw(st.sampled_from([*words, *words, "upheld"]))
            _json("inspect", str(item["visit_id"]), "--by", MANAGER, "--verdict", verdict,
                  "--date", self.today.isoformat())

        @rule(sweep=st.sampled_from([3, 5]), substandard=st.sampled_from([-5, -2]),
              sample=st.sampled_from([0, 10, 100]), photo=st.booleans(),
              back=st.integers(0, 5))
        def set_policy(self, sweep, substandard, sample, photo, back):
            path = tmp_path / f"policy-{sweep}-{substandard}-{sample}-{photo}.toml"
            path.write_text(f"[points]\nsweep = {sweep}\nsubstandard = {substandard}\n"
                            f"[proof]\nsample_percent = {sample}\n"
                            f"require_photo = {'true' if photo else 'false'}\n",
                            encoding="utf-8")
            _json("policy", "set", str(path), "--from", self._past(back), "--by", MANAGER,
                  "--retroactive")

        @precondition(lambda self: self.today < START + dt.timedelta(days=9))
        @rule(days=st.integers(1, 2))
        def next_day(self, days):
            self.today += dt.timedelta(days=days)
            self._day()

        # --- what must hold after every step ------------------------------------------------

        @invariant()
        def stored_equals_derived(self):
            doc = _json("doctor", "--recompute")
            assert doc.json["differences"] == [], doc.json["differences"]

        @invariant()
        def points_agree_everywhere(self):
            today = self.today.isoformat()
            totals = {p["staff"]: p["total"] for p in _json("points").json}
            report = {p["name"]: p for p in _json("daily-report", "--date", today).json["people"]}
            summary = _json("summary", "--from", "2026-01-01", "--to", today).json
            period = {p["name"]: p["delta"] for p in summary["points"]}
            for name in (*FINDERS, *VISITORS, MANAGER):
                ledger = _json("points", name).json
                assert ledger["total"] == sum(e["delta"] for e in ledger["entries"])
                assert ledger["total"] == totals[name] == report[name]["points_total"]
                assert period[name] == ledger["total"]  # nothing is dated before 2026
            for entry in (e for n in (*FINDERS, *VISITORS, MANAGER)
                          for e in _json("points", n).json["entries"]):
                assert entry["date"] <= today

        @invariant()
        def the_servers_guard_agrees_with_the_rules(self):
            """On PostgreSQL, the guard's SQL restatement of the rules (``server.guard``) holds
            every stored outcome and gives exactly the consequences the rules gave."""
            if "://" not in self.target:
                return
            if not self.guarded:
                _install_guard_functions(self.target)
                self.guarded = True
            assert query(self.target, "SELECT derived_key FROM points_entry e"
                         " WHERE derived_key IS NOT NULL AND NOT yulin_entry_holds(e)") == []
            assert query(self.target, "SELECT derived_key FROM notice n"
                         " WHERE NOT yulin_notice_holds(n)") == []
            said = {r[0] for r in query(
                self.target, "SELECT k FROM visit v, unnest(ARRAY['substandard', 'sweep',"
                " 'proof']) r, LATERAL (SELECT 'visit' || chr(58) || v.id || chr(58) || r AS k) x"
                " WHERE yulin_consequence(k) IS NOT NULL")}
            kept = {r[0] for r in query(self.target, "SELECT derived_key FROM notice"
                                        " WHERE derived_key NOT LIKE '%back'")}
            assert said == kept
            assert query(self.target, "SELECT id FROM visit v WHERE effective IS DISTINCT FROM"
                         " (yulin_rule_effective(v) AND NOT yulin_unproven(v.id))") == []

        @invariant()
        def no_give_back_exceeds_its_entry(self):
            for original, back, count in query(
                    self.target, "SELECT o.delta, SUM(r.delta), COUNT(*) FROM points_entry r"
                    " JOIN points_entry o ON o.id = r.reverses_id GROUP BY o.id, o.delta"):
                assert count == 1 and back == -original

        @invariant()
        def every_view_gives_the_same_stars(self):
            ranked = {r["prospect_id"]: r["stars"] for r in _json("rate", "--all").json}
            taken = {r["prospect_id"]: r["stars"] for r in _json("manager").json["take_now"]}
            for pid in list(ranked)[-3:]:
                assert _json("rate", str(pid)).json["stars"] == ranked[pid]
                assert _json("show", str(pid)).json["rating"]["stars"] == ranked[pid]
            for pid, stars in taken.items():
                assert ranked[pid] == stars

        @invariant()
        def the_report_and_the_summary_agree_on_every_day(self):
            today = self.today.isoformat()
            summary = _json("summary", "--from", START.isoformat(), "--to", today).json
            by_day = {(p["name"], d["date"]): d["quota_met"] for p in summary["prospectors"]
                      for d in p["days"]}
            day = START
            while day <= self.today:
                report = _json("daily-report", "--date", day.isoformat()).json
                for person in report["people"]:
                    if person["name"] in FINDERS:
                        assert person["quota_met"] == by_day[(person["name"], day.isoformat())]
                day += dt.timedelta(days=1)

        def teardown(self) -> None:
            os.environ.pop("YULIN_TODAY", None)

    return TeamHistory


def _install_guard_functions(url: str) -> None:
    import psycopg

    from yulin_cli.server.guard import FUNCTIONS

    with psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://")) as conn:
        conn.execute(FUNCTIONS)


def _run(isolated, tmp_path, monkeypatch, examples: int, steps: int) -> None:
    monkeypatch.setenv("YULIN_DB", str(isolated))  # restored after the test
    monkeypatch.delenv("YULIN_TODAY", raising=False)
    run_state_machine_as_test(machine(isolated, tmp_path), settings=settings(
        max_examples=examples, stateful_step_count=steps, deadline=None, derandomize=True,
        suppress_health_check=list(HealthCheck)))


def test_random_histories_keep_stored_outcomes_equal_to_the_rules(isolated, tmp_path,
                                                                   monkeypatch):
    _run(isolated, tmp_path, monkeypatch, examples=3, steps=12)


@pytest.mark.slow
def test_long_random_histories_keep_stored_outcomes_equal_to_the_rules(isolated, tmp_path,
                                                                        monkeypatch):
    _run(isolated, tmp_path, monkeypatch, examples=20, steps=30)
