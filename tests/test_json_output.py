"""The JSON writer: the same data as json.dumps, and the same text where no list is long."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from yulin_cli.runtime import LONG_LIST, readable_json

LEAVES = (st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False)
          | st.text(max_size=8))
DOCS = st.recursive(LEAVES, lambda inner: st.lists(inner, max_size=LONG_LIST + 5)
                    | st.dictionaries(st.text(max_size=6), inner, max_size=4), max_leaves=120)


def _longest_list(value) -> int:
    if isinstance(value, dict):
        return max((_longest_list(v) for v in value.values()), default=0)
    if isinstance(value, list):
        return max([len(value), *(_longest_list(v) for v in value)])
    return 0


@given(DOCS)
def test_readable_json_is_json_dumps_with_long_lists_one_item_a_line(doc):
    text = readable_json(doc)
    assert json.loads(text) == doc
    if _longest_list(doc) <= LONG_LIST:
        assert text == json.dumps(doc, ensure_ascii=False, indent=2)


def test_a_long_list_has_one_compact_item_a_line():
    rows = [{"id": i, "tags": ["a", "b"]} for i in range(LONG_LIST + 1)]
    lines = readable_json({"rows": rows}).splitlines()
    assert lines[2] == '    {"id": 0, "tags": ["a", "b"]},'
    assert len(lines) == len(rows) + 4  # { "rows": [ ...rows... ] }


@given(DOCS | st.floats() | st.dates().map(lambda d: {"day": d, "set": {1}}))
def test_the_compact_encoder_is_the_library_s(doc):
    """Long lists go through the C encoder directly (``runtime._COMPACT``): byte for byte what
    ``json.JSONEncoder(ensure_ascii=False, default=str)`` writes, NaN and dates included."""
    from yulin_cli.runtime import _COMPACT

    assert _COMPACT(doc) == json.JSONEncoder(ensure_ascii=False, default=str).encode(doc)
