"""Proof (Q15, Q8): who a company is, by its unified social credit code, and whether a visit
really happened, by its photos.

A credit code names one company for good: the same valid code on two prospects makes them one,
and two different valid codes make them two, whatever their phones and names say. A visit's
photos are judged against the visit and the company: a photo already used for another visit, a
photo whose own date is another day, or one taken too far from the company's recorded location
puts the visit in front of a manager, as does a share of the substandard findings chosen by the
visit's id, so the same records always give the same sample.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterable
from typing import TYPE_CHECKING

from yulin_cli.frozen import frozen
from yulin_cli.rules.reasons import Reason

if TYPE_CHECKING:
    from yulin_cli.policy import Policy

# Flags that ask a manager whether the visit happened as logged (each opens an inspection).
DOUBT_FLAGS = ("photo-reused", "photo-date", "photo-far", "no-photo")
# Flags that put a visit before a manager: the doubts, and the draw of the sample.
INSPECTED_FLAGS = (*DOUBT_FLAGS, "sampled")
# Every flag this rule puts on a visit; an overturned inspection clears them all.
PROOF_FLAGS = (*INSPECTED_FLAGS, "photo-undated")
EARTH_RADIUS_M = 6_371_008.8  # the mean radius (IUGG), in metres


def _proof(ok: bool, code: str, fix: str | None = None, clause: str = "Q15",
           **params: object) -> Reason:
    return Reason(rule="proof", ok=ok, code=code, params=params, fix=fix, clause_=clause)


# --- who the company is (Q8) --------------------------------------------------------------------


def code_evidence(code: str | None, matches: Iterable[tuple[int, str]],
                  codes: dict[int, str], same_code: int | None) -> list[tuple[int, str]]:
    """Q8: the duplicate evidence against a prospect with credit code ``code``.

    ``matches`` are the (id, why) phone and name matches, ``codes`` the credit codes of the
    prospects they name, ``same_code`` the earliest prospect with the same code. The same code
    outweighs everything else; a prospect with a different code is another company, so its
    phone or name match is dropped.
    """
    if not code:
        return list(matches)
    if same_code is not None:
        return [(same_code, "credit_code")]
    return [(pid, why) for pid, why in matches if codes.get(pid) in (None, "", code)]


def codes_conflict(a: str | None, b: str | None) -> bool:
    """Two different valid credit codes: two different companies (Q8)."""
    return bool(a and b and a != b)


# --- where the company is, and where a photo was taken ------------------------------------------


def distance_m(a: tuple[float, float], b: tuple[float, float]) -> float:
    """The great-circle (haversine) distance in metres between two WGS-84 (lat, lng) points."""
    lat1, lng1, lat2, lng2 = map(math.radians, (*a, *b))
    h = (math.sin((lat2 - lat1) / 2) ** 2
         + math.cos(lat1) * math.cos(lat2) * math.sin((lng2 - lng1) / 2) ** 2)
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(h)))


@frozen(slots=False)
class Photo:
    """What a visit's photo tells: its content hash, its own date-time (EXIF, local time) and
    the GPS position it carries, when it has them."""

    sha256: str
    taken_at: str | None = None  # YYYY-MM-DDTHH:MM:SS
    position: tuple[float, float] | None = None


@frozen(slots=False)
class ProofVerdict:
    """The proof flags of one visit, each with its detail (the other visit, the photo's date,
    the distance), and the reasons to show."""

    flags: tuple[tuple[str, str], ...]  # (flag, detail)
    reasons: tuple[Reason, ...]

    @property
    def flag_names(self) -> tuple[str, ...]:
        return tuple(flag for flag, _detail in self.flags)

    @property
    def doubted(self) -> bool:
        """Something suggests the visit did not happen as logged."""
        return any(flag in DOUBT_FLAGS for flag in self.flag_names)

    @property
    def inspected(self) -> bool:
        """A manager must check whether the visit happened as logged (a doubt or the sample)."""
        return any(flag in INSPECTED_FLAGS for flag in self.flag_names)


def photo_proof(photos: Iterable[Photo], *, day: str, location: tuple[float, float] | None,
                reused: dict[str, int], policy: Policy,
                area: tuple[float, float] | None = None,
                visit_id: int | None = None) -> ProofVerdict:
    """Q15: what a visit's photos prove.

    ``reused`` maps a photo's hash to the earliest other visit that used it; ``location`` is
    where the company is recorded, ``area`` the seat of its city (or county town): a photo
    farther than ``proof.max_city_km`` from it was taken in another city, whatever else is
    known. With neither, a photo's place is not checked, and the reasons say so. ``visit_id``
    names the visit in the fix a manager is given (yulin inspect 12). A photo with
    no date is noted (messengers strip EXIF), never held against the visit. With no photo at
    all, a visit is flagged only when the policy requires one.
    """
    shown = list(photos)
    flags: list[tuple[str, str]] = []
    reasons: list[Reason] = []

    def flag(name: str, detail: object, reason: Reason) -> None:
        if name not in (f for f, _d in flags):  # one flag each; its first cause explains it
            flags.append((name, str(detail)))
            reasons.append(reason)

    if not shown:
        if policy.proof.require_photo:
            flag("no-photo", "", _proof(False, "proof.no_photo", "proof.fix_no_photo"))
        return ProofVerdict(tuple(flags), tuple(reasons))
    for photo in shown:
        if photo.sha256 in reused:
            other = reused[photo.sha256]
            flag("photo-reused", other, _proof(False, "proof.photo_reused", "proof.fix_inspect",
                                               visit_id=other, this_visit=visit_id))
        if photo.taken_at is None:
            flag("photo-undated", "", _proof(True, "proof.photo_undated"))
        elif photo.taken_at[:10] != day:
            flag("photo-date", photo.taken_at[:10], _proof(
                False, "proof.photo_date", "proof.fix_inspect", taken=photo.taken_at[:10], day=day,
                this_visit=visit_id))
        if photo.position is None:
            continue
        if location is not None:
            far = round(distance_m(photo.position, location))
            if far > policy.proof.max_distance_m:
                flag("photo-far", far, _proof(False, "proof.photo_far", "proof.fix_inspect",
                                              metres=far, limit=policy.proof.max_distance_m,
                                              this_visit=visit_id))
        if area is not None:
            far = round(distance_m(photo.position, area))
            if far > policy.proof.max_city_km * 1000:
                flag("photo-far", far, _proof(False, "proof.photo_far_city", "proof.fix_inspect",
                                              km=round(far / 1000),
                                              limit=policy.proof.max_city_km,
                                              this_visit=visit_id))
    placed = any(p.position is not None for p in shown)
    if placed and location is None and area is None:
        reasons.append(_proof(True, "proof.place_unchecked"))
    elif not flags:
        reasons.append(_proof(True, "proof.photos_ok" if placed else "proof.photos_day_ok",
                              count=len(shown)))
    return ProofVerdict(tuple(flags), tuple(reasons))


def first_position(photos: Iterable[Photo]) -> tuple[float, float] | None:
    """The GPS position of the first photo that carries one."""
    return next((p.position for p in photos if p.position is not None), None)


def location_from_visit(*, effective: bool, proof: ProofVerdict, photos: Iterable[Photo],
                        recorded: tuple[float, float] | None,
                        area: tuple[float, float] | None = None) -> tuple[float, float] | None:
    """Where the company is, learnt from a visit: the first effective visit whose photo carries
    GPS sets the location when none is recorded; a doubted visit's photo proves nothing, and
    neither does one whose place could not be checked against the city (``area`` unknown)."""
    if recorded is not None or area is None or not effective or proof.doubted:
        return None
    return first_position(photos)


# --- the sample of substandard findings ---------------------------------------------------------


def sample_share(visit_id: int) -> float:
    """Where a visit falls in [0, 100): the first four bytes of the SHA-256 of its id, read as a
    big-endian number, scaled. The same id always lands in the same place."""
    digest = hashlib.sha256(str(visit_id).encode("ascii")).digest()
    return int.from_bytes(digest[:4], "big") * 100 / 2**32


def is_sampled(visit_id: int, percent: float) -> bool:
    """Q15: is this visit in the policy's sample?"""
    return sample_share(visit_id) < percent


def sample_check(*, visit_id: int, outcome: str, kind: str, inspected: bool,
                 policy: Policy) -> ProofVerdict:
    """Q15: a substandard finding (one that cost its finder points) is inspected when its visit
    falls in the sample, even when nothing looks wrong; one already inspected needs no sample."""
    percent = policy.proof.sample_percent
    if outcome != "substandard" or kind == "upgrade" or inspected:
        return ProofVerdict((), ())
    if not is_sampled(visit_id, percent):
        return ProofVerdict((), ())
    return ProofVerdict((("sampled", str(percent)),),
                        (_proof(False, "proof.sampled", "proof.fix_inspect", percent=percent,
                               this_visit=visit_id),))
