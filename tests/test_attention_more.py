"""The evening's "N more" lines (issue 18, item 6): each names a command that lists exactly
the items left out; `--rule` takes every rule an item can carry; a voided visit is not a
flagged one."""

from __future__ import annotations

import re
import shlex

from conftest import ALL_ITEMS, add, assert_refused, ok, ok_json, run
from test_data import write_csv

DAY = "2026-10-16"


def more_commands(text: str) -> list[list[str]]:
    """The commands of the "… and N more" lines, as arguments after `yulin`."""
    flat = " ".join(text.replace("│", " ").split())
    return [shlex.split(m)[1:] for m in re.findall(
        r"(yulin attention [^…]*?--skip \d+(?: --all)?)", flat)]


def half_sampled(tmp_path) -> None:
    """Half the substandard findings drawn for a proof inspection (Q15), the rest asked
    whether the finding holds: one kind of item, two rules."""
    path = tmp_path / "sample.toml"
    path.write_text("[proof]\nsample_percent = 50\n", encoding="utf-8")
    ok("policy", "set", str(path), "--from", "2026-01-01", "--by", "赵敏", "--retroactive")


def substandard_findings(count: int) -> list[int]:
    """``count`` substandard findings on DAY: the ineffective ones (odd ids) open the question
    whether the finding holds; of the effective ones, those the sample draws open a proof
    inspection (visits 4 and 8 and 10 at 50%)."""
    visits = []
    for n in range(count):
        pid = add(f"苏州第{n}号精密机械有限公司", found_on="2026-10-15")
        effective = ("--items", ALL_ITEMS, "--landline", "--email") if n % 2 else ()
        visits.append(ok_json("log-visit", pid, "--by", "张伟", "--outcome", "substandard",
                              "--date", DAY, *effective)["visit_id"])
    return visits


def test_each_more_line_lists_exactly_the_items_left_out(team, tmp_path):
    half_sampled(tmp_path)
    substandard_findings(10)
    header = ["company", "city", "sourced_by", "employees", "pcs", "deal_value", "need",
              "yulin_interest", "found_on"]
    rows = [[f"苏州星级{n:03d}号科技有限公司", "苏州", "李娜", "300", "90", "30万", "explicit",
             "high", DAY] for n in range(8)]
    ok("import", str(write_csv(tmp_path / "stars.csv", header, rows)))
    report = ok_json("daily-report", "--date", DAY)["attention"]
    assert {a["rule"] for a in report if a["kind"] == "inspect"} == {"proof", "substandard"}
    human = ok("daily-report", "--date", DAY).stdout
    commands = more_commands(human)
    assert len(commands) == 3  # inspections, visits not ready, take-overs: 5 shown of each
    for args in commands:
        kind = args[args.index("--kind") + 1]
        listed = ok_json(*args)
        assert listed == [a for a in report if a["kind"] == kind][5:], args
        assert listed
    # The same in Chinese, and from a screen of `attention` itself.
    assert more_commands(ok("--lang", "zh", "daily-report", "--date", DAY).stdout) == commands
    screen = ok("attention", "--kind", "take-over", "--date", DAY, "--limit", "3").stdout
    [rest] = more_commands(screen)
    assert ok_json(*rest) == [a for a in report if a["kind"] == "take-over"][3:]
    assert_refused(run("attention", "--kind", "nonsense"), 2)


def test_rule_takes_every_rule_an_item_carries(team, tmp_path):
    half_sampled(tmp_path)
    substandard_findings(4)
    report = ok_json("daily-report", "--date", DAY)["attention"]
    carried = {a["rule"] for a in report}
    assert "proof" in carried and "substandard" in carried
    for rule in carried | {"proof", "substandard", "readiness", "refusal", "duplicate",
                           "managers"}:
        assert ok_json("attention", "--rule", rule, "--date", DAY) == [
            a for a in report if a["rule"] == rule], rule
    assert ok_json("--lang", "zh", "attention", "--rule", "走访凭证", "--date", DAY) != []


def test_a_voided_visit_is_not_a_flagged_one(team):
    [visit] = substandard_findings(1)  # ineffective: in doubt

    def flagged() -> int:
        people = ok_json("daily-report", "--date", DAY)["people"]
        count: int = next(p for p in people if p["name"] == "张伟")["flagged_visits"]
        return count

    assert flagged() == 1
    ok("void", "visit", str(visit), "--reason", "录错了", "--by", "赵敏")
    assert flagged() == 0
