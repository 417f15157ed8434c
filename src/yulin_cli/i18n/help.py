"""`--help` in both languages: each command's help (``help.cmd.<path>``), each option's
(``help.opt.<name>``, or ``help.cmd.<path>.<name>`` where a command means something of its own),
the words of the help layout, and the one-line answers to usage mistakes."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- the layout -------------------------------------------------------------------------
    "help.usage": ("用法：{line}", "Usage: {line}"),
    "help.options": ("选项：", "Options:"),
    "help.arguments": ("参数：", "Arguments:"),
    "help.commands": ("命令：", "Commands:"),
    "help.section.team": ("团队：中心、伙伴、积分与检查", "The team: centres, staff, points, inspections"),
    "help.section.prospects": ("客户", "Prospects"),
    "help.section.visits": ("复核与走访", "Verification and visits"),
    "help.section.reports": ("评级与报告", "Ratings and reports"),
    "help.section.guidance": ("建议与手册", "Guidance and the playbook"),
    "help.section.deals": ("直销与合作伙伴", "Direct sales and partners"),
    "help.section.data": ("数据导入导出", "Data in and out"),
    "help.section.admin": ("管理", "Administration"),
    "help.section.policies": ("团队规则的版本", "The team's policy and its versions"),
    "help.options_metavar": ("[选项]", "[OPTIONS]"),
    "help.command_metavar": ("命令 [参数]...", "COMMAND [ARGS]..."),
    "help.help": ("显示本帮助。", "Show this message and exit."),
    "help.required": ("（必填）", "[required]"),
    "help.env": ("（也可用环境变量 {name}）", "[env var: {name}]"),
    "help.type.text": ("文本", "TEXT"),
    "help.type.integer": ("整数", "INTEGER"),
    "help.type.path": ("路径", "PATH"),
    "help.metavar.date": ("日期", "DATE"),
    "help.metavar.found_on": ("日期", "DATE"),
    "help.metavar.found_from": ("日期", "DATE"),
    "help.metavar.found_to": ("日期", "DATE"),
    "help.metavar.date_from": ("日期", "DATE"),
    "help.metavar.date_to": ("日期", "DATE"),
    "help.metavar.start": ("日期", "DATE"),
    "help.metavar.deal_value": ("金额", "MONEY"),
    "help.metavar.vendor_share": ("金额", "MONEY"),
    "help.metavar.by": ("伙伴", "STAFF"),
    "help.metavar.visitor": ("伙伴", "STAFF"),
    "help.metavar.sourced_by": ("伙伴", "STAFF"),
    "help.metavar.center": ("中心", "CENTRE"),
    "help.metavar.db": ("文件或地址", "FILE|URL"),
    "help.metavar.policy": ("文件", "FILE"),
    "help.metavar.lang": ("zh|en", "zh|en"),
    "help.metavar.output": ("文件", "FILE"),
    "help.metavar.items": ("题号", "ITEMS"),
    "help.arg.ID": ("编号", "ID"),
    "help.arg.NAME": ("名字", "NAME"),
    "help.arg.STAFF": ("伙伴", "STAFF"),
    "help.arg.DELTA": ("分数", "DELTA"),
    "help.arg.VISIT_ID": ("走访编号", "VISIT_ID"),
    "help.arg.FILE": ("文件", "FILE"),
    "help.arg.DEST": ("目标文件", "DEST"),
    "help.arg.PATH": ("路径", "PATH"),
    "help.arg.TOPIC": ("主题", "TOPIC"),
    "help.arg.KEEP": ("保留的编号", "KEEP"),
    "help.arg.DROP": ("并入的编号", "DROP"),
    "help.arg.PROSPECT_ID": ("编号", "ID"),
    "help.arg.PROJECT_ID": ("编号", "ID"),
    # --- usage mistakes -----------------------------------------------------------------------
    "usage.no_such_option": ("没有选项 {option}", "No such option: {option}"),
    "usage.no_such_option_near": ("没有选项 {option}；是不是 {near}？",
                                  "No such option: {option}. Did you mean {near}?"),
    "usage.no_such_command": ("没有命令 {command}；yulin --help 列出全部命令",
                              "No such command '{command}'; yulin --help lists them all"),
    "usage.no_such_command_near": ("没有命令 {command}；是不是 {near}？",
                                   "No such command '{command}'. Did you mean '{near}'?"),
    "usage.needs_value": ("{option} 后面要跟一个值", "Option '{option}' requires an argument."),
    "usage.extra_argument": ("多余的参数：{value}", "Got unexpected extra argument ({value})"),
    "usage.missing_command": ("缺少命令；yulin --help 列出全部命令",
                              "Missing command; yulin --help lists them all"),
    "usage.bad": ("用法不对：{detail}", "Usage mistake: {detail}"),
    "usage.bad_value": ("{option} 的值无效：{why}", "Invalid value for '{option}': {why}"),
    "usage.invalid": ("不是可以接受的值", "not an accepted value"),
    "usage.not_integer": ("{option} 须为整数", "Invalid value for '{option}': not a whole number"),
    "usage.out_of_range": ("{option} 须在 {low} 到 {high} 之间",
                           "Invalid value for '{option}': must be between {low} and {high}"),
    "usage.choose": ("“{value}” 不是可选的值；可选：{choices}",
                     "'{value}' is not one of: {choices}"),
    # --- the root and its groups --------------------------------------------------------------
    "help.cmd.root": ("按育林中心的手册管理开拓团队：客户、复核、走访、星级、积分与报告。"
                      "每个结论都写明依据的规则和手册条款。",
                      "Run a Yulin-centre prospecting team by its field manual: prospects, "
                      "verification, visits, stars, points and reports. Every verdict names the "
                      "rule and the manual's clause it comes from."),
    "help.opt.db": ("SQLite 文件，或数据库地址（如 postgresql+psycopg://...）。",
                    "A SQLite file, or a database URL (such as postgresql+psycopg://...)."),
    "help.opt.policy": ("覆盖默认策略的 TOML 文件（也可用环境变量 YULIN_POLICY）。",
                        "A TOML file overriding the policy defaults (or YULIN_POLICY)."),
    "help.opt.lang": ("界面语言：zh（中文）或 en（英文）。", "Language of human text: zh or en."),
    "help.opt.version": ("显示版本号。", "Show the version."),
    "help.opt.install_completion": ("为当前的终端安装命令补全。",
                                    "Install completion for the current shell."),
    "help.opt.show_completion": ("显示当前终端的命令补全脚本，可自行安装。",
                                 "Show completion for the current shell, to copy it or "
                                 "customize the installation."),
    "help.cmd.center": ("服务中心：添加、列出。", "Service centres: add and list them."),
    "help.cmd.staff": ("伙伴与角色：添加、列出、修改。", "Staff and their roles: add, list, change."),
    "help.cmd.policy": ("团队的规则：查看、历次版本、设定新版本、假设推演、生成规则文件。",
                        "The team's policy: show it, its versions, set a new one, simulate a "
                        "candidate, write a policy file."),
    "help.cmd.direct-sales": ("直销分公司的项目（Q11）：记录、协商结果、列出。",
                              "Direct-sales branch projects (Q11): record, settle, list."),
    # --- options many commands share ------------------------------------------------------------
    "help.opt.json_output": ("输出一个 JSON 文档（键名为英文，不随语言变化）。",
                             "Print one JSON document (keys in English, whatever the language)."),
    "help.opt.prospect_id": ("客户编号。", "Prospect id."),
    "help.opt.date": ("日期，如 2026-10-19（默认今天）。", "The day, e.g. 2026-10-19 (default today)."),
    "help.opt.note": ("备注，自由填写。", "A note, free text."),
    "help.opt.center": ("只看这个服务中心。", "One centre only."),
    "help.opt.force": ("即使重复也照样保存，并记下它与哪家客户重复。",
                       "Store it even so, recording which prospect it duplicates."),
    "help.opt.by": ("经办的伙伴。", "Who did it."),
    "help.opt.visitor": ("走访的伙伴。", "Who visits."),
    # --- the team -------------------------------------------------------------------------------
    "help.cmd.center.add": ("添加服务中心及其负责的城市。", "Add a service centre and the city it covers."),
    "help.cmd.center.add.name": ("服务中心名称。", "The centre's name."),
    "help.cmd.center.add.city": ("它负责的城市。", "The city it is responsible for."),
    "help.cmd.center.list": ("列出服务中心。", "List the service centres."),
    "help.cmd.staff.add": ("添加伙伴，可有多个角色。", "Add a staff member with one or more roles."),
    "help.opt.name": ("伙伴的名字。", "The person's name."),
    "help.cmd.staff.add.center": ("所属服务中心。", "Their centre."),
    "help.opt.since": ("开始做开拓的日期：每日任务从这天算起（默认今天）。",
                       "The day they began as a prospector: the quota counts from it (default "
                       "today)."),
    "help.cmd.staff.add.role": ("角色；可重复给出多个。", "A role; repeat for several."),
    "help.cmd.staff.add.industry": ("负责开拓的行业；可重复给出多个。",
                                    "An industry they call; repeat for several."),
    "help.cmd.staff.list": ("列出伙伴及其中心、角色和行业。",
                            "List the staff with their centre, roles and industries."),
    "help.cmd.staff.update": ("修改伙伴的中心、角色或行业（Q8：谁负责哪个行业）。",
                              "Change a person's centre, roles or industries (Q8: who calls "
                              "which industry)."),
    "help.cmd.staff.update.center": ("调到这个服务中心。", "Move to this centre."),
    "help.cmd.staff.update.role": ("新的角色（替换原有）；可重复给出多个。",
                                   "Replace the roles; repeat for several."),
    "help.cmd.staff.update.industry": ("新的行业（替换原有）；可重复给出多个。",
                                       "Replace the industries; repeat for several."),
    "help.opt.clear_industries": ("去掉全部行业。", "Remove every industry."),
    "help.cmd.points": ("每个人的积分合计，或某人的积分明细（每条之后的累计）。",
                        "Everyone's total, or one person's ledger with the running total after "
                        "each entry."),
    "help.cmd.points.staff": ("只看这个人的明细。", "One person's ledger."),
    "help.cmd.adjust-points": ("分管领导手工调整积分（其他人：退出码 1）；积分明细只追加，不修改已有记录。",
                               "A manual adjustment by a manager (anyone else: exit 1). The "
                               "ledger is only added to."),
    "help.cmd.adjust-points.staff": ("调整谁的积分。", "Whose points."),
    "help.cmd.adjust-points.delta": ("加多少分；负数为扣分。", "Points to add; negative to take away."),
    "help.cmd.adjust-points.reason": ("调整的理由，记入明细。", "Why; kept in the ledger."),
    "help.cmd.adjust-points.by": ("做调整的分管领导。", "The manager making it."),
    "help.cmd.inspect": ("分管领导回答一次走访的问题（Q15）。不达标的结论成立吗：维持，或推翻（退回"
                         "开拓人被扣的分）？走访属实吗：属实（清除照片提醒），或不实（走访无效、"
                         "走访人被扣分，这次走访带来的加减分全部退回）？",
                         "Answer a manager's question about a visit (Q15). Does its substandard "
                         "finding hold: upheld, or overturned (the finder's points come back)? "
                         "Did it happen as recorded: proven (the photo flags clear), or "
                         "unproven (not effective, the visitor is fined, and what it earned or "
                         "cost is given back)?"),
    "help.cmd.inspect.visit_id": ("要检查的走访编号。", "The visit to settle."),
    "help.cmd.inspect.by": ("做检查的分管领导。", "The manager who checked."),
    "help.cmd.inspect.verdict": ("回答：维持、推翻（不达标的结论），属实、不实（走访是否发生）。",
                                 "The answer: upheld|overturned (a finding), proven|unproven "
                                 "(whether the visit happened)."),
    "help.cmd.inspect.question": ("回答哪一个问题（一次走访两个问题都待答时）。",
                                  "Which open question (when a visit has both)."),
    "help.cmd.inspect.note": ("检查发现了什么。", "What the check found."),
    "help.cmd.industries": ("本中心的主要行业（按客户数），以及各由谁负责（Q8）。",
                            "The centre's main industries by prospect count, and who calls each "
                            "(Q8)."),
    # --- prospects ------------------------------------------------------------------------------
    "help.cmd.add-prospect": ("添加潜在客户；不在负责城市（Q6）或与已有客户重复（Q8）时拒绝。",
                              "Add a prospect; refused when out of territory (Q6) or a "
                              "duplicate (Q8)."),
    "help.cmd.update-prospect": ("修改客户的信息；只改给出的选项，每项改动都记入改动记录"
                                 "（show --history）。",
                                 "Change the facts of a prospect; only the options given change, "
                                 "each recorded in its history (show --history)."),
    "help.cmd.update-prospect.by": ("谁改的（团队模式下默认是自己）。",
                                    "Who changed it (team mode: you, by default)."),
    "help.cmd.update-prospect.date": ("改动生效的日期（默认今天）。",
                                      "The day the change took effect (default today)."),
    "help.cmd.show.history": ("同时列出资料的每一次改动。", "Also list every change of its facts."),
    "help.opt.company": ("公司名称。", "Company name."),
    "help.opt.city": ("城市；须是服务中心负责的城市。", "City; must be the centre's city."),
    "help.opt.sourced_by": ("找到这家公司的伙伴（开拓人）。", "Who found it (its source)."),
    "help.opt.district": ("区县。", "District or county."),
    "help.opt.suburban": ("是否远郊。", "Suburban or not."),
    "help.opt.address": ("详细地址。", "Exact address."),
    "help.opt.industry": ("行业。", "Industry."),
    "help.opt.ownership": ("企业性质（默认民营）。", "Ownership (default private)."),
    "help.opt.employees": ("员工人数。", "Number of employees."),
    "help.opt.pcs": ("电脑台数。", "Number of PCs."),
    "help.opt.contact_surname": ("信息化接口人的姓氏。", "The IT contact's surname."),
    "help.opt.landline": ("接口人的座机；本地号码可省略区号。",
                          "The IT contact's landline; a local number may leave out the area "
                          "code."),
    "help.opt.mobile": ("接口人的手机。", "The IT contact's mobile."),
    "help.opt.email": ("接口人的邮箱。", "The IT contact's email."),
    "help.opt.qq": ("接口人的 QQ 号。", "The IT contact's QQ number."),
    "help.opt.found_on": ("找到这家公司的日期（默认今天）。", "Day it was found (default today)."),
    "help.opt.deal_value": ("预计金额（元），可写 25万、25.5万、二十五万、25w、25k、250,000。",
                            "Estimated deal in yuan; 25万, 25.5万, 二十五万, 25w, 25k and "
                            "250,000 are accepted."),
    "help.opt.need": ("需求。", "Need for the product."),
    "help.opt.yulin_interest": ("对育林计划的兴趣。", "Interest in the Yulin plan."),
    "help.opt.platform_interest": ("是否对精确管理平台感兴趣。",
                                   "Interested in the precise management platform or not."),
    "help.opt.has_oa": ("是否已有 OA 系统。", "Already runs an OA system or not."),
    "help.opt.erp_need": ("是否有明确的 ERP 需求。", "An explicit ERP need or not."),
    "help.opt.in_selection": ("是否正在选型（红海）。", "Running a vendor selection (red sea) or not."),
    "help.opt.existing_customer": ("是否 IOAS 老客户。", "An existing IOAS customer or not."),
    "help.opt.partner": ("项目上的代理商或合作伙伴。", "Agent or partner on the project."),
    "help.opt.credit_code": ("统一社会信用代码，18 位。", "Unified social credit code (统一社会信用代码), "
                             "18 characters."),
    "help.opt.location": ("公司的位置：WGS-84 经纬度（与手机 GPS 相同），如 31.2983,120.5831。",
                          "Where the company is, WGS-84 degrees (as phone GPS), e.g. "
                          "31.2983,120.5831."),
    "help.metavar.location": ("纬度,经度", "LAT,LNG"),
    "help.metavar.credit_code": ("代码", "CODE"),
    "help.opt.vendor_share": ("合作项目中我方的分成（元）。", "Our share of a partner deal, in yuan."),
    "help.cmd.update-prospect.force": ("改后与别家重复也照样保存，并记下与哪家重复。",
                                       "Save the change even if it makes a duplicate, "
                                       "recording which prospect it duplicates."),
    "help.cmd.update-prospect.ownership": ("企业性质。", "Ownership."),
    "help.cmd.update-prospect.found_on": ("找到这家公司的日期。", "Day it was found."),
    # add-prospect checks these itself (one message for a missing one, in any language), so
    # Click does not know they are required: say so here.
    "help.cmd.add-prospect.company": ("公司名称（必填）。", "Company name. [required]"),
    "help.cmd.add-prospect.city": ("城市；须是服务中心负责的城市（必填）。",
                                   "City; must be the centre's city. [required]"),
    "help.cmd.add-prospect.sourced_by": ("找到这家公司的伙伴（开拓人）（必填）。",
                                         "Who found it (its source). [required]"),
    "help.cmd.show": ("一家客户的全部：信息、复核、走访、走访条件和评级。",
                      "Everything about one prospect: facts, rounds, visits, readiness and "
                      "rating."),
    "help.cmd.list": ("列出客户及其星级；筛选条件可以组合。",
                      "List prospects with their stars; filters combine."),
    "help.cmd.list.city": ("只看这个城市。", "This city only."),
    "help.cmd.list.sourced_by": ("只看这个开拓人找到的。", "Found by this person only."),
    "help.cmd.list.found_from": ("这天或之后找到的。", "Found on or after this day."),
    "help.cmd.list.found_to": ("这天或之前找到的。", "Found on or before this day."),
    "help.cmd.list.district": ("只看这个区县。", "This district only."),
    "help.cmd.list.industry": ("只看这个行业。", "This industry only."),
    "help.cmd.list.suburban": ("只看远郊（或只看非远郊）。", "Suburban only (or not suburban only)."),
    "help.cmd.list.min_stars": ("至少这么多星。", "At least this many stars."),
    "help.opt.limit": ("最多显示多少条（默认 50）；--json 总是全部。",
                       "How many to show (default 50); --json always has them all."),
    # --- verification and visits ----------------------------------------------------------------
    "help.cmd.verify": ("记录一轮复核（Q1）；只有开拓人本人确认属实的复核才算数。",
                        "Record one verification round (Q1); only the finder's confirmed rounds "
                        "count."),
    "help.cmd.verify.by": ("打这个电话的伙伴。", "Who made the call."),
    "help.opt.pretext": ("电话里用的身份。", "Role played on the call."),
    "help.opt.result": ("信息是否属实。", "Did the facts hold?"),
    "help.cmd.verify.address": ("这轮确认了详细地址。", "This round confirmed the exact address."),
    "help.opt.scale": ("这轮通过地址核实了规模。", "This round checked the scale through the address."),
    "help.opt.photo": ("走访时拍的照片（JPEG、PNG），可重复给出多张。照片文件不动，只记下路径、指纹、"
                       "大小、拍摄日期和 GPS 位置。",
                       "A photo taken at the visit (JPEG, PNG); repeat for several. The file "
                       "stays put; its path, hash, size, date and GPS are recorded."),
    "help.metavar.photo": ("文件", "FILE"),
    "help.cmd.check-visit": ("这家客户现在能不能走访？能：退出码 0，不能：1（Q2）。",
                             "May this prospect be visited? Exit 0 when ready, 1 when not (Q2)."),
    "help.cmd.check-visit.date": ("按这一天为止的记录判断（默认今天）。",
                                  "Judge as of this day (default today)."),
    "help.cmd.plan-visit": ("安排走访；当天还不能走访时拒绝。",
                            "Schedule a visit; refused unless the prospect is ready as of that "
                            "day."),
    "help.cmd.plan-visit.date": ("走访日期（默认今天）。", "The day of the visit (default today)."),
    "help.cmd.log-visit": ("记录一次走访：是否有效（Q7）、积分与通报（Q1、Q12）、提醒（Q2、Q15）。",
                           "Record a visit: effectiveness (Q7), points and notices (Q1, Q12), "
                           "flags (Q2, Q15)."),
    "help.cmd.log-visit.by": ("去走访的伙伴。", "Who went."),
    "help.cmd.log-visit.outcome": ("走访结果。", "What happened."),
    "help.opt.kind": ("走访类型。", "The kind of visit."),
    "help.opt.items": ("拿到的问卷题号，如 1-5,2-2,2-3。", "Survey items captured, e.g. 1-5,2-2,2-3."),
    "help.cmd.log-visit.landline": ("拿到了接口人的座机。", "Got the contact's landline."),
    "help.cmd.log-visit.email": ("拿到了接口人的邮箱。", "Got the contact's email."),
    "help.cmd.log-visit.mobile": ("拿到了接口人的手机。", "Got the contact's mobile."),
    "help.cmd.log-visit.qq": ("拿到了接口人的 QQ。", "Got the contact's QQ number."),
    "help.opt.landline_number": ("座机号码本身，存到客户信息里。",
                                 "The landline itself; saved on the prospect."),
    "help.opt.email_address": ("邮箱本身，存到客户信息里。", "The email itself; saved on the prospect."),
    "help.opt.mobile_number": ("手机号本身，存到客户信息里。",
                               "The mobile itself; saved on the prospect."),
    "help.opt.qq_number": ("QQ 号本身，存到客户信息里。", "The QQ number itself; saved on the prospect."),
    "help.cmd.redsea": ("判断正在选型的客户（Q18）：纯洁、待化验或不纯洁。"
                        "给出的信号累加记录（注明日期和谁看到的）；--clear 撤回全部信号；"
                        "都不给则只显示记录的判断。",
                        "Judge a prospect in a vendor selection (Q18): pure, doubtful or impure. "
                        "Signal flags add to the standing signals, dated and attributed; "
                        "--clear withdraws them; with neither, the recorded verdict is shown."),
    "help.cmd.redsea.by": ("谁看到的（团队模式下默认是自己）。", "Who saw it (team mode: you, by "
                           "default)."),
    "help.cmd.redsea.date": ("看到信号的日期（默认今天）。", "The day it was seen (default today)."),
    "help.opt.competitor_features": ("选型负责人总问友商的功能我们能不能做。",
                                     "They keep asking whether we match a competitor."),
    "help.opt.stale_project": ("项目很早就启动了，却从没找过我们。",
                               "The project started long ago and they never called us."),
    "help.opt.excluded_us": ("知道我们，选型却不让我们参加。", "They know us but left us out."),
    "help.opt.cold": ("电话不接、不见面、不吃饭，始终很冷。", "No answer, no meeting, no meal."),
    "help.opt.clear": ("去掉记录的信号（仍算在选型中）。",
                       "Remove the recorded signals (it stays in its selection)."),
    "help.cmd.route": ("把可以走访的远郊客户按区县排成一两天的路线（Q6）；加 --plan 直接安排。",
                       "Group ready suburban prospects by district into short trips (Q6); "
                       "--plan books them."),
    "help.opt.start": ("第一天（默认今天）。", "First day (default today)."),
    "help.cmd.route.visitor": ("跑路线的伙伴。", "Who travels."),
    "help.opt.plan": ("把路线直接安排为计划走访。", "Schedule the trips as planned visits."),
    # --- ratings and reports --------------------------------------------------------------------
    "help.cmd.rate": ("评 1-5 星：理由、怎样升一级、下一步动作（Q5、Q13）。",
                      "Stars 1-5 with the reasons, what would lift them, and next actions (Q5, "
                      "Q13)."),
    "help.opt.all_": ("所有客户，从好到差。", "Every prospect, best first."),
    "help.cmd.daily-report": ("每个人当天的任务完成情况、通报，以及需要分管领导处理的事。",
                              "Each person's day against the quota, the notice board and what "
                              "needs a manager."),
    "help.cmd.manager": ("分管领导现在做什么：五星、四星立即接手，没有就走访老客户推升级（Q13）。",
                         "What managers do now: 5 and 4 stars at once, or else upgrade visits "
                         "(Q13)."),
    "help.cmd.notices": ("通报：表扬与批评，以及各自依据的规则和客户。",
                         "The notice board: praise and criticism, with the rule and prospect "
                         "behind each."),
    "help.opt.date_from": ("从这一天起。", "First day."),
    "help.opt.date_to": ("到这一天为止（默认今天）。", "Last day (default today)."),
    "help.cmd.summary": ("一段时间的概况：这段时间找到的客户走到了哪一步（找到、优质、复核、"
                         "就绪、走访、有效、四五星），每个开拓人完成每日任务的天数，每个走访人"
                         "的有效走访，以及积分。",
                         "A period at a glance: the funnel of the prospects found in it (found, "
                         "quality, verified, ready, visited, effective, 4-5 stars), each "
                         "prospector's days against the quota, each visitor's effective visits, "
                         "and points."),
    "help.cmd.summary.date_to": ("到这一天为止。", "Last day."),
    "help.opt.save": ("把报告另存为文件：HTML 网页、SVG 图片或 Excel 表格（按扩展名）。",
                      "Also write the report to FILE.html, FILE.svg or FILE.xlsx."),
    "help.cmd.attention": ("所有需要有人处理的事：谁来处理、用哪条命令；--json 包含全部条目。",
                           "Everything that needs someone's attention, with who acts and the "
                           "command that settles it; --json holds every item."),
    "help.cmd.attention.rule": ("只看一种规则：不达标、走访凭证、走访条件、被拒、重复或分管领导。",
                                "One rule only: substandard, proof, readiness, refusal, "
                                "duplicate, managers."),
    "help.cmd.attention.all_": ("全部列出，不分屏。", "Every item, not one screen."),
    "help.cmd.agenda": ("走访人的一天：按区县列出计划走访，每家的地址、接口人、当天是否就绪、"
                        "有效走访还要问到什么，以及怎么开场（Q2、Q7、Q16）。",
                        "A visitor's day: the planned visits by district, each with its address, "
                        "contact, readiness as of that day, what to capture for an effective "
                        "visit and how to open (Q2, Q7, Q16)."),
    "help.opt.ics": ("同时把这些走访写成日历文件（iCalendar）。",
                     "Also write the visits as an iCalendar file."),
    # --- guidance -------------------------------------------------------------------------------
    "help.cmd.advise": ("这家客户适用的建议，每条写明规则和条款。",
                        "The guidance that applies to this prospect, each with its rule and "
                        "clause."),
    "help.cmd.playbook": ("浏览手册 Q1-Q18（我们自己的话，中英文）。",
                          "Browse the playbook, Q1-Q18, in our own words (zh and en)."),
    "help.opt.topic": ("一个条款（如 q5 或 5）或规则名（如 星级、红海）。",
                       "A clause (q5 or 5) or a rule id (stars, redsea)."),
    "help.opt.search": ("包含这个词的主题。", "Topics containing a word."),
    # --- deals ----------------------------------------------------------------------------------
    "help.cmd.partners": ("合作伙伴的项目：已投入多少，对比我方分成，标出投入大收益小的（Q10）。",
                          "Partner projects: effort so far against our share, flagging the "
                          "costly ones (Q10)."),
    "help.cmd.direct-sales.add": ("记录直销分公司在跟的项目；同一家客户的走访条件会多一项检查。",
                                  "Record a project of the direct-sales branch; matching "
                                  "prospects get a check."),
    "help.cmd.direct-sales.add.company": ("直销在跟的公司。", "The company the branch pursues."),
    "help.cmd.direct-sales.add.city": ("有直销分公司的城市。", "A city with a direct-sales branch."),
    "help.opt.contact": ("直销那边的接口人。", "The branch's contact person."),
    "help.cmd.direct-sales.settle": ("记录同一接口人的协商结果：合作，或一方退出（分管领导）。",
                                     "Record how a shared contact was settled: cooperate, or "
                                     "one side withdraws (managers)."),
    "help.cmd.direct-sales.settle.by": ("做决定的分管领导。", "The manager who settled it."),
    "help.opt.project_id": ("直销项目编号。", "Direct-sales project id."),
    "help.cmd.direct-sales.settle.outcome": ("协商的结果。", "How it was settled."),
    "help.cmd.direct-sales.list": ("列出直销项目。", "List the direct-sales projects."),
    # --- data in and out ------------------------------------------------------------------------
    "help.cmd.import": ("导入表格，默认要么全部导入、要么一行不写：每个错误都写明行、列和原因。",
                        "Import rows, all or nothing by default: every bad row listed by row, "
                        "column and reason."),
    "help.opt.file": ("CSV（UTF-8 或 GBK）或 XLSX 文件。", "A CSV (UTF-8 or GBK) or XLSX file."),
    "help.cmd.import.kind": ("表格里是什么。", "What the rows are."),
    "help.opt.dry_run": ("全部检查一遍，但什么都不写。", "Check everything, write nothing."),
    "help.opt.skip_invalid": ("导入正确的行，列出其余的。", "Write the valid rows and list the rest."),
    "help.cmd.import.force": ("重复的客户也导入，标记为重复。", "Store duplicates, marked as such."),
    "help.cmd.export": ("导出为 CSV 或 XLSX，表头用当前语言（--lang）。",
                        "Export to CSV or XLSX with headers in the current language (--lang)."),
    "help.opt.what": ("导出什么。", "What to export."),
    "help.cmd.export.date": ("日报的日期（默认今天）。", "The day of a report (default today)."),
    "help.opt.fmt": ("文件格式；不写时按文件扩展名，否则为 CSV。",
                     "The file format; by default from the file's extension, else CSV."),
    "help.opt.output": ("写到这个文件（CSV 可输出到标准输出）。", "File to write (CSV may go to stdout)."),
    "help.opt.redact": ("遮住电话、邮箱和 QQ。", "Mask phones, email and QQ."),
    "help.cmd.dedupe": ("可能重复的客户：电话相同、名称相同，或名称只差一个字（Q8）。",
                        "Groups of likely duplicates: same phone, same name, or names one typo "
                        "apart (Q8)."),
    "help.opt.loose": ("也列出只是名称差一个字、别的都对不上的。",
                       "Also names one typo apart with nothing else in common."),
    "help.cmd.merge": ("先并排显示两家客户和重复的证据，确认后把并入客户的复核、走访、积分和信号"
                       "移到保留的客户；并入的客户仍保留，标记为已合并，可用 unmerge 撤销。",
                       "Show both prospects and the evidence side by side, then, once confirmed, "
                       "move DROP's rounds, visits, points and signals to KEEP; DROP is kept, "
                       "marked merged, and unmerge undoes it."),
    "help.opt.keep": ("保留的客户。", "The prospect that stays."),
    "help.opt.drop": ("并入的客户。", "The one merged into it."),
    "help.cmd.merge.by": ("做合并的分管领导。", "The manager merging them."),
    "help.cmd.merge.yes": ("不再询问直接合并；用 --json 时必须给出。",
                           "Do not ask; needed with --json."),
    "help.cmd.merge.force": ("没有重复的证据、或两家信用代码不同，也照样合并。",
                             "Merge even with no evidence they are one company, or with two "
                             "different credit codes."),
    "help.cmd.unmerge": ("撤销一次合并：并入的客户恢复独立，它原有的复核、走访、积分、通报和"
                         "信号都移回来。",
                         "Undo a merge: the prospect is live again and its own rounds, visits, "
                         "points, notices and signals move back to it."),
    "help.cmd.unmerge.drop": ("当初被并入的客户。", "The one that was merged into another."),
    "help.cmd.unmerge.by": ("撤销合并的分管领导。", "The manager undoing it."),
    # --- corrections ------------------------------------------------------------------------------
    "help.section.corrections": ("更正", "Corrections"),
    "help.section.server": ("团队模式（PostgreSQL）", "Team mode (PostgreSQL)"),
    "help.cmd.team": ("PostgreSQL 上的团队模式：角色、权限规则和登录名。",
                      "Team mode on PostgreSQL: roles, policies and logins."),
    "help.cmd.team.setup": ("建立用户组、授权和行级安全规则；升级或改了谁的角色之后再运行一次。",
                            "Create the group roles, grants and row-level security; run again "
                            "after upgrades or after changing anyone's roles."),
    "help.cmd.team.login": ("给伙伴一个数据库登录名；密码取自 YULIN_PASSWORD 或提示输入（两次），"
                            "不在命令行上出现。",
                            "Give a staff member a login; the password comes from "
                            "YULIN_PASSWORD or a prompt (twice), never the command line."),
    "help.cmd.team.login.name": ("数据库登录名（字母、数字、下划线）。", "The database login, e.g. lina."),
    "help.cmd.team.login.staff": ("这个登录名属于哪位伙伴。", "The staff member it belongs to."),
    "help.cmd.upgrade": ("把数据库结构升级到本程序的版本（只有结构的所有者可以）。",
                         "Bring the database's schema up to this yulin (the schema's owner "
                         "only)."),
    "help.cmd.copy": ("把这个数据库的每一行复制到一个空数据库（例如把笔记本上的文件搬到服务器）。",
                      "Copy every row of this database into an empty one (e.g. a laptop's file "
                      "to a server)."),
    "help.cmd.copy.to": ("一个空数据库：服务器地址或 SQLite 文件。", "An empty database: URL or SQLite "
                         "file."),
    "help.arg.LOGIN": ("登录名", "LOGIN"),
    "help.cmd.void": ("作废一条记错的复核、走访或积分：记录仍在（划掉显示），它带来的积分、"
                      "通报由新的记录退回。录入人当天可以作废自己录的复核或走访；"
                      "其余情况、积分以及已送检的走访，由分管领导作废。",
                      "Void a mistaken round, visit or points entry: it stays, struck through, "
                      "and what it earned or cost is given back by new entries. The recorder "
                      "may void a round or visit the day they typed it in; otherwise, for "
                      "points, and for a visit under inspection, a manager."),
    "help.cmd.void.what": ("哪一种记录：复核、走访、积分或成交结果。",
                           "Which kind: round, visit, points or outcome."),
    "help.arg.KIND": ("种类", "KIND"),
    "help.opt.record_id": ("记录的编号：复核编号、走访编号或积分记录编号。",
                           "Its id: round_id, visit_id or a points entry_id."),
    "help.cmd.void.by": ("作废的伙伴。", "Who voids it."),
    "help.cmd.void.reason": ("作废的原因，随记录保存。", "Why; kept with the record."),
    # --- administration -------------------------------------------------------------------------
    "help.cmd.backup": ("在别人使用时安全地复制 SQLite 数据库（PostgreSQL 请用 pg_dump）。",
                        "Copy a SQLite database safely while others use it (on PostgreSQL use "
                        "pg_dump)."),
    "help.opt.dest": ("副本写到哪里。", "Where to write the copy."),
    "help.cmd.backup.force": ("覆盖已有的文件。", "Overwrite an existing file."),
    "help.cmd.doctor": ("检查数据库（完整性、结构版本、文件权限）和规则文件；加 --recompute "
                        "时，核对存下的每个结果是否就是规则从记录重新推导出的。只读不写。",
                        "Check the database (integrity, schema version, file permissions) and "
                        "the policy; with --recompute, that every stored outcome is what the "
                        "rules derive again from the records. Only reads."),
    "help.cmd.doctor.recompute": ("按规则重新推导所有结果，列出不一致之处。",
                                  "Derive every outcome again and list what differs."),
    "help.cmd.demo": ("载入自带的示例团队，显示一天的日报和星级排名。",
                      "Load the bundled sample team and show a day's report and the star "
                      "ranking."),
    "help.cmd.demo.date": ("显示哪一天的日报。", "Sample day to report."),
    "help.cmd.policy.show": ("显示判断某一天所用的团队规则（给了 --policy 时，按该文件覆盖，"
                             "作为假设）。",
                             "Print the policy that judges a day: the team's version in force "
                             "then (with --policy, that file over it, as a what-if)."),
    "help.cmd.policy.show.at": ("哪一天（默认今天）。", "The day (default today)."),
    "help.cmd.policy.history": ("团队规则的每个版本：起始日、谁设定的、改了什么。",
                                "Every version of the team's policy: its first day, who set it "
                                "and what it changed."),
    "help.cmd.policy.set": ("从某天起执行新版本的团队规则（限分管领导）。文件中的每一项覆盖当天"
                            "执行的版本。那天及以后已有记录时，要加 --retroactive 重新判定，"
                            "并列出变化。",
                            "Set a new version of the team's policy from a day on (managers "
                            "only). The file overrides, key by key, the version in force that "
                            "day. When records are already dated on or after it, --retroactive "
                            "judges them again and says what changed."),
    "help.cmd.policy.set.path": ("一个 TOML 规则文件。", "A TOML policy file."),
    "help.cmd.policy.set.valid_from": ("起始日。", "Its first day."),
    "help.cmd.policy.set.by": ("设定的分管领导。", "The manager setting it."),
    "help.cmd.policy.set.retroactive": ("重新判定起始日以来已有的记录。",
                                        "Judge again what was recorded since its first day."),
    "help.cmd.policy.simulate": ("按候选规则重放一段时间的记录：每人在现行规则和候选规则下的积分、"
                                 "达标天数、有效走访、表扬和批评，以及星级有变化的客户。只读不写。",
                                 "Replay a period's records under a candidate policy: per "
                                 "person points, quota days, effective visits, praise and "
                                 "criticism under the policy in force and the candidate, and "
                                 "the stars that change. Only reads."),
    "help.cmd.policy.simulate.path": ("候选的 TOML 规则文件。", "A candidate TOML policy file."),
    "help.cmd.policy.simulate.date_from": ("第一天（默认 --to 那个月的 1 日）。",
                                           "First day (default the first of --to's month)."),
    "help.cmd.policy.simulate.date_to": ("最后一天（默认今天）。", "Last day (default today)."),
    "help.cmd.policy.simulate.vary": ("让一项取一串值，每个值一行，如 points.sweep=3..6。",
                                      "One row per value of one key, e.g. points.sweep=3..6."),
    "help.cmd.policy.simulate.vary.metavar": ("键=起..止[:步长]", "KEY=A..B[:STEP]"),
    "help.metavar.path": ("文件", "FILE"),
    "help.cmd.policy.init": ("写一个带说明、包含全部默认值的策略文件。",
                             "Write a commented policy file holding every default."),
    "help.opt.path": ("写到哪里。", "Where to write it."),
    "help.cmd.policy.init.force": ("覆盖已有的文件。", "Overwrite an existing file."),

    # --- team mode --------------------------------------------------------------------------------
    "help.cmd.team.logins": ("本团队的登录名：各属于谁，最后一次写入是什么时候。",
                             "The logins made for this team: whose each is, and when it last "
                             "wrote."),
    "help.cmd.team.logout": ("把一个登录名从它的主人那里收回：它离开团队的角色组和这个数据库。",
                             "Take a login away from its person: it leaves the team's groups and "
                             "this database."),
    "help.cmd.team.logout.name": ("要收回的登录名。", "The login to take away."),
    "help.cmd.team.logout.disable": ("同时让它在整个服务器上都不能再登录（已离职的人）。",
                                     "Also stop it logging in anywhere (someone who left)."),

    # --- long lists -------------------------------------------------------------------------------
    "help.opt.every": ("全部显示，不只一屏。", "Show every row, not one screen."),

    # --- deals' outcomes, calibration, find, todo, follow-ups -------------------------------------
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

    # --- typed input ------------------------------------------------------------------------------
    "help.metavar.employees": ("人数", "COUNT"),
    "help.metavar.pcs": ("台数", "COUNT"),

    # --- likely duplicates and distinct -----------------------------------------------------------
    "help.cmd.distinct": ("记下两家名称相近的客户确是不同的公司（只限分管领导），今后不再提示"
                          "它们可能重复（Q8）。",
                          "Record that two look-alike prospects are different companies "
                          "(managers only): they are no longer offered as likely duplicates "
                          "(Q8)."),
    "help.cmd.distinct.first": ("一家客户。", "One prospect."),
    "help.cmd.distinct.second": ("另一家客户。", "The other."),
    "help.cmd.distinct.by": ("做这个判断的分管领导。", "The manager who decides."),
    "help.cmd.attention.kind": ("只看一类事项：待检查、未就绪、被拒、行业、可能重复、接手；"
                                "日报里“还有 N 条”后面给出的命令已经写好。",
                                "One kind only: inspect, unready, refused, industry, "
                                "likely-duplicate, take-over."),
    "help.cmd.attention.skip": ("跳过前 N 条（日报里已经列出的）。",
                                "Leave out the first N items (those a report already showed)."),

    # --- notify and the whole-team workbook -------------------------------------------------------
    "help.section.notify": ("发到团队群", "To the team's group chat"),
    "help.cmd.notify": ("把一份报告发到团队群：企业微信或钉钉的群机器人。地址和密钥只从环境变量读"
                        "（YULIN_WECOM_WEBHOOK、YULIN_DINGTALK_WEBHOOK、YULIN_DINGTALK_SECRET），"
                        "从不保存、从不显示；没发出去的消息留在发件箱，下次运行时重发。",
                        "Send a report to the team's group chat: a 企业微信 (WeCom) or 钉钉 "
                        "(DingTalk) robot. The webhook and secret come from the environment "
                        "(YULIN_WECOM_WEBHOOK, YULIN_DINGTALK_WEBHOOK, YULIN_DINGTALK_SECRET), "
                        "never stored or shown; messages not sent stay in the outbox and are "
                        "sent again on the next run."),
    "help.cmd.notify.report": ("哪份报告：日报、待关注或汇总。",
                               "Which report: daily-report, attention or summary."),
    "help.arg.REPORT": ("报告", "REPORT"),
    "help.cmd.notify.to": ("发到哪里：企业微信或钉钉。",
                           "Where to: wecom (企业微信) or dingtalk (钉钉)."),
    "help.cmd.notify.date": ("报告的日期；汇总到这一天为止（默认今天）。",
                             "The report's day; a summary ends on it (default today)."),
    "help.cmd.notify.date_from": ("汇总的第一天（默认往前七天）。",
                                  "A summary's first day (default six days before --date)."),
    "help.cmd.notify.dry_run": ("只显示要发出的消息，不发送，也不写发件箱。",
                                "Show the messages, send nothing, keep nothing."),

    # --- usage.* ----------------------------------------------------------------------------------
    "usage.flag_given_value": ("{option} 只表示“拿到了”，后面不跟值；要记下 {value}，"
                               "请写 {instead} {value}",
                               "{option} only says it was got and takes no value; to record "
                               "{value}, write {instead} {value}"),
}
