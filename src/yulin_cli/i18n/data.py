"""Data in and out: import, export (the whole-team workbook too), duplicates and their evidence,
likely duplicates, merge, unmerge and `distinct`."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- import.* ---------------------------------------------------------------------------------
    "import.unknown_header": ("不认识的列名“{header}”（见 README 的列名表）",
                              "unknown column “{header}” (see the column table in README)"),
    "import.encoding": ("无法识别 {path} 的编码", "cannot tell the encoding of {path}"),
    "import.missing": ("找不到文件 {path}", "file {path} not found"),
    "import.binary": ("{path} 不是 CSV 或 XLSX 文件", "{path} is not a CSV or XLSX file"),
    "import.empty": ("{path} 是空文件", "{path} is empty"),
    "import.unreadable": ("无法读取 {path}：{error}", "cannot read {path}: {error}"),
    "import.invalid_rows": ("{rows} 行中有 {bad_rows} 行出错，共 {errors} 处错误，什么都没有导入；"
                            "可用 --skip-invalid 只导入正确的行",
                            "{errors} error(s) in {bad_rows} of {rows} rows: nothing was "
                            "imported; --skip-invalid imports the valid rows"),
    "import.duplicate_rows": ("{duplicates} 行与已有客户或文件中前面的行重复，什么都没有导入；"
                              "确属不同公司可加 --force",
                              "{duplicates} row(s) duplicate existing prospects or earlier rows "
                              "of the file: nothing was imported; use --force if they are "
                              "really other companies"),
    "import.interrupted": ("已中断：什么都没有导入", "interrupted: nothing imported"),
    "import.team_not_empty": ("数据库里已经有记录（{table} 有 {count} 行）：整队工作簿只能导入"
                              "空数据库",
                              "the database already holds records ({count} in {table}): a "
                              "whole-team workbook imports only into an empty database"),
    "import.team_sheet": ("工作簿 {sheet} 表第 {row} 行：{error}",
                          "sheet {sheet}, row {row}: {error}"),
    "import.team_missing_sheet": ("整队工作簿缺少 {sheet} 表", "the whole-team workbook has no "
                                  "{sheet} sheet"),
    "import.team_done": ("已导入全队：{rows} 行，{tables} 张表；积分、通报和标记已重新推导",
                         "the whole team imported: {rows} rows in {tables} tables; points, "
                         "notices and flags derived again"),
    "import.voided_skipped": ("已作废的记录不再导入", "a voided record is not imported again"),

    # --- export.* ---------------------------------------------------------------------------------
    "export.needs_file": ("这种导出需要 -o 文件名", "this export needs -o FILE"),
    "export.unwritable": ("无法写入 {path}：{error}", "cannot write {path}: {error}"),
    "export.yes": ("是", "yes"),
    "export.no": ("否", "no"),
    "export.all_needs_xlsx": ("--what all 只写 XLSX 工作簿（--format xlsx 或 -o 文件名.xlsx）",
                              "--what all writes an XLSX workbook only (--format xlsx or "
                              "-o FILE.xlsx)"),
    "export.all_written": ("已把全队写入 {path}：{tables} 张表，{rows} 行",
                           "the whole team written to {path}: {tables} tables, {rows} rows"),

    # --- merge.* ----------------------------------------------------------------------------------
    "merge.same": ("不能把客户 #{id} 合并到它自己", "cannot merge prospect #{id} into itself"),
    "merge.needs_yes": ("--json 模式下合并要加 --yes", "merging in --json mode needs --yes"),
    "merge.no_evidence": ("拒绝：没有证据表明 #{keep} 和 #{drop} 是同一家公司"
                          "（电话、名称、dedupe 都对不上）；确认是同一家请加 --force",
                          "refused: nothing shows #{keep} and #{drop} are one company (no shared "
                          "phone, name or dedupe pair); use --force if you are sure"),
    "merge.confirm": ("把 #{drop} 合并到 #{keep}？", "Merge #{drop} into #{keep}?"),
    "merge.declined": ("未合并：#{drop} 和 #{keep} 保持原样", "not merged: #{drop} and #{keep} "
                       "are unchanged"),
    "merge.codes_differ": ("拒绝：客户 #{keep}（{keep_code}）和 #{drop}（{drop_code}）的统一社会"
                           "信用代码不同，是两家公司；确实要合并可加 --force",
                           "refused: prospects #{keep} ({keep_code}) and #{drop} ({drop_code}) "
                           "have different credit codes, so are two companies; use --force if "
                           "you must merge them"),

    # --- unmerge.* --------------------------------------------------------------------------------
    "unmerge.not_merged": ("拒绝：客户 #{id} 没有被合并", "refused: prospect #{id} is not merged"),
    "unmerge.no_record": ("拒绝：#{id} 合并到 #{into} 时还没有记录移动的数据，无法撤销",
                          "refused: #{id} was merged into #{into} before merges were recorded; "
                          "it cannot be undone"),
    "unmerge.keep_merged": ("拒绝：#{keep} 已再合并到 #{into}，先撤销那次合并",
                            "refused: #{keep} has since been merged into #{into}; unmerge it "
                            "first"),

    # --- likely.* ---------------------------------------------------------------------------------
    "likely.fact.phone": ("电话相同", "the same phone"),
    "likely.fact.credit-code": ("统一社会信用代码相同", "the same credit code"),
    "likely.fact.surname-scale": ("接口人姓氏和规模都相同", "the same contact surname and scale"),
    "likely.fact.mail-domain": ("公司邮箱域名相同", "the same company mail domain"),
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

    # --- distinct.* -------------------------------------------------------------------------------
    "distinct.same": ("两个编号相同（#{id}）：要给两家不同的客户",
                      "both ids are #{id}: name two different prospects"),

    # --- dup.* ------------------------------------------------------------------------------------
    "dup.phone": ("电话相同", "same phone"),
    # The name as Q8 reads it: the city before it or in brackets, and the legal form, aside.
    "dup.name": ("名称相同（不计地名和公司类型）", "same name apart from city and legal form"),
    "dup.similar-name": ("名称只差一个字", "similar name"),
    "dup.similar-name-only": ("只是名称相近", "similar name only"),
    "dup.credit_code": ("统一社会信用代码相同", "same unified social credit code"),
    "dup.same-sound": ("名称读音相近", "same-sounding name"),
    "dup.likely_same-sound": ("名称读音相近（同音或近音字），电话、信用代码、接口人姓氏加规模或公司邮箱"
                              "域名有一项相同",
                              "the names sound alike (同音字) and a phone, the credit code, the "
                              "contact's surname with the scale, or the company mail domain "
                              "agrees"),
    "dup.likely_similar-name": ("名称只差一个字，电话、信用代码、接口人姓氏加规模或公司邮箱域名"
                                "有一项相同",
                                "the names are one character apart and a phone, the credit "
                                "code, the contact's surname with the scale, or the company "
                                "mail domain agrees"),

    # --- evidence.* -------------------------------------------------------------------------------
    "evidence.credit_code": ("统一社会信用代码相同", "same credit code"),
    "evidence.phone": ("电话相同", "same phone"),
    "evidence.name": ("名称相同", "same name"),
    "evidence.similar_name": ("名称差一个字且其他信息一致（查重）", "names one character apart "
                              "with other facts agreeing (dedupe)"),
    "evidence.filed_duplicate": ("已登记为重复", "filed as a duplicate"),
    "evidence.none": ("没有", "none"),
    "evidence.same_sound": ("名称读音相近且另有一项信息一致（查重）",
                            "names that sound alike, a second fact agreeing (dedupe)"),
}
