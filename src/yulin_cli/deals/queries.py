"""Direct-sales projects and partner deals."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from yulin_cli.db import center_filter, fits_id, now_stamp, rows_for
from yulin_cli.errors import BadInput
from yulin_cli.frozen import frozen
from yulin_cli.records import DirectProject

if TYPE_CHECKING:
    from yulin_cli.db import Tx


@frozen
class PartnerProject:
    """A prospect pursued with a partner, and the effort spent on it so far (Q10)."""

    prospect_id: int
    company: str
    partner: str
    vendor_share: int | None
    rounds: int
    visits: int


def add_direct_project(tx: Tx, values: dict[str, Any]) -> int:
    return tx.insert("direct_sales_project", {**values, "status": "open",
                                              "created_at": now_stamp()})


def direct_project(tx: Tx, project_id: int) -> DirectProject:
    if not fits_id(project_id):
        raise BadInput("not_found.direct_sales", id=project_id)
    row = tx.one("SELECT id, company, city, contact, status FROM direct_sales_project"
                 " WHERE id = :id", id=project_id)
    if row is None:
        raise BadInput("not_found.direct_sales", id=project_id)
    return DirectProject.from_row(row)


def direct_projects(tx: Tx) -> list[DirectProject]:
    return [DirectProject.from_row(r) for r in tx.all(
        "SELECT id, company, city, contact, status FROM direct_sales_project ORDER BY id")]


def direct_projects_for(tx: Tx, keys: list[tuple[str, str]]
                        ) -> dict[tuple[str, str], DirectProject]:
    """``direct_project_for`` of many (name key, city) pairs at once."""
    found: dict[tuple[str, str], DirectProject] = {}
    for row in rows_for(tx, "SELECT id, company, city, contact, status, name_key"
                        " FROM direct_sales_project WHERE name_key IN ({marks}) ORDER BY id",
                        [key for key, _city in keys]):
        found[(row["name_key"], row["city"])] = DirectProject.from_row(row)  # the latest wins
    return found


def settle_direct_project(tx: Tx, project_id: int, status: str) -> None:
    tx.run("UPDATE direct_sales_project SET status = :s WHERE id = :id", s=status, id=project_id)


def partner_projects(tx: Tx, center: str | None) -> list[PartnerProject]:
    params: dict[str, Any] = {}
    where = center_filter(center, params)
    return [PartnerProject(r["id"], r["company"], r["partner"], r["vendor_share"],
                           int(r["rounds"]), int(r["visits"])) for r in tx.all(
        "SELECT p.id, p.company, p.partner, p.vendor_share,"
        " (SELECT COUNT(*) FROM verification_round r WHERE r.prospect_id = p.id"
        "   AND r.voided_at IS NULL) AS rounds,"
        " (SELECT COUNT(*) FROM visit v WHERE v.prospect_id = p.id AND v.voided_at IS NULL)"
        " AS visits"
        " FROM prospect p JOIN staff s ON s.id = p.sourced_by_id"
        " JOIN center c ON c.id = s.center_id"
        f" WHERE p.partner IS NOT NULL AND p.merged_into IS NULL{where} ORDER BY p.id", **params)]


def prospects_named(tx: Tx, name_key: str, city: str) -> list[int]:
    """The prospects of one company (name key and city)."""
    return [r["id"] for r in tx.all("SELECT id FROM prospect WHERE name_key = :k AND city = :c",
                                    k=name_key, c=city)]
