"""Errors and refusals: every one-line reason a command gives for exit 1 or 2."""

MESSAGES: dict[str, tuple[str, str]] = {
    "error": ("错误：", "Error: "),
    "bad.lang": ("不认识的语言 “{value}”；可选：{langs}", "unknown language “{value}”; choose one "
                 "of: {langs}"),
    "file.exists": ("{path} 已存在；加 --force 覆盖", "{path} exists; use --force to overwrite"),
    "input.invalid": ("{option} 的值 “{value}” 无效：{why}", "invalid {option} “{value}”: {why}"),
    "input.invalid_row": ("第 {row} 行：{option} 的值 “{value}” 无效：{why}",
                          "row {row}: invalid {option} “{value}”: {why}"),
    "input.missing": ("缺少选项 {option}", "Missing option '{option}'."),
    "bad.required": ("必须填写", "required"),
    "bad.clear_with_signals": ("--clear 不能和信号选项同时使用", "--clear cannot be combined with "
                               "signal flags"),
    "refuse.not_verifier": ("拒绝：{name} 不是这家客户的开拓人，也不是开拓或分管领导，不能记录复核",
                            "refused: {name} is neither the prospect's finder, a prospector nor a "
                            "manager, so cannot record a verification round"),
    "refuse.not_visitor": ("拒绝：{name} 不是走访人员或分管领导，不能记录走访",
                           "refused: {name} is not a visitor or a manager, so cannot log a visit"),
    "refuse.other_center": ("拒绝：{name} 不属于这家客户所在的服务中心，不能记录它的走访",
                            "refused: {name} belongs to another centre than the prospect's, so "
                            "cannot log its visit"),
    "bad.control_chars": ("不能包含控制字符", "control characters are not allowed"),
    "bad.too_long": ("太长", "too long"),
    "bad.out_of_range": ("超出了可以接受的范围", "out of the accepted range"),
    "bad.at_least": ("须不小于 {limit}", "must be at least {limit}"),
    "bad.above": ("须大于 {limit}", "must be more than {limit}"),
    "bad.at_most": ("须不大于 {limit}", "must be at most {limit}"),
    "bad.below": ("须小于 {limit}", "must be less than {limit}"),
    "bad.unknown_key": ("没有这一项", "no such setting"),
    "bad.table": ("应是一个 [节]", "should be a [section]"),
    "bad.text": ("应是文字", "should be text"),
    "bad.list": ("应是列表，如 [\"南京\", \"深圳\"]", "should be a list such as [\"南京\", \"深圳\"]"),
    "bad.integer": ("须为整数", "must be a whole number"),
    "bad.choice": ("不是可选的值", "not one of the accepted values"),
    "bad.empty": ("不能为空", "cannot be empty"),
    "bad.date": ("日期写法如 2026-10-19、2026/10/19、2026年10月19日、10/19、10月19日，"
                 "或今天、昨天、明天",
                 "a date is written 2026-10-19, 2026/10/19, 2026年10月19日, 10/19, 10月19日, "
                 "今天 (today), 昨天 (yesterday) or 明天 (tomorrow)"),
    "bad.landline_local": ("本地号码需要区号，而这个城市的区号不在表里；"
                           "请连区号一起填，如 0512-62581234",
                           "a local number needs its area code, and this city's is not in the "
                           "table; type it with the area code, e.g. 0512-62581234"),
    "bad.money": ("金额须为非负的整数元，可写 25万、25.5万、二十五万、25w、25k 或 250,000",
                  "money must be whole yuan >= 0; 25万, 25.5万, 二十五万, 25w, 25k and 250,000 "
                  "are accepted"),
    "bad.landline": ("不是有效的中国固定电话号码", "not a valid Chinese phone number"),
    "bad.landline_type": ("这是手机号，座机请填固定电话", "this is a mobile number, not a landline"),
    "bad.mobile": ("不是有效的中国手机号码", "not a valid Chinese mobile number"),
    "bad.mobile_type": ("这是固定电话，不是手机号", "this is a landline, not a mobile number"),
    "bad.email": ("邮箱格式不正确", "not a valid email address"),
    "bad.qq": ("QQ 号须为 5-11 位数字", "a QQ number has 5 to 11 digits"),
    "bad.items": ("问卷题号形如 1-5,2-2", "survey items look like 1-5,2-2"),
    "bad.nothing_to_update": ("没有给出要修改的内容", "nothing to change was given"),
    "bad.rate_args": ("请给出客户编号或 --all", "give a prospect ID or --all"),
    "db.newer": ("数据库结构版本 {version} 比本程序（{head}）新；请升级 yulin，数据库未被改动",
                 "the database schema {version} is newer than this yulin ({head}); "
                 "upgrade yulin. The database was not changed"),
    "db.foreign": ("这个数据库不是 yulin 的，拒绝改动", "this database is not a yulin database; "
                   "it was left untouched"),
    "db.unreadable": ("无法打开数据库 {target}：{error}", "cannot open database {target}: {error}"),
    "db.unreachable": ("连不上数据库 {target}：{error}", "cannot reach the database {target}: {error}"),
    "db.denied": ("数据库 {target} 拒绝了这个操作（权限不足）：{error}",
                  "the database {target} refused this (not allowed for this login): {error}"),
    "db.busy": ("数据库 {target} 一直被其他人占用，请稍后再试",
                "the database {target} stayed busy with other writers; try again"),
    "db.bad_url": ("数据库地址无效 {target}：{error}", "bad database URL {target}: {error}"),
    "db.upgrade_failed": ("升级数据库 {target} 失败，已回滚：{error}",
                          "upgrading {target} failed and was rolled back: {error}"),
    "not_found.prospect": ("没有编号为 {id} 的客户", "no prospect with id {id}"),
    "not_found.staff": ("没有叫 {name} 的伙伴", "no staff member named {name}"),
    "not_found.center": ("没有叫 {name} 的服务中心", "no centre named {name}"),
    "exists.center": ("服务中心 {name} 已存在", "centre {name} already exists"),
    "exists.staff": ("伙伴 {name} 已存在", "staff member {name} already exists"),
    "refuse.territory": ("拒绝：{city} 不在 {center_city} 服务中心的负责城市内（Q6）",
                         "refused: {city} is outside the centre's city {center_city} (Q6)"),
    "refuse.duplicate": ("拒绝：与客户 #{id} 重复（{why}，Q8）；确属不同公司可加 --force",
                         "refused: duplicate of prospect #{id} ({why}, Q8); use --force if it "
                         "is really another company"),
    "refuse.not_ready": ("拒绝：客户 #{id} 还不能走访，未通过：{failing}（Q2）",
                         "refused: prospect #{id} is not ready to visit; failing: {failing} (Q2)"),
    "refuse.not_ready_on": ("拒绝：按 {date} 当天为止的记录，客户 #{id} 那天还不能走访，"
                            "未通过：{failing}（Q2）",
                            "refused: on the records up to {date}, prospect #{id} was not ready "
                            "to visit that day; failing: {failing} (Q2)"),
    "refuse.merged": ("客户 #{id} 已合并到 #{into}", "prospect #{id} was merged into #{into}"),
    "demo.not_empty": ("数据库 {target} 已有其他数据；请用 --db 指定一个新文件",
                       "database {target} already holds other data; give --db a new file"),
    "refuse.not_manager": ("拒绝：{name} 不是分管领导，不能改变别人的积分或检查结论",
                           "refused: {name} is not a manager; only managers change other "
                           "people's standing"),
    "refuse.merge_managers": ("拒绝：{name} 不是分管领导，只有分管领导能合并或拆分客户",
                              "refused: {name} is not a manager; only managers merge or unmerge "
                              "prospects"),
    "refuse.not_substandard": ("走访 #{id} 没有报告不达标，无需检查",
                               "visit #{id} did not report the company substandard; nothing "
                               "to inspect"),
    "refuse.already_settled": ("走访 #{id} 的检查已有结论（{status}）",
                               "the inspection of visit #{id} is already settled ({status})"),
    "not_found.visit": ("没有编号为 {id} 的走访", "no visit with id {id}"),
    "not_found.direct_sales": ("没有编号为 {id} 的直销项目", "no direct-sales project with id {id}"),
    "bad.zero_delta": ("调整分数不能为 0", "an adjustment cannot be 0"),
    "bad.plan_needs_visitor": ("--plan 需要 --visitor", "--plan needs --visitor"),
    "bad.not_direct_city": ("{city} 没有直销分公司（有：{cities}）",
                            "{city} has no direct-sales branch (these do: {cities})"),
    "bad.no_topic": ("手册里没有 {topic}", "no playbook topic matches {topic}"),
    "bad.yes_no": ("应填 是/否", "should be yes or no"),
    "backup.not_sqlite": ("backup 只用于 SQLite；PostgreSQL 请用 pg_dump",
                          "backup is for SQLite files; on PostgreSQL use pg_dump"),
    "backup.failed": ("备份到 {path} 失败：{error}", "backup to {path} failed: {error}"),

    # --- interrupted, interrupted_saved -----------------------------------------------------------
    "interrupted": ("已中断：什么都没有写入", "interrupted: nothing written"),
    "interrupted_saved": ("已中断：改动在中断前已经保存", "interrupted after the change was saved"),

    # --- bad.* ------------------------------------------------------------------------------------
    "bad.attention_rule": ("没有这条规则：{rule}（可选：{rules}）",
                           "no attention rule {rule} (one of: {rules})"),
    "bad.credit_code_length": ("统一社会信用代码应为 18 位", "a unified social credit code has 18 "
                               "characters"),
    "bad.credit_code_format": ("统一社会信用代码含有不该出现的字符（前 8 位是数字，其余是数字或"
                               "不含 I、O、S、V、Z 的大写字母）",
                               "a unified social credit code has digits first, then digits or "
                               "capital letters other than I, O, S, V and Z"),
    "bad.credit_code_check": ("统一社会信用代码的校验位不对，请逐位核对",
                              "the check character of this credit code is wrong; compare it "
                              "character by character"),
    "bad.location": ("位置应写成 纬度,经度（十进制度数，如 31.2983,120.5833）",
                     "a location is LAT,LNG in decimal degrees, e.g. 31.2983,120.5833"),
    "bad.location_range": ("纬度应在 -90 到 90 之间，经度应在 -180 到 180 之间",
                           "latitude must lie within -90..90 and longitude within -180..180"),
    "bad.future_day": ("{option} {day} 还没到（今天是 {today}）：只有计划走访可以定在以后",
                       "{option} {day} is still to come (today is {today}): only a planned "
                       "visit may be dated ahead"),
    "bad.before_record": ("{option} {day} 早于{what} {first}，不能这样记",
                          "{option} {day} is before {what} {first}: a record cannot come first"),
    "bad.future_found": ("发现日期 {day} 还没到（今天是 {today}）", "found on {day}, which is "
                         "still to come (today is {today})"),
    "bad.count": ("数量写法如 300、300人、400台、三百、1.2万",
                  "a count is written 300, 300人, 400台, 三百 or 1.2万"),
    "bad.extension": ("分机号只能是数字，最多 6 位", "an extension is digits only, at most 6"),
    "bad.mobile_hotline": ("这是 400/800 热线，不是手机号；热线请填在座机里（--landline）",
                           "this is a 400/800 hotline, not a mobile number; give it as the "
                           "landline (--landline)"),
    "bad.mobile_hotline_number": ("这是 400/800 热线，不是手机号；热线请用 --landline-number 记下",
                                  "this is a 400/800 hotline, not a mobile number; record it "
                                  "with --landline-number"),
    "bad.attention_kind": ("没有这类事项：{kind}（可选：{kinds}）",
                           "no attention kind {kind} (one of: {kinds})"),

    # --- refuse.* ---------------------------------------------------------------------------------
    "refuse.not_you": ("拒绝：这个登录账号属于 {staff}，只有分管领导的账号才能以 {name} 的名义记录",
                       "refused: this login belongs to {staff}; only a manager's login may "
                       "act as {name}"),
    "refuse.finder_managers": ("拒绝：{name} 不是分管领导，只有分管领导能改客户的开拓人",
                               "refused: {name} is not a manager; only managers change who "
                               "found a prospect"),
    "refuse.policy_managers": ("拒绝：{name} 不是分管领导，只有分管领导能改团队的规则",
                               "refused: {name} is not a manager; only managers set the "
                               "team's policy"),
    "refuse.settle_managers": ("拒绝：{name} 不是分管领导，只有分管领导能处理与直销的冲突",
                               "refused: {name} is not a manager; only managers settle a "
                               "direct-sales project"),
    "refuse.nothing_to_inspect": ("拒绝：走访 #{id} 没有待检查的问题",
                                  "refused: visit #{id} has no open question to answer"),
    "refuse.upgrade_not_customer": ("拒绝：升级走访只针对已有客户（Q13）；这家还不是已有客户，请按计划"
                                    "走访或扫街登记",
                                    "refused: an upgrade visit is for an existing customer (Q13); "
                                    "this prospect is not one, so log it as a planned visit or a "
                                    "sweep"),
    "refuse.distinct_managers": ("拒绝：{name} 不是分管领导，只有分管领导能把两家客户记为不同公司",
                                 "refused: {name} is not a manager; only managers record that "
                                 "two prospects are different companies"),

    # --- db.* -------------------------------------------------------------------------------------
    "db.missing": ("没有数据库：{path}。先用 yulin center add 名称 --city 城市 建一个"
                   "（或用 yulin demo 装入示例团队）",
                   "no database at {path}: create one with `yulin center add NAME --city CITY` "
                   "(or `yulin demo` for the sample team)"),
    "db.needs_upgrade": ("数据库需要升级：请管理员运行 `yulin --db URL upgrade`（{target}）",
                         "the database needs an upgrade: ask the administrator to run "
                         "`yulin --db URL upgrade` ({target})"),
    "db.lost": ("与数据库 {target} 的连接断开了：{error}；这条命令的改动没有保存",
                "lost the connection to the database {target}: {error}; this command's "
                "changes were not saved"),
    "db.locked": ("数据库 {target} 正被另一个会话锁住，等了 5 秒仍未释放；请稍后再试，或请管理员查看"
                  "是谁占着锁（pg_stat_activity）",
                  "the database {target} is locked by another session and stayed locked for 5 "
                  "seconds; try again later, or ask the administrator who holds the lock "
                  "(pg_stat_activity)"),
    "db.timeout": ("数据库 {target} 上的这条命令超时了（60 秒）；改动没有保存",
                   "this command timed out on the database {target} (60 seconds); nothing was "
                   "saved"),
    "db.bad_password": ("连接 {target} 的密码不对（或这个登录名不存在）",
                        "wrong password for {target} (or no such login)"),
    "db.raw_at": ("数据库地址的密码里有 “@”：请写成 %40（{target}）",
                  "the password in the database URL holds a raw “@”: write it as %40 ({target})"),

    # --- not_found.* ------------------------------------------------------------------------------
    "not_found.round": ("没有编号为 {id} 的复核", "no round with id {id}"),
    "not_found.points_entry": ("没有编号为 {id} 的积分记录", "no points entry with id {id}"),
    "not_found.outcome": ("没有编号为 {id} 的成交结果", "no outcome with id {id}"),

    # --- input.* ----------------------------------------------------------------------------------
    "input.missing_argument": ("缺少参数 {option}", "Missing argument '{option}'."),
}
