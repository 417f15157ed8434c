"""Deals shared with others: the direct-sales branch (Q11) and partners (Q10)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from yulin_cli.rules.reasons import Reason
from yulin_cli.rules.reasons import reason as _reason

if TYPE_CHECKING:
    from yulin_cli.policy import Policy


def same_person(a: str | None, b: str | None) -> bool:
    """Names match when equal, or when one is the surname the other starts with."""
    if not a or not b:
        return False
    a, b = a.strip(), b.strip()
    return a == b or (len(a) <= 2 and b.startswith(a)) or (len(b) <= 2 and a.startswith(b))


def direct_sales_check(project_contact: str, status: str, our_contact: str | None) -> Reason:
    """Q11: a different contact may be followed by both; the same one must be settled."""
    if status == "we-withdraw":
        return _reason("direct-sales", False, "direct.we_withdrew", "direct.fix_withdrawn")
    if status in ("cooperate", "they-withdraw"):
        return _reason("direct-sales", True, f"direct.{status.replace('-', '_')}")
    if not our_contact:
        return _reason("direct-sales", False, "direct.unknown_contact", "direct.fix_unknown",
                       contact=project_contact)
    if same_person(project_contact, our_contact):
        return _reason("direct-sales", False, "direct.same_contact", "direct.fix_same",
                       contact=project_contact)
    return _reason("direct-sales", True, "direct.other_contact", contact=project_contact)


# --- partners (Q10) ------------------------------------------------------------------------


def partner_effort(rounds: int, visits: int, vendor_share: int | None, policy: Policy) -> Reason:
    """Q10: weigh the effort spent against what the vendor earns from a partner deal."""
    effort = rounds + visits
    params = {"effort": effort, "share": vendor_share or 0}
    small = vendor_share is None or vendor_share < policy.partner.small_share
    if effort >= policy.partner.min_effort and small:
        return _reason("partner", False, "partner.costly", "partner.fix", **params)
    return _reason("partner", True, "partner.ok", **params)
