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
    "ui.voided_of": ("已作废客户 #{prospect} 的{kind} #{id}（{by}：{reason}）",
                     "voided {kind} #{id} of prospect #{prospect} ({by}: {reason})"),
    "ui.given_back": ("{staff} {delta:+d} 分（冲销积分记录 #{entry}）",
                      "{staff} {delta:+d} points (gives back entry #{entry})"),
    "ui.notices_voided": ("通报上撤回 {count} 条", "{count} notice(s) withdrawn on the board"),
    "ui.inspection_closed": ("待检查项已关闭", "its open inspection is closed"),
    "ui.plan_reopened": ("对应的走访计划重新待办", "its planned visit is open again"),
    "ui.voided_mark": ("已作废", "voided"),
    "notice.voided": ("撤回", "withdrawn"),

    # --- the evening report and the attention list -----------------------------------------
    # The commands that settle attention items; JSON always carries the English one.
    "cmd.inspect": ("yulin inspect {visit} --by 分管领导 --verdict 维持|推翻",
                    "yulin inspect {visit} --by ... --verdict upheld|overturned"),
    "cmd.merge": ("yulin merge {keep} {drop} --by 分管领导", "yulin merge {keep} {drop} --by ..."),
    "cmd.check_visit": ("yulin check-visit {id} --date {date}",
                        "yulin check-visit {id} --date {date}"),
    "cmd.contact": ("yulin update-prospect {id} --contact-surname 姓氏 --landline 座机",
                    "yulin update-prospect {id} --contact-surname ... --landline ..."),
    "cmd.verify": ("yulin verify {id} --by {finder} --pretext 身份 --result 结果{address}",
                   "yulin verify {id} --by {finder} --pretext ... --result ...{address}"),
    "cmd.industry": ("yulin staff update {finder} --industry 行业",
                     "yulin staff update {finder} --industry ..."),
    "cmd.advise": ("yulin advise {id}", "yulin advise {id}"),
    "attention.kind_inspect": ("待检查的不达标走访", "substandard findings to inspect"),
    "attention.kind_unready": ("去了未就绪客户的走访", "visits to prospects not ready"),
    "attention.kind_refused": ("被拒的走访", "visits refused at the door"),
    "attention.kind_industry": ("别人行业里的新客户", "new prospects in another's industry"),
    "attention.kind_take_over": ("分管领导接手的五星、四星客户",
                                 "5 and 4 stars for a manager to take over"),
    "ui.any_manager": ("任一分管领导", "any manager"),
    "ui.and_more": ("… 还有 {count} 条：{command}", "… and {count} more: {command}"),
    "ui.attention_of": ("需要关注的事项 {date}", "Needs attention {date}"),
    "ui.found_today": ("今天找到的优质客户", "quality customers found today"),
    "ui.team_quota": ("{met}/{of} 名开拓人完成任务", "{met} of {of} prospectors met the quota"),
    "ui.team_line": ("全队：优质客户 {quality} 个 · {met} · 走访 {visits} 次（有效 {effective}）"
                     " · 今日分 {points:+d}",
                     "team: {quality} quality found · {met} · {visits} visits ({effective} "
                     "effective) · points {points:+d}"),
    "ui.tomorrow": ("下一个工作日的走访计划", "planned for the next working day"),
    "ui.tomorrow_not_ready": ("{count} 个还不能走访：出发前先补齐", "{count} not ready: settle "
                              "them before going"),
    "ui.visitor": ("走访人", "visitor"),
    "ui.ready_col": ("就绪", "ready"),

    # --- saved views -----------------------------------------------------------------------
    "save.bad_ext": ("--save 的文件要以 .html、.svg 或 .xlsx 结尾：{path}",
                     "--save needs a file ending in .html, .svg or .xlsx: {path}"),
    "save.unwritable": ("无法写入 {path}：{error}", "cannot write {path}: {error}"),
    "ui.saved": ("已保存到 {path}", "saved to {path}"),
    "save.rate_all": ("--save 用于 rate --all", "--save goes with rate --all"),
    "bad.attention_rule": ("没有这条规则：{rule}（可选：{rules}）",
                           "no attention rule {rule} (one of: {rules})"),
    # --- the period summary ----------------------------------------------------------------
    "summary.backwards": ("--from {date_from} 晚于 --to {date_to}", "--from {date_from} is after "
                          "--to {date_to}"),
    "summary.too_long": ("汇总最多 {days} 天", "a summary covers at most {days} days"),
    "ui.summary": ("汇总 {date_from} 至 {date_to}", "Summary {date_from} to {date_to}"),
    "ui.funnel": ("漏斗（期间找到的客户，截至 {date}）", "funnel (prospects found in the period, "
                  "as of {date})"),
    "funnel.found": ("找到", "found"),
    "funnel.quality": ("优质", "quality"),
    "funnel.verified": ("复核两轮", "verified twice"),
    "funnel.ready": ("可走访", "ready"),
    "funnel.visited": ("已走访", "visited"),
    "funnel.effective": ("有效走访", "effective"),
    "funnel.top_stars": ("四、五星", "4-5 stars"),
    "ui.prospectors_period": ("开拓人：优质客户与每日任务", "prospectors: quality found and the "
                              "daily quota"),
    "ui.days_met": ("{met}/{of} 天完成", "met on {met} of {of} days"),
    "ui.visitors_period": ("走访人：有效走访（共走访）", "visitors: effective visits (all visits)"),
    "ui.points_period": ("期间积分", "points in the period"),
    # --- the visitor's morning ---------------------------------------------------------------
    "agenda.needs_visitor": ("请用 --visitor 指定走访人", "name the visitor with --visitor"),
    "ui.agenda": ("{date} {visitor} 的走访：{count} 家", "{visitor}'s visits on {date}: {count}"),
    "ui.district_unknown": ("（区县未知）", "(district unknown)"),
    "ui.done": ("已走访", "done"),
    "ui.to_capture": ("要问到", "to capture"),
    "ui.opener": ("开场", "opener"),
    "ui.no_plans": ("这天没有走访计划", "no visits planned that day"),
    "ui.ics_written": ("已写入日历文件 {path}（{count} 项）", "calendar written to {path} "
                       "({count} events)"),
    "ics.summary": ("走访 #{id} {company}", "Visit #{id} {company}"),
    "ics.contact": ("接口人：{who}", "contact: {who}"),
    "ics.unwritable": ("无法写入日历文件 {path}：{error}", "cannot write the calendar {path}: "
                       "{error}"),
    # --- merge and unmerge ------------------------------------------------------------------
    "merge.needs_yes": ("--json 模式下合并要加 --yes", "merging in --json mode needs --yes"),
    "merge.no_evidence": ("拒绝：没有证据表明 #{keep} 和 #{drop} 是同一家公司"
                          "（电话、名称、dedupe 都对不上）；确认是同一家请加 --force",
                          "refused: nothing shows #{keep} and #{drop} are one company (no shared "
                          "phone, name or dedupe pair); use --force if you are sure"),
    "merge.confirm": ("把 #{drop} 合并到 #{keep}？", "Merge #{drop} into #{keep}?"),
    "ask.yes_no": ("[是/否]", "[y/N]"),
    "merge.declined": ("未合并：#{drop} 和 #{keep} 保持原样", "not merged: #{drop} and #{keep} "
                       "are unchanged"),
    "unmerge.not_merged": ("拒绝：客户 #{id} 没有被合并", "refused: prospect #{id} is not merged"),
    "unmerge.no_record": ("拒绝：#{id} 合并到 #{into} 时还没有记录移动的数据，无法撤销",
                          "refused: #{id} was merged into #{into} before merges were recorded; "
                          "it cannot be undone"),
    "unmerge.keep_merged": ("拒绝：#{keep} 已再合并到 #{into}，先撤销那次合并",
                            "refused: #{keep} has since been merged into #{into}; unmerge it "
                            "first"),
    "ui.merge_preview": ("合并 #{drop} → #{keep}", "merge #{drop} into #{keep}"),
    "ui.keep": ("保留", "keep"),
    "ui.drop": ("并入", "merged"),
    "ui.evidence": ("是同一家的依据", "evidence they are one company"),
    "evidence.credit_code": ("统一社会信用代码相同", "same credit code"),
    "evidence.phone": ("电话相同", "same phone"),
    "evidence.name": ("名称相同", "same name"),
    "evidence.similar_name": ("名称差一个字且其他信息一致（查重）", "names one character apart "
                              "with other facts agreeing (dedupe)"),
    "evidence.filed_duplicate": ("已登记为重复", "filed as a duplicate"),
    "evidence.none": ("没有", "none"),
    "ui.unmerged": ("客户 #{id} 已从 #{keep} 恢复，移回 {rows} 条记录",
                    "prospect #{id} restored from #{keep}; {rows} rows moved back"),
}
