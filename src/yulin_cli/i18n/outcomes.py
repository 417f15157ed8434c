"""One policy for the team, facts with history, outcomes that re-derive, and what-if."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- the team's policy, in versions -------------------------------------------------------
    "policy.file_differs": (
        "规则文件 {path} 与团队正在执行的规则不同：记录不能按个人的文件来算。"
        "要改团队的规则，请分管领导运行 yulin policy set {path} --from 日期 --by 姓名；"
        "只想看看效果，请用 yulin policy simulate {path}",
        "the policy file {path} differs from the team's policy in force: records are not judged "
        "by a personal file. To change the team's policy a manager runs "
        "yulin policy set {path} --from DATE --by NAME; to see what it would change, "
        "yulin policy simulate {path}"),
    "policy.what_if": ("假设：以下按规则文件 {path} 计算，不是团队正在执行的规则",
                       "what-if: computed under the policy file {path}, not the team's policy "
                       "in force"),
    "policy.version_line": ("{at} 执行的规则：自 {first} 起的版本，{by} 于 {set_at} 设定",
                            "the policy judging {at}: the version from {first}, set by {by} on "
                            "{set_at}"),
    "policy.from_start": ("最初", "the start"),
    "policy.first_day": ("起始日", "from"),
    "policy.set_at": ("设定日期", "set on"),
    "policy.changed": ("改了什么", "what changed"),
    "policy.defaults": ("默认规则", "the defaults"),
    "policy.history_title": ("团队规则的各个版本", "versions of the team's policy"),
    "policy.set_line": ("团队规则的新版本：自 {first} 起执行（{by} 设定）",
                        "a new version of the team's policy, in force from {first} (set by {by})"),
    "policy.no_change": ("（与之前的版本相同）", "(the same as the version before it)"),
    "policy.rejudged": ("按新规则重新判定了起始日以来的记录，{count} 处变化：",
                        "the records since its first day were judged again: {count} "
                        "{count|change|changes}:"),
    "policy.rejudged_none": ("按新规则重新判定了起始日以来的记录，结果没有变化",
                             "the records since its first day were judged again: nothing "
                             "changed"),
    "policy.needs_retroactive": (
        "拒绝：{date} 及以后已有 {count} 条记录；从过去某天起改规则，要加 --retroactive，"
        "这些记录会按新规则重新判定",
        "refused: {count} {count|record is|records are} already dated {date} or later; a "
        "version starting then needs --retroactive, which judges them again under it"),
    "refuse.policy_managers": ("拒绝：{name} 不是分管领导，只有分管领导能改团队的规则",
                               "refused: {name} is not a manager; only managers set the "
                               "team's policy"),
    "refuse.settle_managers": ("拒绝：{name} 不是分管领导，只有分管领导能处理与直销的冲突",
                               "refused: {name} is not a manager; only managers settle a "
                               "direct-sales project"),
    # --- facts with history -------------------------------------------------------------------
    "empty.history": ("这个客户的资料还没有改动过", "its facts have not changed since it was "
                      "added"),
    "ui.history_title": ("资料改动记录", "changes of its facts"),
    "ui.field": ("项目", "fact"),
    "ui.old": ("原来", "was"),
    "ui.new": ("改为", "now"),
    "ui.by_visit": ("{by}（走访 #{visit}）", "{by} (visit #{visit})"),
    "ui.yes": ("是", "yes"),
    "ui.no": ("否", "no"),
    # --- red-sea signals, dated ---------------------------------------------------------------
    "signal.competitor-features": ("总问我们能否做到友商的功能", "keeps asking whether we match a "
                                   "competitor"),
    "signal.stale-project": ("项目早已启动，却从没找过我们", "started long ago and never called us"),
    "signal.excluded-us": ("知道我们，却没让我们参加选型", "knows us but left us out"),
    "signal.cold": ("始终冷淡：电话不接、不见面、不吃饭", "stays cold: no answer, meeting or meal"),
    "ui.signals_recorded": ("现有的信号：", "signals now recorded:"),
    "ui.signal_seen": ("{date}，{by} 看到", "seen {date} by {by}"),
    "ui.signals_already": ("已记录过、仍然有效，未重复记录：{signals}",
                           "already recorded and standing, not recorded twice: {signals}"),
    "ui.signals_cleared": ("撤回了 {count} 个信号（记录仍在）", "withdrew {count} "
                           "{count|signal|signals} (they stay on record)"),
    # --- inspections: one question each -------------------------------------------------------
    "inspect.wrong_word": (
        "走访 #{id} 待回答的是{question}，“{verdict}”回答不了；可用：{words}",
        "visit #{id} has {question} open, which “{verdict}” does not answer; use one of: "
        "{words}"),
    "question.finding": ("“不达标结论是否成立”", "the question whether its finding holds"),
    "question.proof": ("“走访是否属实”", "the question whether it happened as recorded"),
    "question.both": ("两个问题（结论是否成立、走访是否属实）",
                      "two questions (whether the finding holds, whether it happened)"),
    "verdict.upheld_word": ("维持", "upheld"),
    "verdict.overturned_word": ("推翻", "overturned"),
    "verdict.proven_word": ("属实", "proven"),
    "verdict.unproven_word": ("不实", "unproven"),
    "refuse.nothing_to_inspect": ("拒绝：走访 #{id} 没有待检查的问题",
                                  "refused: visit #{id} has no open question to answer"),
    "void.inspected_managers": ("拒绝：这次走访已送检，只有分管领导能作废它（{name} 不是）",
                                "refused: this visit is under inspection; only a manager may "
                                "void it ({name} is not one)"),
    # --- sweeps -------------------------------------------------------------------------------
    "visit.sweep_not_quality": ("扫楼遇到的不是优质客户，不加分",
                                "the sweep did not find a quality customer: no points"),
    "visit.sweep_not_first": ("这家公司当天已由走访 #{visit_id} 扫楼加过分，不再加分",
                              "this company's sweep praise for the day already went to visit "
                              "#{visit_id}"),
    # --- what is kept against what the rules derive -------------------------------------------
    "check.outcomes_count": ("{count} 处存储结果与规则重新推导的不一致",
                       "{count} stored {count|outcome differs|outcomes differ} from what the "
                       "rules derive again"),
    "check.outcomes": ("结果核对", "outcomes"),
    "ui.recomputing": ("正在按规则重新推导", "deriving every outcome again"),
    "diff.line": ("{record}（{what}）：存的是 {stored}，按规则应为 {derived}",
                  "{record} ({what}): stored {stored}, the rules derive {derived}"),
    "diff.none": ("无", "none"),
    "diff.changed": ("{record}（{what}）：由 {stored} 改为 {derived}", "{record} ({what}): {stored} → "
                     "{derived}"),
    "diff.visit": ("走访 #{id}", "visit #{id}"),
    "diff.entry_of": ("走访 #{visit} 的{rule}积分", "the {rule} points of visit #{visit}"),
    "diff.notice_of": ("走访 #{visit} 的{rule}通报", "the {rule} notice of visit #{visit}"),
    "diff.adjustment": ("积分记录 #{id}", "points entry #{id}"),
    "diff.back": ("（退回）", " (given back)"),
    "diff.field.staff_id": ("给谁", "to"),
    "diff.field.day": ("日期", "date"),
    "diff.field.delta": ("分数", "points"),
    "diff.field.rule": ("规则", "rule"),
    "diff.field.prospect_id": ("客户", "prospect"),
    "diff.field.visit_id": ("走访", "visit"),
    "diff.field.reason": ("原因", "reason"),
    "diff.field.by_id": ("经办", "by"),
    "diff.field.reverses_id": ("退回的记录", "gives back"),
    "diff.field.kind": ("类别", "kind"),
    "diff.effective": ("有效与否／不满足的条件", "effective, failing checks"),
    "diff.flags": ("标记", "flags"),
    "diff.question": ("待检查的问题", "open question"),
    "diff.entry": ("积分", "points"),
    "diff.notice": ("通报", "notice"),
    # --- policy simulate ----------------------------------------------------------------------
    "simulate.title": ("假设按 {file} 计算，{first} 至 {last}（现行 → 假设）",
                       "what-if under {file}, {first} to {last} (in force → candidate)"),
    "simulate.points": ("积分", "points"),
    "simulate.quota_days": ("达标天数", "quota days"),
    "simulate.effective": ("有效走访", "effective"),
    "simulate.praise": ("表扬", "praise"),
    "simulate.criticism": ("批评", "criticism"),
    "simulate.people_changed": ("有变化的人", "people changed"),
    "simulate.changes": ("有变化的记录 {count} 条：", "{count} {count|record|records} change:"),
    "simulate.stars": ("星级有变化的客户 {count} 个", "{count} {count|prospect|prospects} "
                       "change stars"),
    "simulate.nothing_changes": ("按这个规则，这段时间的结果没有任何变化",
                                 "under this policy nothing of the period would change"),
    "simulate.visit": ("走访 #{id}", "visit #{id}"),
    "simulate.bad_vary": ("--vary 写成 键=起..止 或 键=起..止:步长，例如 points.sweep=3..6；"
                          "收到的是 “{value}”",
                          "--vary takes KEY=A..B or KEY=A..B:STEP, e.g. points.sweep=3..6; "
                          "got “{value}”"),
    "simulate.vary_not_number": ("--vary 只能变化整数项，{key} 不是",
                                 "--vary varies whole-number keys only; {key} is not one"),
    "simulate.vary_too_many": ("--vary 一次最多 {limit} 个取值（这里有 {count} 个）",
                               "--vary takes at most {limit} values (this gives {count})"),
}
