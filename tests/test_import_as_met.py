"""An import as a user meets it: Ctrl-C rolls everything back and says so (exit 130), every
error of a row is reported at once, the summary counts errors and rows right, and a dry run
says what it would import."""

from __future__ import annotations

import csv
import json
import os
import signal
import subprocess
import sys
import time

import pytest

from conftest import assert_refused, ok, ok_json, run

HEADER = ["company", "city", "sourced_by", "employees", "pcs", "landline", "email",
          "found_on", "deal_value"]
# Runs yulin as its console script does, with every file taken as big (validated by workers).
PARALLEL = ("import sys\n"
            "from yulin_cli.data import importing\n"
            "importing.PARALLEL_FROM = 0\n"
            "sys.argv = ['yulin', *sys.argv[1:]]\n"
            "from yulin_cli.app import main\n"
            "main()\n")


def write(path, rows):
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        writer.writerows(rows)
    return path


def good_rows(count, start=0):
    return [[f"苏州中断测试{i:05d}号公司", "苏州", "李娜", 150, 40, f"0512-6{i:07d}",
             f"it{i}@zhongduan.cn", "2026-10-15", "15万"] for i in range(start, start + count)]


def interrupt(command, tmp_path, group: bool) -> subprocess.CompletedProcess[str]:
    """Runs an import until it has written its first batch (the test hook pauses it there),
    then presses Ctrl-C: SIGINT to the process, or to its whole group as a terminal does."""
    marker = tmp_path / f"paused-{len(list(tmp_path.glob('paused-*')))}"
    env = {**os.environ, "YULIN_TEST_PAUSE": "import-batch", "YULIN_TEST_PAUSE_FILE": str(marker)}
    proc = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, start_new_session=True)
    deadline = time.monotonic() + 300
    while not marker.exists():
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, "the import never reached its pause point"
        time.sleep(0.02)
    if group:
        os.killpg(proc.pid, signal.SIGINT)
    else:
        proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=300)
    return subprocess.CompletedProcess(command, proc.returncode, out, err)


def test_ctrl_c_writes_nothing_and_says_so(team, isolated, tmp_path):
    path = write(tmp_path / "big.csv", good_rows(2100))  # more than one batch of 2000
    before = isolated.counts()
    done = interrupt([sys.executable, "-m", "yulin_cli", "import", str(path)], tmp_path,
                     group=False)
    assert done.returncode == 130, done.stderr
    assert done.stderr == "interrupted: nothing imported\n"
    assert isolated.counts() == before
    done = interrupt([sys.executable, "-m", "yulin_cli", "--lang", "zh", "import", str(path),
                      "--json"], tmp_path, group=False)
    assert done.returncode == 130 and done.stderr == "已中断：什么都没有导入\n"
    assert json.loads(done.stdout)["error"] == {
        "code": "import.interrupted", "message": "已中断：什么都没有导入", "exit_code": 130}
    assert isolated.counts() == before


def prospect_indexes(isolated):
    """The prospect table's indexes, each with its definition."""
    if isolated.is_sqlite:
        return isolated.query("SELECT name, sql FROM sqlite_master WHERE type = 'index'"
                              " AND tbl_name = 'prospect' ORDER BY name")
    return isolated.query("SELECT indexname, indexdef FROM pg_indexes"
                          " WHERE tablename = 'prospect' ORDER BY indexname")


@pytest.mark.slow
def test_ctrl_c_reaches_the_workers_without_a_word(team, isolated, tmp_path):
    path = write(tmp_path / "big.csv", good_rows(12_000))
    before, indexes = isolated.counts(), prospect_indexes(isolated)
    done = interrupt([sys.executable, "-c", PARALLEL, "import", str(path)], tmp_path,
                     group=True)
    assert done.returncode == 130, done.stderr
    assert done.stderr == "interrupted: nothing imported\n"  # no worker's traceback
    assert isolated.counts() == before
    # A big file into a small SQLite table builds the table's indexes after its rows: stopped
    # half-way, the rollback brings back every index as it was.
    assert prospect_indexes(isolated) == indexes and len(indexes) >= 10


def test_a_big_import_keeps_every_index_and_uses_them(team, isolated, tmp_path):
    """The indexes a big import builds after its rows are the schema's own, and the rows just
    written are found through them (a phone, a name) and judged as likely duplicates."""
    indexes = prospect_indexes(isolated)
    rows = [[*row[:6], f"it@d{i}.cn", *row[7:]] for i, row in enumerate(good_rows(300))]
    rows[299][0] = "苏州中断测试00298号公可"  # a slip in the legal form of the row before's
    rows[299][6] = "li@d298.cn"  # and the same company's mail
    rows[100][6] = "wang@d298.cn"  # a third holder of that domain, two characters apart
    done = subprocess.run([sys.executable, "-c", PARALLEL, "import", str(write(
        tmp_path / "big.csv", rows)), "--json"], capture_output=True, text=True,
        env={**os.environ, "YULIN_LANG": "en"}, check=False)
    assert done.returncode == 0, done.stderr
    doc = json.loads(done.stdout)
    assert doc["imported"] == 300
    assert [(d["row"], d["earlier_row"], d["reasons"]) for d in doc["possible_duplicates"]] == [
        (301, 300, ["similar-name", "mail-domain"])]
    assert prospect_indexes(isolated) == indexes and len(indexes) >= 10
    earlier = doc["possible_duplicates"][0]["id"]  # the file's row 300
    refused = run("add-prospect", "--company", "苏州另一家公司", "--city", "苏州",
                  "--sourced-by", "李娜", "--landline", "0512-60000298", "--json")
    assert (refused.exit_code, refused.json["error"]["code"], refused.json["id"]) == (
        1, "refuse.duplicate", earlier)


def test_every_error_of_a_row_is_reported_at_once(team, isolated, tmp_path):
    rows = [*good_rows(2),
            ["苏州四错公司", "苏州", "无名氏", "many", "-1", "0512-1", "not-an-email",
             "2026-10-15", "lots"]]
    path = write(tmp_path / "bad.csv", rows)
    before = isolated.counts()
    result = run("import", str(path), "--json")
    assert_refused(result, 2)
    doc = result.json
    found = sorted(e["column"] for e in doc["errors"] if e["row"] == 4)
    assert found == ["deal_value", "email", "employees", "landline", "pcs", "sourced_by"]
    assert "no staff member" in next(e["error"] for e in doc["errors"]
                                     if e["column"] == "sourced_by")
    assert result.stderr.strip() == ("Error: 6 error(s) in 1 of 3 rows: nothing was imported; "
                                     "--skip-invalid imports the valid rows")
    assert isolated.counts() == before
    # Errors in two rows of three are counted as such.
    rows.append(["", "苏州", "李娜", 150, 40, "", "", "2026-10-15", ""])
    result = run("import", str(write(tmp_path / "bad2.csv", rows)), "--json")
    assert_refused(result, 2)
    doc = result.json
    assert doc["error"]["code"] == "import.invalid_rows"
    assert (len(doc["errors"]), len({e["row"] for e in doc["errors"]})) == (7, 2)
    doc = ok_json("import", str(path), "--skip-invalid")
    assert (doc["imported"], doc["would_import"]) == (2, 2)


def test_a_dry_run_says_what_it_would_import(team, isolated, tmp_path):
    path = write(tmp_path / "ok.csv", good_rows(3))
    before = isolated.counts()
    out = ok("import", str(path), "--dry-run").stdout
    assert "3 rows; would import 3 (dry run: nothing written)" in out
    assert "imported" not in out
    zh = ok("--lang", "zh", "import", str(path), "--dry-run").stdout
    assert "共 3 行，将导入 3 行（试运行，什么都没有写入）" in zh
    assert isolated.counts() == before
    assert "3 rows, 3 imported" in ok("import", str(path)).stdout


def test_a_duplicate_of_an_earlier_row_names_that_row(team, isolated, tmp_path):
    """A row that repeats an earlier row of the same file points at that row: the prospect
    it would duplicate does not exist yet (and never will, the import being refused)."""
    first = ok_json("add-prospect", "--company", "苏州已有公司", "--city", "苏州",
                    "--sourced-by", "李娜", "--landline", "0512-69990000")["id"]
    rows = good_rows(2)
    rows.append([rows[0][0], "苏州", "李娜", 150, 40, "0512-68880000", "", "2026-10-15", ""])
    rows.append(["苏州另一家公司", "苏州", "李娜", 150, 40, "0512-69990000", "", "2026-10-15", ""])
    path = write(tmp_path / "dup.csv", rows)
    before = isolated.counts()
    result = run("import", str(path), "--dry-run", "--json")
    assert result.exit_code == 1
    assert result.json["duplicates"] == [
        {"row": 4, "duplicate_of": first + 1, "duplicate_of_row": 2},
        {"row": 5, "duplicate_of": first}]
    human = run("import", str(path), "--dry-run")
    assert "4→row 2, 5→#" in human.stdout
    assert "duplicate existing prospects or earlier rows of the file" in human.stderr
    zh = run("--lang", "zh", "import", str(path), "--dry-run")
    assert "4→第 2 行、5→#" in zh.stdout
    assert isolated.counts() == before


def test_a_long_list_of_duplicates_breaks_between_entries(team, tmp_path):
    """At 80 columns in Chinese, a row never parts from the prospect it duplicates."""
    rows = [[f"苏州重复测试{i:02d}号公司", "苏州", "李娜", 150, 40, f"0512-6{i:07d}", "",
             "2026-10-15", ""] for i in range(30)]
    rows += [[f"苏州重复测试{i:02d}号公司", "苏州", "李娜", 150, 40, "", "", "2026-10-15", ""]
             for i in range(30)]
    out = run("--lang", "zh", "import", str(write(tmp_path / "dup.csv", rows)),
              "--dry-run").stdout
    lines = [line.strip() for line in out.splitlines()]
    assert len(lines) > 3 and all(len(line) <= 80 for line in out.splitlines())
    body = [line for line in lines if "→" in line]
    assert all(not line.endswith(("→", "第")) and not line.startswith(("#", "行", "第"))
               for line in body), body
