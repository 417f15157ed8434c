"""The slices, in one declared order: the registry ``app`` builds the command line from,
``helptext`` groups the root's help by, and ``render`` and ``documents`` load views through.

``SLICES`` runs from the bottom up, in the order of a day's work: a slice may import the slices
declared before it, never one declared after it, and no shared layer (``render``, ``runtime``,
``db``, ``rules``, ...) imports any slice (``tests/test_architecture.py``). Each entry names its
package and the commands and groups it adds to the root, in the order the help lists them, so a
run imports the one slice that owns its command. No slice is named anywhere else in shared code:
a shared layer reaches a slice's module only by its name here (``load``).
"""

from __future__ import annotations

import importlib
import importlib.util
from typing import TYPE_CHECKING

from yulin_cli.frozen import frozen

if TYPE_CHECKING:
    from types import ModuleType

    import typer


@frozen
class Slice:
    name: str  # its package: yulin_cli.<name>
    commands: tuple[str, ...] = ()  # the commands and groups it adds to the root, help order
    # What a shared layer asks of the slice without importing it: (hook, "module.function"),
    # run by ``call``. ``derive_again`` (runtime: a read under a --policy file derives the
    # stored outcomes again), ``upgraded`` (db: after a server's schema is upgraded),
    # ``migrated`` (db: after an existing schema moved to a newer revision).
    hooks: tuple[tuple[str, str], ...] = ()

    @property
    def package(self) -> str:
        return f"yulin_cli.{self.name}"

    def module(self, part: str) -> ModuleType | None:
        """The slice's module ``part`` (``commands``, ``views``, ``saved``), or None when it
        has none."""
        name = f"{self.package}.{part}"
        if importlib.util.find_spec(name) is None:
            return None
        return importlib.import_module(name)

    def app(self) -> typer.Typer:
        """The slice's Typer app (its ``commands`` module's ``app``)."""
        module = importlib.import_module(f"{self.package}.commands")
        app: typer.Typer = module.app
        return app


SLICES: tuple[Slice, ...] = (
    # What the rules derive for visits; no command of its own.
    Slice("outcomes", hooks=(("derive_again", "service.reconcile_all"),)),
    Slice("team", ("center", "staff", "points", "adjust-points", "inspect", "industries")),
    Slice("prospects", ("add-prospect", "update-prospect", "list"),
          hooks=(("migrated", "service.judge_likely_pairs_again"),)),
    Slice("visits", ("verify", "check-visit", "plan-visit", "log-visit", "redsea", "route",
                     "agenda")),
    Slice("reports", ("rate", "daily-report", "attention", "summary", "manager", "notices")),
    Slice("notify", ("notify",)),
    Slice("guidance", ("show", "advise", "playbook")),
    Slice("deals", ("direct-sales", "partners")),
    Slice("closing", ("outcome", "calibrate", "find", "todo")),
    Slice("data", ("import", "export", "dedupe", "merge", "unmerge", "distinct")),
    Slice("policies", ("policy",)),
    Slice("corrections", ("void",)),
    Slice("server", ("team",), hooks=(("upgraded", "setup.renew_if_set_up"),)),
    Slice("admin", ("backup", "doctor", "demo", "upgrade", "copy")),
)

NAMES = tuple(s.name for s in SLICES)


def owner(command: str | None) -> Slice | None:
    """The slice that adds ``command`` to the root."""
    return next((s for s in SLICES if command in s.commands), None)


def with_commands() -> tuple[Slice, ...]:
    return tuple(s for s in SLICES if s.commands)


def load(part: str) -> None:
    """Imports every slice's module ``part`` that exists (each registers itself on import:
    views with ``render.view``, saved reports with ``documents.builders.build``)."""
    for entry in SLICES:
        entry.module(part)


def load_for(module: str, part: str) -> bool:
    """Imports the module ``part`` of the slice that holds ``module`` (a result's own slice);
    False when ``module`` is in no slice or that slice has no such module."""
    entry = next((s for s in SLICES if module.startswith(s.package + ".")), None)
    return entry is not None and entry.module(part) is not None


def call(hook: str, *args: object) -> None:
    """Runs every slice's ``hook`` (declared in ``SLICES``), lowest slice first."""
    for entry in SLICES:
        for name, target in entry.hooks:
            if name == hook:
                part, _, function = target.rpartition(".")
                getattr(importlib.import_module(f"{entry.package}.{part}"), function)(*args)
