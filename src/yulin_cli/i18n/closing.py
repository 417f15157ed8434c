"""The words of deals' outcomes, calibration, `find`, `todo` and follow-ups."""

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
    # --- outcome ---
    "deal.won": ("成交", "won"),
    "deal.lost": ("丢单", "lost"),
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
    "closing.action_done": ("（已做：{day}）", " (done {day})"),
}
