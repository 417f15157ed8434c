"""The words of the manager's evening (daily report, attention, summary), the visitor's morning
(agenda), corrections (void, unmerge), merge confirmations and saved views."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- the database ----------------------------------------------------------------------
    "db.missing": ("没有数据库：{path}。先用 yulin center add 名称 --city 城市 建一个"
                   "（或用 yulin demo 装入示例团队）",
                   "no database at {path}: create one with `yulin center add NAME --city CITY` "
                   "(or `yulin demo` for the sample team)"),

    # --- voiding ---------------------------------------------------------------------------
    "void.kind_round": ("复核", "round"),
    "void.kind_visit": ("走访", "visit"),
    "void.kind_points": ("积分记录", "points entry"),
    "not_found.round": ("没有编号为 {id} 的复核", "no round with id {id}"),
    "not_found.points_entry": ("没有编号为 {id} 的积分记录", "no points entry with id {id}"),
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
    "ui.voided": ("已作废{kind} #{id}（{by}：{reason}）", "voided {kind} #{id} ({by}: {reason})"),
    "ui.given_back": ("{staff} {delta:+d} 分（冲销积分记录 #{entry}）",
                      "{staff} {delta:+d} points (gives back entry #{entry})"),
    "ui.notices_voided": ("通报上撤回 {count} 条", "{count} notice(s) withdrawn on the board"),
    "ui.inspection_closed": ("待检查项已关闭", "its open inspection is closed"),
    "ui.plan_reopened": ("对应的走访计划重新待办", "its planned visit is open again"),
    "ui.voided_mark": ("已作废", "voided"),
    "notice.voided": ("撤回", "withdrawn"),
}
