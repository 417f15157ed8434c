"""centre, staff and policy commands."""

from __future__ import annotations

import tomllib

import pytest

from conftest import add, assert_refused, ok, ok_json, run


def test_staff_list(team):
    rows = ok_json("staff", "list")
    zhao = next(r for r in rows if r["name"] == "赵敏")
    assert zhao["roles"] == ["manager", "visitor"] and zhao["center"] == "苏州育林中心"
    assert "李娜" in ok("staff", "list").stdout
    assert [c["name"] for c in ok_json("center", "list")] == ["南京育林中心", "苏州育林中心"]


def test_policy_show_has_every_section():
    doc = ok_json("policy", "show")
    assert {"standard", "verification", "quota", "stars", "effective_visit", "points",
            "redsea", "territory"} <= doc.keys()
    assert doc["stars"]["five_min"] == 200000 and doc["points"]["substandard"] == -5


def test_policy_init_round_trips(tmp_path):
    ok("policy", "init", "p.toml")
    text = (tmp_path / "p.toml").read_text(encoding="utf-8")
    assert text.count("#") > 10  # commented
    assert tomllib.loads(text)["standard"]["min_employees"] == 100
    assert_refused(run("policy", "init", "p.toml"), 2)
    ok("policy", "init", "p.toml", "--force")
    assert ok_json("--policy", "p.toml", "policy", "show") == ok_json("policy", "show")


def test_policy_overrides_key_by_key(team, tmp_path, monkeypatch):
    (tmp_path / "strict.toml").write_text("[standard]\nmin_employees = 500\n", encoding="utf-8")
    pid = add()
    assert ok_json("rate", pid)["stars"] == 1
    assert ok_json("--policy", "strict.toml", "rate", pid)["stars"] == 0
    monkeypatch.setenv("YULIN_POLICY", str(tmp_path / "strict.toml"))
    doc = ok_json("policy", "show")
    assert doc["standard"] == {"min_employees": 500, "min_pcs": 30}


def test_bad_policy_names_the_key(tmp_path):
    for body, key in (("[standard]\nmin_employes = 1\n", "standard.min_employes"),
                      ("[stars]\nfive_min = 'lots'\n", "stars.five_min"),
                      ("[nonsense]\n", "nonsense"),
                      ("not toml at all [", "")):
        (tmp_path / "bad.toml").write_text(body, encoding="utf-8")
        result = run("--policy", "bad.toml", "policy", "show")
        assert_refused(result, 2)
        assert key in result.stderr
    assert_refused(run("--policy", "missing.toml", "policy", "show"), 2)


def test_database_file_is_private(team, isolated):
    if not isolated.is_sqlite:
        pytest.skip("file permissions are a SQLite matter; a server has roles")
    assert isolated.path.stat().st_mode & 0o777 == 0o600
