"""``@frozen`` gives what ``dataclass(frozen=True)`` gives, for less start-up (issue 21):
equality, hashing, ``repr``, ``fields``, ``replace``, ``asdict`` and pickling agree with the
library's on random values; ``compare=False`` and ``repr=False`` fields are left out as the
library leaves them out; ``eq=False`` compares by identity. Frozenness itself is the type
checker's (mypy, in CI), so it is checked here by running mypy on an assignment."""

from __future__ import annotations

import dataclasses
import pickle
import subprocess
import sys
import textwrap
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from yulin_cli.frozen import frozen


@frozen
class Ours:
    name: str
    count: int
    tags: tuple[str, ...] = ()
    note: str | None = field(default=None, compare=False)
    secret: str = field(default="", repr=False)


@dataclass(frozen=True, slots=True)
class Theirs:
    name: str
    count: int
    tags: tuple[str, ...] = ()
    note: str | None = field(default=None, compare=False)
    secret: str = field(default="", repr=False)


@frozen
class One:
    only: int


@dataclass(frozen=True, slots=True)
class OneTheirs:
    only: int


@frozen
class Empty:
    pass


@frozen(eq=False, slots=False)
class ByIdentity:
    value: int


values = st.tuples(st.text(max_size=5), st.integers(-3, 3),
                   st.lists(st.sampled_from("ab"), max_size=2).map(tuple),
                   st.none() | st.text(max_size=2), st.text(max_size=2))


def both(v: tuple[Any, ...]) -> tuple[Ours, Theirs]:
    return Ours(*v), Theirs(*v)


@given(values, values)
def test_equality_and_hashing_agree_with_dataclasses(a: tuple[Any, ...],
                                                    b: tuple[Any, ...]) -> None:
    ours_a, theirs_a = both(a)
    ours_b, theirs_b = both(b)
    assert (ours_a == ours_b) == (theirs_a == theirs_b)
    assert (ours_a != ours_b) == (theirs_a != theirs_b)
    if ours_a == ours_b:
        assert hash(ours_a) == hash(ours_b)
    assert ours_a == Ours(*a) and hash(ours_a) == hash(Ours(*a))
    assert ours_a != theirs_a  # another class is never equal, as in dataclasses
    assert One(a[1]) == One(a[1]) and (One(a[1]) == One(b[1])) == (a[1] == b[1])
    assert (One(a[1]) == One(b[1])) == (OneTheirs(a[1]) == OneTheirs(b[1]))


@given(values)
def test_repr_fields_replace_asdict_and_pickle_agree(v: tuple[Any, ...]) -> None:
    ours, theirs = both(v)
    assert repr(ours) == repr(theirs).replace("Theirs(", "Ours(", 1)
    assert [f.name for f in dataclasses.fields(ours)] == [f.name for f in
                                                          dataclasses.fields(theirs)]
    assert dataclasses.asdict(ours) == dataclasses.asdict(theirs)
    assert dataclasses.replace(ours, count=9) == Ours(v[0], 9, *v[2:])
    assert pickle.loads(pickle.dumps(ours)) == ours
    assert ours.__match_args__ == theirs.__match_args__
    assert not hasattr(ours, "__dict__")  # slotted


def test_a_class_without_fields_and_identity_equality() -> None:
    assert Empty() == Empty() and hash(Empty()) == hash(Empty()) and repr(Empty()) == "Empty()"
    first, second = ByIdentity(1), ByIdentity(1)
    assert first == first and first != second
    assert len({first, second}) == 2
    assert hasattr(first, "__dict__")  # slots=False: a cached_property has somewhere to live


@frozen
class OwnMethods:
    secret: str

    def __repr__(self) -> str:
        return "OwnMethods(***)"

    def __eq__(self, other: object) -> bool:
        return True

    __hash__ = object.__hash__


@frozen
class OwnEq:
    value: int

    def __eq__(self, other: object) -> bool:
        return isinstance(other, OwnEq)


def test_a_method_the_class_writes_is_kept() -> None:
    """As dataclasses keeps them: a repr that hides a secret stays hidden."""
    assert repr(OwnMethods("s3cret")) == "OwnMethods(***)"
    assert OwnMethods("a") == OwnMethods("b")
    first = OwnMethods("a")
    assert hash(first) == object.__hash__(first)
    # __eq__ alone: the class is still hashable by value, as a frozen dataclass is.
    assert OwnEq(1) == OwnEq(2) and hash(OwnEq(1)) == hash((1,))


def test_a_recursive_value_repr_does_not_loop() -> None:
    holder = Ours("x", 1, tags=())
    nested = Ours("y", 2, tags=(holder,))  # type: ignore[arg-type]
    assert repr(nested) == "Ours(name='y', count=2, tags=(Ours(name='x', count=1, tags=(),"\
        " note=None),), note=None)"


def test_the_type_checker_refuses_an_assignment(tmp_path: Path) -> None:
    probe = tmp_path / "probe.py"
    probe.write_text(textwrap.dedent("""
        from yulin_cli.frozen import frozen
        from yulin_cli.rules import Reason

        @frozen
        class Point:
            x: int

        Point(1).x = 2
        Reason("standard", True, "x").ok = False
    """))
    done = subprocess.run([sys.executable, "-m", "mypy", "--no-incremental", str(probe)],
                          capture_output=True, text=True, check=False)
    assert done.stdout.count("is read-only") == 2, done.stdout
