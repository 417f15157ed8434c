"""Notify: the human view of what became of each message (see ``render.view``)."""

from __future__ import annotations

from rich.console import RenderableType
from rich.text import Text

from yulin_cli import choices
from yulin_cli.i18n import t
from yulin_cli.notify.service import Notified
from yulin_cli.render import Screen, empty, view


@view.register
def _(result: Notified) -> Screen:
    platform = t(f"platform.{result.platform}")
    if not result.messages:
        return Screen((empty("notify.nothing"),))
    title = "notify.dry_run_title" if result.dry_run else "notify.sent_title"
    parts: list[RenderableType | str] = [Text(t(title, platform=platform), style="bold")]
    for m in result.messages:
        style = {"sent": "green", "pending": "red"}.get(m.status, "cyan")
        line = Text(t("notify.part", part=m.part, parts=m.parts,
                      report=choices.word(choices.NotifyReport(m.report)), day=m.day,
                      bytes=m.bytes) + " · ")
        line.append(t(f"notify.status.{m.status}"), style=style)
        if m.error:
            line.append(" " + m.error, style="red")
        parts.append(line)
        if m.payload is not None:
            # The message as the robot gets it (the whole body is in --json): plain text,
            # never Rich markup.
            body = m.payload["markdown"]
            parts.append(body.get("content") or body.get("text") or "")
            parts.append("")
    err: tuple[str, ...] = ()
    if result.waited_seconds:
        parts.append(Text(t("notify.waited", seconds=round(result.waited_seconds),
                            limit=result.limit), style="dim"))
    if result.unsent:
        err = (t("notify.unsent", count=result.unsent),)
    return Screen(tuple(parts), err)
