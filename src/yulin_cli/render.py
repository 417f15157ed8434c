"""Rich views built from plain data (the same data the JSON output carries). Never queries."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from rich import box
from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from yulin_cli.i18n import explain, t
from yulin_cli.rules import phone_display

OK, NO = "✓", "✗"


def console(stderr: bool = False) -> Console:
    return Console(stderr=stderr, highlight=False, soft_wrap=False)


def _table(*headers: str, title: str | None = None) -> Table:
    table = Table(title=title, box=box.SIMPLE_HEAD, title_justify="left", pad_edge=False,
                  expand=False)
    for header in headers:
        table.add_column(header, overflow="fold")
    return table


def stars_text(stars: int) -> Text:
    return Text("★" * stars + "☆" * (5 - stars), style="yellow" if stars else "dim")


def quota_bar(found: int, per_day: int, width: int = 5) -> Text:
    """A small bar of quota progress: filled cells out of ``per_day`` (at most ``width``)."""
    cells = max(1, min(per_day, width))
    filled = cells if per_day == 0 else min(cells, round(cells * found / per_day))
    done = per_day == 0 or found >= per_day
    return Text("▮" * filled + "▯" * (cells - filled), style="green" if done else "red")


def checks_table(checks: Sequence[Any]) -> Table:
    table = _table("", t("ui.check"), t("ui.why"), t("ui.next"))
    table.columns[0].width = 1
    table.columns[1].no_wrap = True
    for check in checks:
        mark = Text(OK, style="green") if check.ok else Text(NO, style="bold red")
        table.add_row(mark, check.rule, explain(check), t(check.fix) if check.fix else "")
    return table


def readiness_view(prospect: dict, readiness: Any) -> Group:
    head = Text(f"#{prospect['id']} {prospect['company']}: ", style="bold")
    head.append(t("ui.ready") if readiness.ready else t("ui.not_ready"),
                style="bold green" if readiness.ready else "bold red")
    return Group(head, checks_table(readiness.checks))


def rating_view(prospect: dict, rating: Any) -> Group:
    parts: list[Any] = [Text.assemble((f"#{prospect['id']} {prospect['company']}  ", "bold"),
                                      stars_text(rating.stars))]
    parts += [Text(f"  · {explain(r)}") for r in rating.reasons]
    if rating.lift:
        parts.append(Text(t("ui.lift"), style="bold"))
        parts += [Text(f"  ↑ {explain(r)}") for r in rating.lift]
    if rating.next_actions:
        parts.append(Text(t("ui.next_actions"), style="bold"))
        parts += [Text(f"  → {explain(r)}") for r in rating.next_actions]
    return Group(*parts)


def ranking_table(rated: Iterable[tuple[dict, Any]], title: str | None = None) -> Table:
    table = _table(t("ui.id"), t("ui.company"), t("ui.stars"), t("ui.source"), t("ui.found_on"),
                   title=title)
    dropped = False
    for row, rating in rated:
        stars = stars_text(rating.stars)
        if not rating.worth_following:
            stars.append(f" {NO}", style="bold red")
            dropped = True
        table.add_row(str(row["id"]), row["company"], stars, row["sourced_by"], row["found_on"])
    if dropped:
        table.caption = f"{NO} {t('act.drop_impure')} (Q18)"
        table.caption_justify = "left"
    return table


def prospects_table(rows: Iterable[dict]) -> Table:
    table = _table(t("ui.id"), t("ui.company"), t("ui.city"), t("ui.source"), t("ui.found_on"),
                   t("ui.stars"), t("ui.duplicate_of"))
    for row in rows:
        table.add_row(str(row["id"]), row["company"], row["city"], row["sourced_by"],
                      row["found_on"], stars_text(row["stars"]),
                      f"#{row['duplicate_of']}" if row["duplicate_of"] else "")
    return table


def staff_table(rows: Iterable[dict]) -> Table:
    table = _table(t("ui.name"), t("ui.center"), t("ui.roles"), t("ui.industries"))
    for row in rows:
        table.add_row(row["name"], row["center"], ", ".join(row["roles"]),
                      ", ".join(row["industries"]))
    return table


def daily_report_view(report: dict) -> Group:
    quota = report["quota"]
    title = Text(t("ui.daily_report", date=report["date"]), style="bold")
    if report.get("center"):
        title.append(f"  {report['center']}")
    quota_line = Text(t("ui.quota_active", per_day=quota["per_day"]) if quota["active"]
                      else t("ui.quota_off"), style="dim")
    people = _table(t("ui.name"), t("ui.roles"), t("ui.quality"), t("ui.rounds"),
                    t("ui.visits"), t("ui.effective"), t("ui.points_today"),
                    t("ui.points_total"))
    for col in people.columns[3:]:
        col.justify = "right"
    for p in report["people"]:
        quality = Text(f"{p['quality_found']} ")
        if p["quota_met"] is not None:
            quality = Text(f"{p['quality_found']}/{quota['per_day']} ")
            quality.append_text(quota_bar(p["quality_found"], quota["per_day"]))
        roles = "".join(r[0].upper() for r in p["roles"])  # P V M: keeps the table narrow
        people.add_row(p["name"], roles, quality, str(p["verifications"]), str(p["visits"]),
                       str(p["effective_visits"]), f"{p['points_today']:+d}",
                       str(p["points_total"]))
    parts: list[Any] = [title, quota_line, people]
    board = notices_table(report["notices"])
    parts.append(board if report["notices"] else Text(f"{t('ui.notices')}: {t('ui.none')}"))
    if report["attention"]:
        lines = [Text(f"• {a['message']}") for a in report["attention"]]
        parts.append(Panel(Group(*lines), title=t("ui.attention"), title_align="left",
                           border_style="yellow", expand=False))
    else:
        parts.append(Text(f"{t('ui.attention')}: {t('ui.none')}"))
    return Group(*parts)


def prospect_view(data: dict, readiness: Any, rating: Any) -> Group:
    p = data["prospect"]
    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="dim")
    facts.add_column(overflow="fold")
    shown = ("city", "district", "address", "industry", "ownership", "employees", "pcs",
             "contact_surname", "landline", "mobile", "email", "qq", "found_on", "deal_value",
             "need", "yulin_interest", "sourced_by", "duplicate_of", "partner")
    for key in shown:
        if p.get(key) not in (None, ""):
            value = phone_display(p[key]) if key in ("landline", "mobile") else str(p[key])
            facts.add_row(key, value)
    flags = [k for k in ("suburban", "platform_interest", "has_oa", "erp_need", "in_selection",
                         "existing_customer") if p.get(k)]
    if flags:
        facts.add_row("flags", ", ".join(flags))
    parts: list[Any] = [Panel(facts, title=f"#{p['id']} {p['company']}", title_align="left",
                              expand=False)]
    if data["rounds"]:
        rounds = _table("#", t("ui.by"), t("ui.pretext"), t("ui.result"), t("ui.date"),
                        title=t("ui.rounds_title"))
        for r in data["rounds"]:
            rounds.add_row(str(r["round"]), r["by"], r["pretext"], r["result"], r["date"])
        parts.append(rounds)
    if data["visits"]:
        visits = _table("#", t("ui.date"), t("ui.by"), t("ui.kind"), t("ui.outcome"),
                        t("ui.effective"), t("ui.flags"), title=t("ui.visits_title"))
        for v in data["visits"]:
            visits.add_row(str(v["id"]), v["date"], v["by"], v["kind"], v["outcome"],
                           OK if v["effective"] else NO, v["flags"])
        parts.append(visits)
    parts.append(Text(t("ui.readiness"), style="bold"))
    parts.append(readiness_view(p, readiness))
    parts.append(Text(t("ui.rating"), style="bold"))
    parts.append(rating_view(p, rating))
    if data.get("advice"):
        parts.append(advice_table(data["advice"]))
    return Group(*parts)


def notices_table(rows: Iterable[dict]) -> Table:
    table = _table(t("ui.date"), t("ui.name"), t("ui.kind"), t("ui.delta"), t("ui.rule"),
                   t("ui.prospect"), title=t("ui.notices"))
    for col in table.columns[:-1]:
        col.no_wrap = True
    table.columns[-1].overflow = "ellipsis"
    table.columns[-1].no_wrap = True
    table.columns[-1].max_width = 22
    for n in rows:
        style = "green" if n["kind"] == "praise" else "red"
        table.add_row(n["date"], n["staff"], Text(t(f"notice.{n['kind']}"), style=style),
                      f"{n['delta']:+d}", n["rule"], f"#{n['prospect_id']} {n['company'] or ''}")
    return table


def totals_table(rows: Iterable[dict]) -> Table:
    table = _table(t("ui.name"), t("ui.center"), t("ui.entries"), t("ui.points_total"),
                   title=t("ui.points_title"))
    for r in rows:
        table.add_row(r["staff"], r["center"], str(r["entries"]), str(r["total"]))
    return table


def ledger_table(doc: dict) -> Table:
    table = _table(t("ui.date"), t("ui.delta"), t("ui.rule"), t("ui.prospect"), t("ui.reason"),
                   t("ui.balance"), title=f"{doc['staff']}: {doc['total']}")
    for e in doc["entries"]:
        why = e["reason"] or ""
        if e["by"]:
            why = f"{why} ({e['by']})"
        table.add_row(e["date"], f"{e['delta']:+d}", e["rule"],
                      f"#{e['prospect_id']}" if e["prospect_id"] else "", why, str(e["balance"]))
    return table


def manager_view(doc: dict) -> Group:
    parts: list[Any] = []
    if doc["take_now"]:
        table = _table(t("ui.id"), t("ui.company"), t("ui.stars"), t("ui.deal_value"),
                       title=t("ui.take_now"))
        actions: list[str] = []
        for item in doc["take_now"]:
            table.add_row(str(item["prospect_id"]), item["company"], stars_text(item["stars"]),
                          f"{item['deal_value'] or 0:,}")
            actions += [a for a in item["next_actions"] if a not in actions]
        parts.append(table)
        parts.append(Text(t("ui.next_actions"), style="bold"))
        parts += [Text(f"  → {a}") for a in actions]
    elif doc["upgrade_visits"]:
        parts.append(Text(t("ui.upgrade_visits"), style="bold"))
        for item in doc["upgrade_visits"]:
            parts.append(Text(f"#{item['prospect_id']} {item['company']} ({item['pcs']} PCs)"))
            parts += [Text(f"  → {task}") for task in item["tasks"]]
    else:
        parts.append(Text(t("ui.nothing_for_managers")))
    return Group(*parts)


def trips_view(doc: dict) -> Group:
    table = _table(t("ui.district"), t("ui.date"), t("ui.prospect"), title=t("ui.trips"))
    for trip in doc["trips"]:
        for day in trip["days"]:
            table.add_row(trip["district"], day["date"],
                          ", ".join(f"#{i}" for i in day["prospect_ids"]))
    parts: list[Any] = [table]
    if doc["not_ready"]:
        ids = ", ".join(f"#{i}" for i in doc["not_ready"])
        parts.append(Text(t("ui.not_ready_list", ids=ids), style="dim"))
    return Group(*parts)


def partners_table(rows: Iterable[dict]) -> Table:
    table = _table(t("ui.id"), t("ui.company"), t("ui.partner"), t("ui.share"), t("ui.rounds"),
                   t("ui.visits"), t("ui.flagged"))
    for r in rows:
        flag = Text("!", style="bold red") if r["flagged"] else Text("")
        table.add_row(str(r["prospect_id"]), r["company"], r["partner"],
                      f"{r['vendor_share'] or 0:,}", str(r["rounds"]), str(r["visits"]), flag)
    return table


def industries_table(rows: Iterable[dict]) -> Table:
    table = _table(t("ui.industries"), t("ui.prospects"), t("ui.owners"))
    for r in rows:
        table.add_row(r["industry"], str(r["prospects"]), "、".join(r["owners"]) or "-")
    return table


def advice_table(items: Iterable[dict]) -> Table:
    table = _table(t("ui.clause"), t("ui.rule"), t("ui.advice"))
    table.columns[0].no_wrap = True
    for item in items:
        table.add_row(item["clause"], item["rule"], item["message"])
    return table


def advice_view(doc: dict) -> Table:
    return advice_table(doc["advice"])


def playbook_view(topics: Iterable[dict]) -> Group:
    parts: list[Any] = []
    for topic in topics:
        parts.append(Panel(Text(topic["text"] + "\n→ " + topic["command"]),
                           title=f"{topic['clause']} {topic['title']}", title_align="left"))
    return Group(*parts)


def import_view(doc: dict) -> Group:
    parts: list[Any] = [Text(t("ui.imported", rows=doc["rows"], imported=doc["imported"])
                             + (" " + t("ui.dry_run") if doc["dry_run"] else ""))]
    if doc["errors"]:
        table = _table(t("ui.row"), t("ui.column"), t("ui.error"))
        for e in doc["errors"][:100]:
            table.add_row(str(e["row"]), e["column"], e["error"])
        parts.append(table)
        if len(doc["errors"]) > 100:
            parts.append(Text(f"… +{len(doc['errors']) - 100}"))
    if doc["duplicates"]:
        dups = ", ".join(f"{d['row']}→#{d['duplicate_of']}" for d in doc["duplicates"][:30])
        parts.append(Text(f"{t('ui.duplicates')}: {dups}"))
    return Group(*parts)


def dedupe_table(groups: list[dict]) -> Table | Text:
    if not groups:
        return Text(t("ui.no_duplicates"))
    table = _table(t("ui.id"), t("ui.company"), t("ui.reasons"), t("ui.confidence"))
    for g in groups:
        table.add_row("\n".join(f"#{i}" for i in g["ids"]), "\n".join(g["companies"]),
                      ", ".join(g["reasons"]), f"{g['confidence']:.0%}")
    return table
