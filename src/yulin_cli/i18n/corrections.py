"""Voiding (`void round|visit|points|outcome`): what a void is of, and why one is refused."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- void.* -----------------------------------------------------------------------------------
    "void.kind_round": ("复核", "round"),
    "void.kind_visit": ("走访", "visit"),
    "void.kind_points": ("积分记录", "points entry"),
    "void.already": ("拒绝：{kind} #{id} 已于 {at} 由 {by} 作废", "refused: {kind} #{id} was "
                     "already voided by {by} at {at}"),
    "void.reversal": ("拒绝：积分记录 #{id} 是作废 #{of} 时的冲销，不能再作废",
                      "refused: points entry #{id} gives back #{of}; it cannot be voided"),
    "void.points_managers": ("拒绝：{name} 不是分管领导，只有分管领导能作废积分记录",
                             "refused: {name} is not a manager; only a manager voids points"),
    "void.not_allowed": ("拒绝：{name} 不能作废：录入人（{recorder}）只能在录入当天作废，"
                         "其他情况需分管领导",
                         "refused: {name} may not void it: its recorder ({recorder}) may on the "
                         "day it was typed in, otherwise only a manager"),
    "void.visit_voided": ("拒绝：走访 #{id} 已作废，无需检查", "refused: visit #{id} was voided; "
                          "there is nothing to inspect"),
    "void.not_written": ("拒绝：服务器没有让这个登录作废 #{id}，什么也没改",
                         "refused: the server did not let this login void #{id}; nothing "
                         "changed"),
    "void.inspected_managers": ("拒绝：这次走访已送检，只有分管领导能作废它（{name} 不是）",
                                "refused: this visit is under inspection; only a manager may "
                                "void it ({name} is not one)"),
    "void.kind_outcome": ("成交结果", "outcome"),
}
