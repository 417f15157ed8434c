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
    followup = "followup"  # after the survey visit: one of the Q5 occasions, never judged


class Followup(StrEnum):
    """What a follow-up visit was: the occasions of Q5."""

    demo = "demo"
    meal = "meal"
    executives = "executives"
    material = "material"
    reference_visit = "reference-visit"


class DealResult(StrEnum):
    won = "won"
    lost = "lost"


class CalibrateBy(StrEnum):
    prospector = "prospector"
    district = "district"
    industry = "industry"


class InspectionVerdict(StrEnum):
    upheld = "upheld"
    overturned = "overturned"
    proven = "proven"
    unproven = "unproven"


class Question(StrEnum):
    finding = "finding"
    proof = "proof"


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
    rounds = "rounds"
    visits = "visits"
    points = "points"
    notices = "notices"
    report = "report"
    all = "all"  # every table of record, one sheet each: a whole team that imports back


class NotifyReport(StrEnum):
    daily_report = "daily-report"
    attention = "attention"
    summary = "summary"


class NotifyTarget(StrEnum):
    wecom = "wecom"
    dingtalk = "dingtalk"


class ExportFormat(StrEnum):
    csv = "csv"
    xlsx = "xlsx"


class VoidKind(StrEnum):
    round = "round"
    visit = "visit"
    points = "points"
    outcome = "outcome"


# The Chinese words each value may be typed as, the first the one shown; `--pretext 采购` and
# `--pretext buyer` mean the same, and imported spreadsheets use the same words.
WORDS: dict[StrEnum, tuple[str, ...]] = {
    Role.prospector: ("开拓", "开拓人"),
    Role.visitor: ("走访", "走访人"),
    Role.manager: ("分管领导", "领导", "经理"),
    Ownership.private: ("民营", "私营"),
    Ownership.soe: ("国企", "国有"),
    Ownership.foreign: ("外企", "外资"),
    Ownership.joint: ("合资",),
    Ownership.other: ("其他",),
    Need.explicit: ("明确", "明确需求"),
    Need.latent: ("潜在", "潜在需求"),
    Need.none: ("无", "没有"),
    Interest.high: ("很感兴趣", "高", "感兴趣"),
    Interest.flat: ("平淡", "一般"),
    Interest.none: ("无", "没有"),
    Pretext.buyer: ("采购",),
    Pretext.applicant: ("应聘",),
    Pretext.invitation: ("会议邀请", "邀请"),
    Pretext.front_desk: ("前台",),
    Pretext.other: ("其他",),
    RoundResult.confirmed: ("确认", "属实"),
    RoundResult.contradicted: ("不符", "矛盾"),
    Outcome.met: ("见到", "见面"),
    Outcome.refused: ("被拒", "拒绝"),
    Outcome.substandard: ("不达标",),
    VisitKind.planned: ("计划", "计划走访"),
    VisitKind.sweep: ("扫楼",),
    VisitKind.upgrade: ("升级", "升级走访"),
    VisitKind.followup: ("跟进", "跟进走访"),
    Followup.demo: ("演示", "产品演示"),
    Followup.meal: ("宴请", "吃饭", "饭局"),
    Followup.executives: ("见高层", "高层"),
    Followup.material: ("送资料", "资料"),
    Followup.reference_visit: ("参观样板", "参观样板客户", "参观"),
    DealResult.won: ("成交", "赢单"),
    DealResult.lost: ("丢单", "失败"),
    CalibrateBy.prospector: ("开拓人",),
    CalibrateBy.district: ("区县",),
    CalibrateBy.industry: ("行业",),
    InspectionVerdict.upheld: ("维持",),
    InspectionVerdict.overturned: ("推翻",),
    InspectionVerdict.proven: ("属实",),
    InspectionVerdict.unproven: ("不实",),
    Question.finding: ("结论", "发现"),
    Question.proof: ("真实性", "证据"),
    Settlement.cooperate: ("合作",),
    Settlement.we_withdraw: ("我方退出",),
    Settlement.they_withdraw: ("直销退出", "对方退出"),
    ImportKind.prospects: ("客户",),
    ImportKind.rounds: ("复核",),
    ImportKind.visits: ("走访",),
    ExportWhat.prospects: ("客户",),
    ExportWhat.rounds: ("复核",),
    ExportWhat.visits: ("走访",),
    ExportWhat.points: ("积分",),
    ExportWhat.notices: ("通报",),
    ExportWhat.report: ("日报",),
    ExportWhat.all: ("全部", "全队"),
    NotifyReport.daily_report: ("日报", "晚报"),
    NotifyReport.attention: ("待关注", "关注"),
    NotifyReport.summary: ("汇总", "小结"),
    NotifyTarget.wecom: ("企业微信", "企微"),
    NotifyTarget.dingtalk: ("钉钉",),
    ExportFormat.csv: ("CSV",),
    ExportFormat.xlsx: ("XLSX", "Excel"),
    VoidKind.round: ("复核",),
    VoidKind.visit: ("走访",),
    VoidKind.points: ("积分",),
    VoidKind.outcome: ("结果", "成交结果"),
}


def parse(enum: type[StrEnum], text: str) -> StrEnum | None:
    """The value ``text`` names, in English (any case, ``front_desk`` too) or in Chinese."""
    cleaned = text.strip()
    folded = cleaned.lower().replace("_", "-")
    for member in enum:
        if folded == member.value or cleaned in WORDS.get(member, ()):
            return member
    return None


def word(member: StrEnum) -> str:
    """How a value is shown: its first Chinese word in Chinese, its value in English."""
    from yulin_cli.i18n import current_lang

    words = WORDS.get(member)
    return words[0] if words and current_lang() == "zh" else member.value
