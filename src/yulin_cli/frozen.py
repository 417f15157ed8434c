"""``@frozen``: the project's immutable records, results and verdicts, cheap to define.

``dataclasses.dataclass(frozen=True)`` compiles six methods for each class it makes
(``__init__``, ``__repr__``, ``__eq__``, ``__hash__``, ``__setattr__``, ``__delattr__``), about
0.8 ms a class on this project's machine; a writing command defines 80 or more of them before
it does any work, a third of its start-up (issue 21). ``@frozen`` compiles only ``__init__``:

- the class is frozen for the type checker (``dataclass_transform(frozen_default=True)``, which
  mypy enforces in CI), not by a ``__setattr__`` that checks every assignment at run time; its
  ``__init__`` assigns plainly, which also makes each instance cheaper to build;
- equality, hashing and ``repr`` are dataclasses' own, by value over the fields that take part
  in each (``field(compare=False)``, ``repr=False`` are honoured), written once here for every
  class instead of compiled for each.

``tests/test_frozen.py`` holds each of these equal to what ``dataclass(frozen=True)`` gives.
"""

from __future__ import annotations

import dataclasses
import reprlib
from collections.abc import Callable
from operator import attrgetter
from typing import Any, TypeVar, dataclass_transform, overload

T = TypeVar("T")


def _values(names: tuple[str, ...]) -> Callable[[Any], tuple[Any, ...]]:
    """The values of ``names`` as one tuple, read in C."""
    if len(names) > 1:
        return attrgetter(*names)
    if names:
        one = attrgetter(names[0])
        return lambda record: (one(record),)
    return lambda record: ()


def _eq(self: Any, other: Any) -> Any:
    # As dataclasses: the same class, and equal tuples of the compared fields.
    if other.__class__ is not self.__class__:
        return NotImplemented
    key = self._frozen_key
    return key(self) == key(other)


def _hash(self: Any) -> int:
    return hash(self._frozen_key(self))


@reprlib.recursive_repr()
def _repr(self: Any) -> str:
    shown = self._frozen_shown
    body = ", ".join(f"{n}={getattr(self, n)!r}" for n in shown)
    return f"{self.__class__.__qualname__}({body})"


@overload
def frozen(cls: type[T], /) -> type[T]: ...


@overload
def frozen(*, eq: bool = True, slots: bool = True) -> Callable[[type[T]], type[T]]: ...


@dataclass_transform(frozen_default=True, field_specifiers=(dataclasses.field,
                                                            dataclasses.Field))
def frozen(cls: type[T] | None = None, /, *, eq: bool = True,
           slots: bool = True) -> type[T] | Callable[[type[T]], type[T]]:
    """A dataclass frozen for the type checker, slotted unless ``slots=False`` (a class with a
    ``cached_property`` needs its ``__dict__``), equal by value unless ``eq=False`` (then by
    identity, as ``dataclass(eq=False)``)."""

    def make(cls: type[T]) -> type[T]:
        if "__doc__" not in cls.__dict__ or cls.__doc__ is None:
            # dataclasses would build a docstring from the signature: a tenth of the cost.
            cls.__doc__ = cls.__name__
        # As dataclasses: a method the class writes itself is kept (a __hash__ of None that
        # Python set because the class wrote __eq__ does not count).
        own = dict(cls.__dict__)
        explicit_hash = "__hash__" in own and not (own["__hash__"] is None and "__eq__" in own)
        made = dataclasses.dataclass(cls, eq=False, repr=False, slots=slots)
        fields = dataclasses.fields(made)  # type: ignore[arg-type]
        made._frozen_shown = tuple(f.name for f in fields if f.repr)  # type: ignore[attr-defined]
        if "__repr__" not in own:
            made.__repr__ = _repr  # type: ignore[method-assign]
        if eq:  # eq=False: object's identity equality and hash, as dataclasses leaves them
            made._frozen_key = staticmethod(  # type: ignore[attr-defined]
                _values(tuple(f.name for f in fields if f.compare)))
            if "__eq__" not in own:
                made.__eq__ = _eq  # type: ignore[method-assign]
            if not explicit_hash:
                made.__hash__ = _hash  # type: ignore[method-assign]
        return made

    return make if cls is None else make(cls)
