"""Only ``db.py`` touches a database connection; the services that moved their SQL to their
slice's ``queries.py`` (issue 23) hold none again."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import yulin_cli

pytestmark = pytest.mark.once  # reads the source

SOURCE = Path(yulin_cli.__file__).parent
# Calls that run SQL through a transaction.
SQL_CALL = re.compile(r"\btx\.(all|one|scalar|run|many|insert|iter|tuples|rows)\(")


def test_no_module_but_db_touches_a_raw_connection():
    found = [f"{path.relative_to(SOURCE)}:{n}: {line.strip()}"
             for path in SOURCE.rglob("*.py") if path.name != "db.py"
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if re.search(r"\btx\.conn\b|\.pgconn\b", line)]
    assert not found, found


@pytest.mark.parametrize("module", ["data/duplicates.py", "data/exporting.py",
                                    "server/service.py"])
def test_these_services_keep_their_sql_in_queries(module):
    text = (SOURCE / module).read_text(encoding="utf-8")
    assert not SQL_CALL.search(text), f"{module} runs SQL itself: move it to its queries.py"
