"""The words of deals' outcomes, calibration, `find` and `todo` (issue 22)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- follow-ups and the scale found on site (log-visit) ---
    "followup.needs_what": ("跟进走访要用 --followup 说明是哪一种：演示、宴请、见高层、送资料或"
                            "参观样板", "a follow-up needs --followup: demo, meal, executives, "
                            "material or reference-visit"),
    "followup.only_followup": ("--followup 只用于跟进走访（--kind 跟进）",
                               "--followup goes with a follow-up (--kind followup) only"),
    "followup.outcome_needed": ("缺少 --outcome：见到、被拒还是不达标？",
                                "missing --outcome: met, refused or substandard?"),
    "followup.no_substandard": ("跟进走访不做调研，不能记为不达标；发现不达标请按计划走访记录",
                                "a follow-up is no survey and cannot find a prospect "
                                "substandard; log a survey visit for that"),
    "followup.found_below": ("现场核实的规模低于标准（{employees} 人、{pcs} 台电脑），"
                             "结果应记为不达标（--outcome 不达标），而不是见到",
                             "the scale found on site is below the standard ({employees} "
                             "employees, {pcs} PCs): log it as --outcome substandard, not met"),
    "rule.followup": ("跟进", "follow-up"),
    # --- outcome ---
    "rule.outcome": ("成交结果", "outcome"),
    "deal.won": ("成交", "won"),
    "deal.lost": ("丢单", "lost"),
    "not_found.outcome": ("没有编号为 {id} 的成交结果", "no outcome with id {id}"),
    "void.kind_outcome": ("成交结果", "outcome"),
    "outcome.not_allowed": ("拒绝：{name} 既不是分管领导也不是这个客户的开拓人，不能记录成交结果",
                            "refused: {name} is neither a manager nor the prospect's finder, "
                            "who record how a deal ended"),
    "outcome.already": ("拒绝：客户 #{id} 已于 {date} 记为{result}（结果 #{outcome}）；"
                        "要更正，先作废它：yulin void outcome {outcome}",
                        "refused: prospect #{id} is already {result} on {date} (outcome "
                        "#{outcome}); to correct it, void it first: yulin void outcome "
                        "{outcome}"),
    "outcome.value_won_only": ("--value 是成交金额，只用于成交（won）",
                               "--value is the value of a won deal; leave it out for lost"),
    "outcome.recorded_won": ("已记录：#{id} {company} 成交，金额 {value} 元（结果 #{outcome}）",
                             "recorded: #{id} {company} won, {value} yuan (outcome #{outcome})"),
    "outcome.recorded_lost": ("已记录：#{id} {company} 丢单（结果 #{outcome}）",
                              "recorded: #{id} {company} lost (outcome #{outcome})"),
    "outcome.reason_line": ("原因：{reason}", "reason: {reason}"),
    # --- calibrate ---
    "rule.calibration": ("星级校验", "calibration"),
    "calibrate.not_enough": ("数据还不够：已有结果的客户 {decided} 个，至少要 {needed} 个"
                             "（每个星级至少 {per_level} 个才算胜率），先只看数量",
                             "not enough data yet: {decided} decided deals, {needed} needed "
                             "({per_level} in a level before its win rate); counts only"),
    "calibrate.auc_read": ("AUC {auc}：随机取一个成交和一个丢单的客户，成交那个星级更高的概率",
                           "AUC {auc}: the chance a won prospect was rated above a lost one"),
    "calibrate.inverted": ("{higher} 星的胜率（{high_rate}%）明显低于 {lower} 星（{low_rate}%），"
                           "两者区间不重叠：星级的门槛值得重新看看（可用 --propose）",
                           "{higher} stars win less often ({high_rate}%) than {lower} stars "
                           "({low_rate}%), their intervals apart: the thresholds deserve a "
                           "look (try --propose)"),
    "calibrate.bad_period": ("--from {date_from} 晚于 --to {date_to}",
                             "--from {date_from} is after --to {date_to}"),
    "calibrate.unwritable": ("无法写入 {path}：{error}", "cannot write {path}: {error}"),
    "calib.title": ("星级校验（按首次有效走访时的星级）",
                    "Stars against results (as rated at the first effective visit)"),
    "calib.period": ("{date_from} 至 {date_to}", "from {date_from} to {date_to}"),
    "calib.start": ("最早", "the start"),
    "calib.now": ("今天", "today"),
    "calib.stars": ("星级", "Stars"),
    "calib.prospects": ("客户", "Prospects"),
    "calib.decided": ("有结果", "Decided"),
    "calib.won": ("成交", "Won"),
    "calib.rate": ("胜率", "Rate"),
    "calib.interval": ("95% 区间", "95% CI"),
    "calib.below": ("未达标", "below"),
    "calib.few": ("太少", "few"),
    "calib.totals": ("有结果 {decided} 个，其中成交 {won} 个；另有 {undecided} 个尚无结果"
                     "（不算丢单）", "{decided} decided, {won} won; {undecided} undecided "
                     "(never counted as lost)"),
    "calib.auc": ("AUC {value}（95% 区间 {low}-{high}）：成交客户的星级高于丢单客户的概率",
                  "AUC {value} (95% CI {low}-{high}): the chance a won prospect was rated "
                  "above a lost one"),
    "calib.brier": ("Brier 分数 {value}（只按总体胜率预测为 {base}；越低越准）",
                    "Brier score {value} (the base rate alone scores {base}; lower is better)"),
    "calib.top_share": ("成交客户中 4-5 星占 {share}", "{share} of the wins were rated 4-5 stars"),
    "calib.group": ("按{by}分组：{name}", "{by}: {name}"),
    "calib.by_prospector": ("开拓人", "prospector"),
    "calib.by_district": ("区县", "district"),
    "calib.by_industry": ("行业", "industry"),
    "calib.proposed": ("建议的星级门槛已写入 {path}（AUC 由 {now} 变为 {then}），可以先模拟：",
                       "proposed star thresholds written to {path} (AUC {now} -> {then}); "
                       "try them first:"),
    # --- find ---
    "find.none": ("没有找到与“{text}”相符的客户：可以打电话了",
                  "no prospect matches \"{text}\": clear to call"),
    "find.finder": ("开拓人", "Finder"),
    "find.stars": ("星级", "Stars"),
    "find.last": ("最近动态", "Last activity"),
    "find.how": ("按{how}查找；打电话前先核实（Q8）", "matched by {how}; verify before calling "
                 "(Q8)"),
    "find.by_phone": ("电话", "phone"),
    "find.by_credit_code": ("统一社会信用代码", "credit code"),
    "find.by_name": ("名称", "name"),
    "find.by_initials": ("拼音首字母或名称", "pinyin initials or name"),
    # --- todo ---
    "todo.none": ("{name} 在 {date} 没有待办", "nothing to do for {name} on {date}"),
    "todo.title": ("{name} 的待办（{date}）", "To do for {name} ({date})"),
    "todo.section.prospects": ("我的客户：走访前还缺的", "My prospects: still missing before a "
                               "visit"),
    "todo.section.week": ("本周走访", "This week's visits"),
    "todo.section.take-over": ("立即接手的 4-5 星客户", "4-5 stars to take over now"),
    "todo.section.inspections": ("待检查的走访", "Visits to inspect"),
    "todo.section.duplicates": ("可能重复的客户", "Possible duplicates"),
    "todo.section.next-day": ("下个工作日的走访", "The next working day's visits"),
    "todo.missing": ("客户 #{id} {company}：{what}", "#{id} {company}: {what}"),
    "todo.visit": ("{date} #{id} {company}：要收集 {capture}",
                   "{date} #{id} {company}: capture {capture}"),
    "todo.visit_unready": ("{date} #{id} {company}：当天还未具备走访条件；要收集 {capture}",
                           "{date} #{id} {company}: not ready for that day yet; capture "
                           "{capture}"),
    "todo.take_over": ("#{id} {company}（{stars} 星）", "#{id} {company} ({stars} stars)"),
    "todo.next_day": ("{visitor} 在 {date} 有 {count} 个计划走访",
                      "{visitor} has {count} planned {count|visit|visits} on {date}"),
    "todo.cmd.log_visit": ("yulin log-visit {id} --by {by} --outcome 见到{items}{contacts} "
                           "--date {date}", "yulin log-visit {id} --by {by} --outcome met"
                           "{items}{contacts} --date {date}"),
    "todo.cmd.agenda": ("yulin agenda --visitor {visitor} --date {date}",
                        "yulin agenda --visitor {visitor} --date {date}"),
    # --- help ---
    "help.section.closing": ("结果：成交、星级校验、查重与待办",
                             "Results: deals, calibration, look-ups and to-dos"),
    "help.cmd.outcome": ("记录一个客户的成交结果（Q5、Q13）：分管领导或开拓人记录；每个客户只有"
                         "一个有效结果（更正请 yulin void outcome 编号）。",
                         "Record how a prospect's deal ended (Q5, Q13): a manager or its "
                         "finder; one stands per prospect (void outcome ID to correct it)."),
    "help.cmd.outcome.result": ("结果：成交或丢单。", "How it ended: won or lost."),
    "help.cmd.outcome.value": ("成交金额，如 25万（只用于成交）。",
                               "The deal's value, e.g. 25万 (won only)."),
    "help.cmd.outcome.reason": ("原因，随结果保存。", "Why; kept with it."),
    "help.cmd.outcome.by": ("记录的伙伴：分管领导或开拓人。",
                            "Who records it: a manager or the finder."),
    "help.cmd.calibrate": ("星级准不准（Q5、Q13）：按首次有效走访时的星级，看各星级的胜率、AUC "
                           "和 Brier 分数；有结果的客户不足 30 个时只列数量。",
                           "How well the stars foretell deals (Q5, Q13): each level as rated "
                           "at the first effective visit, its win rate, AUC and Brier score; "
                           "below 30 decided deals, counts only."),
    "help.cmd.calibrate.date_from": ("首次有效走访的起始日。",
                                     "First day of the first effective visits counted."),
    "help.cmd.calibrate.date_to": ("首次有效走访的截止日。", "Their last day."),
    "help.cmd.calibrate.by": ("按开拓人、区县或行业分组，各出一张表。",
                              "One table per prospector, district or industry."),
    "help.cmd.calibrate.propose": ("把最能区分成交与丢单的星级门槛写成策略文件，供 policy "
                                   "simulate 模拟。", "Write star thresholds that rank these "
                                   "deals best as a policy file for policy simulate."),
    "help.cmd.find": ("打电话前先查一查（Q8）：按任意写法的电话、统一社会信用代码、名称的一部分或"
                      "拼音首字母查找客户。", "Is this company known already? Check before "
                      "calling (Q8): by phone in any spelling, credit code, part of the name "
                      "or its pinyin initials."),
    "help.cmd.find.text": ("电话、信用代码、名称的一部分或拼音首字母。",
                           "A phone, a credit code, part of a name or its pinyin initials."),
    "help.arg.TEXT": ("文字", "TEXT"),
    "help.arg.RESULT": ("结果", "RESULT"),
    "help.cmd.todo": ("我的待办，每行附上要执行的命令：开拓人的客户还缺什么；走访人本周的走访；"
                      "分管领导要接手的客户、待检查的走访、可能重复的客户和每位走访人下个工作日"
                      "的安排。", "Your open work, each line with its command: a prospector's "
                      "prospects missing rounds, address, contact or scale; a visitor's week; "
                      "a manager's take-overs, inspections, possible duplicates and every "
                      "visitor's next day."),
    "help.cmd.todo.by": ("谁的待办（团队模式默认自己）。", "Whose (team mode: yours)."),
    "help.cmd.todo.date": ("从哪天算起（默认今天）。", "From which day (default today)."),
    "help.cmd.log-visit.followup": ("跟进的内容（Q5）：演示、宴请、见高层、送资料或参观样板。",
                                    "What the follow-up was (Q5): demo, meal, executives, "
                                    "material or reference-visit."),
    "help.cmd.log-visit.found_employees": ("现场核实的员工人数，记入客户资料（有历史）。",
                                           "Employees found on site; saved on the prospect, "
                                           "with history."),
    "help.cmd.log-visit.found_employees.metavar": ("人数", "COUNT"),
    "help.cmd.log-visit.found_pcs.metavar": ("台数", "COUNT"),
    "help.cmd.outcome.value.metavar": ("金额", "MONEY"),
    "help.cmd.log-visit.found_pcs": ("现场核实的电脑台数，记入客户资料（有历史）。",
                                     "PCs found on site; saved on the prospect, with "
                                     "history."),
    "closing.action_done": ("（已做：{day}）", " (done {day})"),
}
