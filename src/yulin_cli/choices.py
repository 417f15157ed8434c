"""The values each choice may take, declared once: the input models validate against these
enums and the command line offers them. Plain ``StrEnum`` classes, so the command line builds its
options without importing Pydantic."""

from enum import StrEnum


class Role(StrEnum):
    prospector = "prospector"
    visitor = "visitor"
    manager = "manager"


class Ownership(StrEnum):
    private = "private"
    soe = "soe"
    foreign = "foreign"
    joint = "joint"
    other = "other"


class Need(StrEnum):
    explicit = "explicit"
    latent = "latent"
    none = "none"


class Interest(StrEnum):
    high = "high"
    flat = "flat"
    none = "none"


class Pretext(StrEnum):
    buyer = "buyer"
    applicant = "applicant"
    invitation = "invitation"
    front_desk = "front-desk"
    other = "other"


class RoundResult(StrEnum):
    confirmed = "confirmed"
    contradicted = "contradicted"


class Outcome(StrEnum):
    met = "met"
    refused = "refused"
    substandard = "substandard"


class VisitKind(StrEnum):
    planned = "planned"
    sweep = "sweep"
    upgrade = "upgrade"


class InspectionVerdict(StrEnum):
    upheld = "upheld"
    overturned = "overturned"


class Settlement(StrEnum):
    cooperate = "cooperate"
    we_withdraw = "we-withdraw"
    they_withdraw = "they-withdraw"


class ImportKind(StrEnum):
    prospects = "prospects"
    rounds = "rounds"
    visits = "visits"


class ExportWhat(StrEnum):
    prospects = "prospects"
    visits = "visits"
    points = "points"
    notices = "notices"
    report = "report"


class ExportFormat(StrEnum):
    csv = "csv"
    xlsx = "xlsx"


class VoidKind(StrEnum):
    round = "round"
    visit = "visit"
    points = "points"
