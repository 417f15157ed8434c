"""The words of likely duplicates, `distinct`, and the evening's attention lists (issue 18)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- what agrees besides a name a typo apart (rules.likely_duplicate) -------------------
    "likely.fact.phone": ("电话相同", "the same phone"),
    "likely.fact.credit-code": ("统一社会信用代码相同", "the same credit code"),
    "likely.fact.surname-scale": ("接口人姓氏和规模都相同", "the same contact surname and scale"),
    "likely.fact.mail-domain": ("公司邮箱域名相同", "the same company mail domain"),
    # --- the warning of add-prospect and import ---------------------------------------------
    "likely.warning": ("注意：可能和客户 #{id} {company} 是同一家（{why}，Q8）。"
                       "是同一家的，请分管领导合并：{merge}；确是两家的：{distinct}",
                       "Warning: possibly the same company as #{id} {company} ({why}; Q8). "
                       "If so, a manager merges them: {merge}; if they are two companies: "
                       "{distinct}"),
    "likely.import_head": ("可能重复（已导入，请分管领导核对）",
                           "possible duplicates (imported; for a manager to check)"),
    "likely.dry_run_head": ("可能重复（导入后请分管领导核对）",
                            "possible duplicates (a manager would check them once written)"),
    "likely.dry_file_row": ("第 {row} 行 → 文件第 {earlier} 行 {company}（{why}）",
                            "row {row} → row {earlier} of the file, {company} ({why})"),
    "likely.import_row": ("第 {row} 行 → #{id} {company}（{why}）",
                          "row {row} → #{id} {company} ({why})"),
    "likely.import_file_row": ("第 {row} 行 → 文件第 {earlier} 行 #{id} {company}（{why}）",
                               "row {row} → row {earlier} of the file, #{id} {company} ({why})"),
    # --- the evening's attention ------------------------------------------------------------
    "attention.kind_likely_duplicate": ("可能重复的客户", "likely duplicates"),
    "attention.likely": ("#{drop} {drop_company} 可能就是 #{keep} {keep_company}（{why}）；"
                         "确是两家的：{distinct}",
                         "#{drop} {drop_company} may be #{keep} {keep_company} typed again "
                         "({why}); if they are two companies: {distinct}"),
    "cmd.distinct": ("yulin distinct {first} {second} --by 分管领导",
                     "yulin distinct {first} {second} --by ..."),
    # --- `distinct` --------------------------------------------------------------------------
    "distinct.same": ("两个编号相同（#{id}）：要给两家不同的客户",
                      "both ids are #{id}: name two different prospects"),
    "refuse.distinct_managers": ("拒绝：{name} 不是分管领导，只有分管领导能把两家客户记为不同公司",
                                 "refused: {name} is not a manager; only managers record that "
                                 "two prospects are different companies"),
    "ui.distinct": ("已记下：#{first} {first_company} 和 #{second} {second_company} 是两家不同的"
                    "公司，今后不再提示它们可能重复",
                    "recorded: #{first} {first_company} and #{second} {second_company} are "
                    "different companies; they are no longer offered as likely duplicates"),
    "ui.distinct_already": ("#{first} 和 #{second} 早已记为两家不同的公司，没有改动",
                            "#{first} and #{second} were already recorded as different "
                            "companies; nothing changed"),
    # --- help ----------------------------------------------------------------------------------
    "help.cmd.distinct": ("记下两家名称相近的客户确是不同的公司（只限分管领导），今后不再提示"
                          "它们可能重复（Q8）。",
                          "Record that two look-alike prospects are different companies "
                          "(managers only): they are no longer offered as likely duplicates "
                          "(Q8)."),
    "help.cmd.distinct.first": ("一家客户。", "One prospect."),
    "help.cmd.distinct.second": ("另一家客户。", "The other."),
    "help.cmd.distinct.by": ("做这个判断的分管领导。", "The manager who decides."),
    "help.cmd.attention.kind": ("只看一类事项；日报里“还有 N 条”后面给出的命令已经写好。",
                                "One kind only: inspect, unready, refused, industry, "
                                "likely-duplicate, take-over."),
    "help.cmd.attention.skip": ("跳过前 N 条（日报里已经列出的）。",
                                "Leave out the first N items (those a report already showed)."),
    "bad.attention_kind": ("没有这类事项：{kind}（可选：{kinds}）",
                           "no attention kind {kind} (one of: {kinds})"),
}
