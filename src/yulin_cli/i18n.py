"""The message catalogue: every human sentence, in Chinese and English, under one key.

JSON keys and enum values are never translated; only these texts are. Wording is ours: the field
manual is paraphrased, never quoted.
"""

from __future__ import annotations

import os

LANGS = ("zh", "en")
_lang = "en"

# key -> (zh, en). Parameters use str.format names.
MESSAGES: dict[str, tuple[str, str]] = {
    # --- errors -------------------------------------------------------------------------
    "error": ("错误", "Error"),
    "bad.lang": ("不认识的语言 “{value}”；可选：{langs}", "unknown language “{value}”; choose one "
                 "of: {langs}"),
    "policy.missing": ("找不到策略文件 {path}", "policy file {path} not found"),
    "policy.unreadable": ("无法读取策略文件 {path}：{error}", "cannot read policy file {path}: {error}"),
    "policy.bad_key": ("策略文件 {path} 中的键 {key} 无效：{error}",
                       "policy file {path}: bad key {key}: {error}"),
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
    "bad.empty": ("不能为空", "cannot be empty"),
    "bad.date": ("日期须为 YYYY-MM-DD", "a date must be YYYY-MM-DD"),
    "bad.money": ("金额须为非负整数元，可写 15万 或 15w",
                  "money must be whole yuan >= 0; 15万 and 15w are accepted"),
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
    "role.not_visitor": ("{name} 没有走访角色", "{name} does not have the visitor role"),
    "refuse.territory": ("拒绝：{city} 不在 {center_city} 服务中心的负责城市内（Q6）",
                         "refused: {city} is outside the centre's city {center_city} (Q6)"),
    "refuse.duplicate": ("拒绝：与客户 #{id} 重复（{why}）；确属不同公司可加 --force",
                         "refused: duplicate of prospect #{id} ({why}); use --force if it is "
                         "really another company"),
    "refuse.not_ready": ("拒绝：客户 #{id} 还不能走访，未通过：{failing}",
                         "refused: prospect #{id} is not ready to visit; failing: {failing}"),
    "refuse.merged": ("客户 #{id} 已合并到 #{into}", "prospect #{id} was merged into #{into}"),
    "dup.phone": ("电话相同", "same phone"),
    "dup.name": ("公司名相同", "same company name"),
    "demo.not_empty": ("数据库 {target} 已有其他数据；请用 --db 指定一个新文件",
                       "database {target} already holds other data; give --db a new file"),
    # --- readiness (Q1, Q2, Q6, Q17, Q18) -------------------------------------------------
    "standard.ok": ("规模达标：{employees} 人，{pcs} 台电脑",
                    "meets the standard: {employees} employees, {pcs} PCs"),
    "standard.unknown": ("规模未知（员工 {employees}，电脑 {pcs}），未知按不达标算",
                         "scale unknown (employees {employees}, PCs {pcs}); unknown does not "
                         "meet the standard"),
    "standard.below": ("规模不达标：{employees} 人，{pcs} 台电脑（要求 ≥{min_employees} 人且 "
                       "≥{min_pcs} 台）", "below the standard: {employees} employees, {pcs} PCs "
                       "(needs >= {min_employees} and >= {min_pcs})"),
    "standard.fix": ("核实员工人数和电脑台数，用 update-prospect --employees --pcs 记录",
                     "find out employees and PCs; record them with update-prospect "
                     "--employees --pcs"),
    "standard.found_substandard": ("走访已发现不达标（{employees} 人，{pcs} 台电脑是记录的数字）",
                                   "a visit found it below the standard (the recorded "
                                   "{employees} employees, {pcs} PCs are outdated)"),
    "standard.fix_found_substandard": ("更正规模，或请分管领导检查后推翻这个结论：yulin inspect",
                                       "correct the scale, or have a manager overturn the "
                                       "finding: yulin inspect"),
    "standard.fix_below": ("不是优质客户，不要安排走访", "not a quality customer: do not plan "
                           "a visit"),
    "verification.ok": ("开拓人已复核 {rounds} 轮，用了 {pretexts} 种身份",
                        "the source re-verified it {rounds} times under {pretexts} pretexts"),
    "verification.too_few": ("开拓人只复核了 {rounds} 轮（需要 {min_rounds} 轮；他人复核 {others} "
                             "轮不算）", "the source re-verified it {rounds} times (needs "
                             "{min_rounds}; {others} rounds by others do not count)"),
    "verification.same_pretext": ("复核只用了 {pretexts} 种身份（需要 {min_pretexts} 种）",
                                  "rounds used {pretexts} pretexts (needs {min_pretexts})"),
    "verification.contradicted": ("最近一轮复核与已知信息不符", "the latest round contradicted "
                                  "the facts"),
    "verification.fix": ("开拓人用不同身份（采购、应聘、会议邀请、前台）再复核：yulin verify",
                         "the source re-verifies under other pretexts (buyer, applicant, "
                         "invitation, front desk): yulin verify"),
    "verification.fix_pretext": ("换一种身份再复核一轮", "verify once more under another pretext"),
    "verification.fix_contra": ("更正客户信息后重新复核", "correct the facts, then verify again"),
    "address.ok": ("地址已核实，并据此核实了规模：{address}",
                   "address verified and scale checked through it: {address}"),
    "address.none": ("没有记录详细地址", "no exact address recorded"),
    "address.fix_none": ("记录详细地址：update-prospect --address", "record the exact address: "
                         "update-prospect --address"),
    "address.unverified": ("地址尚未在复核中确认", "no verification round confirmed the address"),
    "address.fix": ("复核时确认地址：verify --address", "confirm it in a round: verify --address"),
    "address.no_scale": ("还没有通过地址核实规模", "the scale was not checked through the address"),
    "address.changed": ("地址改过了，复核确认的是旧地址", "the address changed after the round that "
                        "confirmed it; the new one is unconfirmed"),
    "address.scale_changed": ("地址或规模改过了，还没有按现在的记录通过地址核实规模",
                              "the address or the scale changed after it was checked; the scale "
                              "now recorded is unchecked"),
    "address.fix_scale": ("复核时通过地址核实规模：verify --scale", "check the scale through the "
                          "address in a round: verify --scale"),
    "contact.ok": ("已知信息化接口人：{who}", "IT contact known: {who}"),
    "contact.none": ("不知道信息化接口人的姓氏或座机，上门容易被拒",
                     "neither the IT contact's surname nor landline is known; visits without "
                     "them get turned away"),
    "contact.fix": ("通过前台、应聘或会议邀请问到接口人：update-prospect --contact-surname/--landline",
                    "ask the front desk, or use an applicant or invitation pretext: "
                    "update-prospect --contact-surname/--landline"),
    "territory.ok": ("在负责城市 {city} 内", "inside the centre's city {city}"),
    "territory.suburban": ("{city} 远郊客户：要走访，不能只打电话；集中 1-2 天跑完",
                           "suburban {city} prospect: visit in person, never phone only; group "
                           "such visits into 1-2 days"),
    "territory.outside": ("{city} 不在服务中心负责城市 {center_city}", "{city} is outside the "
                          "centre's city {center_city}"),
    "territory.fix": ("外地客户不做", "do not pursue out-of-city prospects"),
    "territory.no_center": ("开拓人没有所属服务中心", "the source belongs to no centre"),
    "territory.fix_center": ("先把开拓人加入服务中心", "add the source to a centre first"),
    "redsea.not_in_selection": ("不在选型中", "not in a vendor selection"),
    "redsea.pure": ("在选型中，未见友商信号：纯洁，可以跟进",
                    "in a selection with no competitor signals: pure, follow it"),
    "redsea.doubtful": ("在选型中，有 {count} 个友商信号：存疑，先多化验再投入",
                        "in a selection with {count} competitor signal(s): doubtful; test "
                        "further before spending effort"),
    "redsea.impure": ("在选型中，有 {count} 个友商信号：不纯洁，坚决放弃",
                      "in a selection with {count} competitor signals: impure, drop it"),
    "redsea.fix_impure": ("放弃这家，把精力放到别的优质客户", "drop it and spend the effort "
                          "on other quality customers"),
    "redsea.action_none": ("不在选型中，照常跟进", "not in a selection: follow it as usual"),
    "redsea.action_pure": ("纯洁：可以跟进", "pure: follow it"),
    "redsea.action_doubtful": ("存疑：先多化验，再决定是否投入",
                               "doubtful: test further before spending effort"),
    "redsea.action_impure": ("不纯洁：坚决放弃，把精力放到别的优质客户",
                             "impure: drop it and spend the effort on other quality customers"),
    "redsea.none_word": ("不在选型中", "not in a selection"),
    "redsea.pure_word": ("纯洁", "pure"),
    "redsea.doubtful_word": ("存疑", "doubtful"),
    "redsea.impure_word": ("不纯洁", "impure"),
    "refusal.contact": ("被拒可能因为不知道接口人是谁", "likely refused because nobody knew "
                        "the contact's name"),
    "refusal.fix_contact": ("先问到接口人姓氏和座机再上门", "get the contact's surname and "
                            "landline before going back"),
    "refusal.verification": ("被拒可能因为客户信息没复核", "likely refused because the facts "
                             "were not re-verified"),
    "refusal.fix_verification": ("开拓人换身份再复核", "the source re-verifies under other "
                                 "pretexts"),
    "refusal.address": ("被拒可能因为地址不准", "likely refused because the address was not "
                        "confirmed"),
    "refusal.fix_address": ("复核时确认地址", "confirm the address in a round"),
    "refusal.standard": ("客户可能不达标", "the company may be below the standard"),
    "refusal.fix_standard": ("先核实规模", "check the scale first"),
    "refusal.unknown": ("走访条件都满足，被拒原因未知", "every readiness check passed; the cause "
                        "is unknown"),
    "refusal.fix_unknown": ("到前台时态度坚定些，说明是信息化调研", "be firm at the front desk "
                            "and present it as the informatization survey"),
    # --- visits (Q7, Q12, Q15) ------------------------------------------------------------
    "effective.ok": ("有效走访：问卷题和联系方式都拿到了", "effective: every survey item and "
                     "contact detail captured"),
    "effective.missing": ("无效走访，缺：{missing}", "not effective; missing: {missing}"),
    "effective.fix": ("补齐问卷题和接口人座机、邮箱", "capture the missing survey items and the "
                      "contact's landline and email"),
    "effective.refused": ("被拒，走访无效", "refused: not an effective visit"),
    "effective.fix_refused": ("看 yulin show 里的被拒原因", "see the refusal cause in yulin show"),
    "visit.unready": ("走访前客户未通过走访条件检查", "the prospect was not ready when visited"),
    "visit.substandard": ("客户不达标：给开拓人 {source} 扣 {delta} 分并通报",
                          "below the standard: {source} (the source) gets {delta} points and "
                          "a criticism"),
    "visit.inspect": ("这次走访本身无效，请分管领导检查是否真的去过",
                      "the visit itself was not effective: a manager should inspect whether "
                      "it really happened"),
    "visit.sweep_early": ("当天还有 {count} 个计划走访没完成，扫楼不计分",
                          "{count} planned visit(s) of the day unfinished: the sweep earns "
                          "nothing"),
    "visit.sweep_praise": ("有效扫楼：{visitor} 得 +{delta} 分并通报表扬",
                           "effective sweep: {visitor} earns +{delta} points and a praise"),
    "visit.sweep_ineffective": ("扫楼无效，不计分", "the sweep was not effective: no points"),
    "visit.sweep_unplanned": ("当天没有计划走访，这是专门安排的扫楼，不计分",
                              "no planned visit that day: a sweep arranged on purpose earns "
                              "nothing"),
    "visit.sweep_far": ("扫楼的客户不在当天计划走访的区域（{district}），不计分",
                        "the swept company ({district}) is not near any of the day's planned "
                        "visits: no points"),
    # --- stars (Q5, Q13) ------------------------------------------------------------------
    "stars.not_quality": ("不是优质客户（不达标、重复或不在负责城市），不评星",
                          "not a quality customer (below the standard, duplicate or out of "
                          "territory): no stars"),
    "stars.found_substandard": ("走访发现不达标，不评星", "a visit found it below the standard: "
                                "no stars"),
    "stars.level5": ("五星：大单、明确需求、育林计划兴趣很高",
                     "5 stars: a large deal, explicit need, keen on the Yulin plan"),
    "stars.level4": ("四星：明确需求、育林计划兴趣很高",
                     "4 stars: explicit need, keen on the Yulin plan"),
    "stars.level3": ("三星：有潜在需求，对育林计划不冷淡", "3 stars: latent need, not cold to "
                     "the Yulin plan"),
    "stars.level2": ("二星：中等单、明确需求、有意了解精确管理平台（不提供先用）",
                     "2 stars: a mid-size deal, explicit need, interested in the platform "
                     "(no use-first offer)"),
    "stars.level1": ("一星：其他优质客户", "1 star: any other quality customer"),
    "cond.value": ("预计金额 ≥ {amount:,} 元", "a deal value of {amount:,} or more"),
    "cond.need_explicit": ("有明确需求", "an explicit need"),
    "cond.need_latent": ("至少有潜在需求", "at least a latent need"),
    "cond.interest_high": ("育林计划兴趣很高", "high interest in the Yulin plan"),
    "cond.interest_flat": ("对育林计划至少不冷淡", "at least flat interest in the Yulin plan"),
    "cond.platform": ("有意了解精确管理平台", "interest in the precise management platform"),
    "stars.lift": ("再有“{condition}”就能到 {stars} 星", "{condition} would make it {stars} "
                   "stars"),
    "act.brief_middle": ("给中层汇报产品", "brief their middle managers on the product"),
    "act.meal": ("约出来吃饭", "meet over a meal"),
    "act.executives": ("请对方引荐高管", "get introduced to the executives"),
    "act.occasions": ("制造机会：送资料、演示、邀请参会、参观老客户",
                      "create occasions: send material, demo, invite to an event, visit a "
                      "reference customer"),
    "act.manager_now": ("分管领导立即介入", "a manager steps in now"),
    "act.deepen_need": ("把潜在需求谈成明确需求", "turn the latent need into an explicit one"),
    "act.platform_pitch": ("讲精确管理平台，不提先用", "pitch the precise management platform; "
                           "no use-first offer"),
    "act.keep_warm": ("保持联系，补全金额、需求和兴趣", "stay in touch; learn the deal value, "
                      "need and interest"),
    "act.focus_later": ("所有优质客户都走访后再决定重点跟进谁（优中选优）",
                        "choose whom to focus on after every quality customer is visited"),
    "act.drop_impure": ("红海不纯洁：放弃这家，不再投入", "impure red sea: drop it and spend "
                        "nothing more on it"),
    "act.not_quality": ("先确认是否达标，不达标就不要投入", "confirm the standard first; "
                        "invest nothing otherwise"),
    # --- reports --------------------------------------------------------------------------
    "attention.inspect": ("走访 #{visit_id} 报告不达标但走访无效：请检查",
                          "visit #{visit_id} reported substandard without an effective visit: "
                          "inspect it"),
    "attention.unready": ("走访 #{visit_id} 去的客户当时未就绪",
                          "visit #{visit_id} went to a prospect that was not ready"),
    "attention.take_over": ("{stars} 星客户 {company}：分管领导接手",
                            "{stars}-star {company}: a manager takes it over"),
    "verdict.upheld": ("维持不达标", "upheld"),
    "verdict.overturned": ("推翻不达标", "overturned"),
    "settlement.open": ("未定", "open"),
    "settlement.cooperate": ("合作跟进", "cooperate"),
    "settlement.we-withdraw": ("我方退出", "we-withdraw"),
    "settlement.they-withdraw": ("直销退出", "they-withdraw"),
    "notice.praise": ("表扬", "praise"),
    "notice.criticism": ("批评", "criticism"),
    # --- the rest of the playbook (Q4, Q8-Q18) ---------------------------------------------
    "refuse.not_manager": ("拒绝：{name} 不是分管领导，不能改变别人的积分或检查结论",
                           "refused: {name} is not a manager; only managers change other "
                           "people's standing"),
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
    "direct.other_contact": ("直销也在跟，但接口人不同（{contact}）：双方都可跟进，谁签下算谁的",
                             "the direct-sales branch pursues it with another contact "
                             "({contact}): both may follow, whoever closes wins"),
    "direct.same_contact": ("直销跟的是同一个接口人（{contact}）：需要先协商",
                            "the direct-sales branch works with the same contact ({contact}): "
                            "settle it first"),
    "direct.fix_same": ("与直销协商：合作或一方退出，再用 direct-sales settle 记录",
                        "agree with the branch to cooperate or have one side withdraw, then "
                        "record it: direct-sales settle"),
    "direct.unknown_contact": ("直销在跟（接口人 {contact}），我们还不知道接口人，无法判断是否冲突",
                               "the direct-sales branch pursues it (contact {contact}); ours is "
                               "unknown, so a clash cannot be ruled out"),
    "direct.fix_unknown": ("问到我们的接口人姓氏后再比较", "learn our contact's surname, then "
                           "compare"),
    "direct.cooperate": ("已与直销商定合作跟进", "agreed with the direct-sales branch to "
                         "cooperate"),
    "direct.they_withdraw": ("直销已退出，由我们跟进", "the direct-sales branch withdrew; it is "
                             "ours"),
    "direct.we_withdrew": ("我们已退出，让给直销", "we withdrew in favour of the direct-sales "
                           "branch"),
    "direct.fix_withdrawn": ("不要再投入", "spend no more effort on it"),
    "partner.ok": ("投入 {effort} 次，我方分成 {share:,} 元：划算",
                   "effort {effort} (rounds and visits) against a share of {share:,}: worth it"),
    "partner.costly": ("投入 {effort} 次，我方分成只有 {share:,} 元：投入大、收益小",
                       "effort {effort} (rounds and visits) against a share of only {share:,}: "
                       "much effort for little"),
    "partner.fix": ("先确认客户优质、再算投入产出，必要时减少投入",
                    "confirm it is a quality customer and weigh the return before more effort"),
    "industry.other_owner": ("{industry} 行业由 {owners} 负责，注意避免重复开拓",
                             "the {industry} industry belongs to {owners}; take care not to "
                             "call the same companies"),
    "industry.fix": ("与负责该行业的伙伴核对后再跟进", "check with the industry's owner before "
                     "following it up"),
    "managers.meet_executive": ("分管领导拜访高管，讲精确管理和育林计划的价值",
                                "the manager meets an executive about precise management and the "
                                "Yulin plan"),
    "managers.meet_sysadmin": ("办事处小组拜访系统管理员，推动升级、绑定利益并争取转介绍",
                               "the office team meets the system administrator about the upgrade "
                               "and asks for referrals"),
    "advice.survey_opener": ("以信息化调研为名上门：带推荐函和调研问卷，先指导填表，不要一开口就推项目",
                             "open as an informatization survey with the recommendation letter "
                             "and the questionnaire; help them fill it in, do not pitch first"),
    "advice.yulin_in_one_sentence": ("育林计划一句话：有需求的企业先实施、成功后付款，风险由项目承担；"
                                     "不说免费实施或免费培训",
                                     "the Yulin plan in one sentence: implement first, pay after "
                                     "success, the programme carries the risk; never say free "
                                     "implementation or training"),
    "advice.price": ("问价格：取决于需求和用户站点数，正式实施前签协议约定周期和价格",
                     "asked the price: it depends on needs and user seats, and a formal "
                     "agreement fixes scope and price before work starts"),
    "advice.erp_with_oa": ("有 ERP 需求又有 OA：强调平台管理和业务都能做，可二次开发；借调研 ERP "
                           "需求驻场看 OA 的使用情况，不要放弃",
                           "ERP need with OA in place: the platform does management and business "
                           "work, custom development covers the rest; offer an ERP needs survey "
                           "to see how their OA is used. Do not drop it"),
    "advice.soe": ("国企照样走访：谈信息化调研和落地，不谈管理",
                   "state-owned: visit as usual; talk about the survey and getting "
                   "informatization done, not about management"),
    "advice.suburban": ("远郊客户：必须上门，和同区域的客户排进同一趟路线（yulin route）",
                        "suburban: visit in person, in one trip with its district's other "
                        "prospects (yulin route)"),
    "advice.redsea_pure": ("红海但纯洁：可以跟进，继续留意友商信号",
                           "red sea but pure: follow it, and keep watching for competitor "
                           "signals"),
    "advice.redsea_doubtful": ("红海存疑：再化验——问项目何时启动、以前怎么选型，约负责人吃饭或晚上通话，"
                               "问他是否知道我们",
                               "red sea, doubtful: test further: ask when the project started "
                               "and how past choices were made, invite the lead to a meal or an "
                               "evening call, ask whether they know us"),
    "advice.redsea_impure": ("红海不纯洁：坚决放弃", "red sea, impure: drop it"),
    "advice.partner": ("合作伙伴（{partner}）的项目：协议由总部谈，回款计入本办事处，先算投入产出",
                       "a project with {partner}: the agreement goes through head office, the "
                       "revenue counts for this office; weigh the effort first"),
    "advice.existing_customer": ("老客户归本地服务中心服务：推动升级并争取转介绍",
                                 "an existing customer belongs to the local centre: drive the "
                                 "upgrade and ask for referrals"),
    "attention.industry": ("客户 #{prospect_id} 属于 {owners} 负责的行业（{industry}）",
                           "prospect #{prospect_id} is in {owners}'s industry ({industry})"),
    "attention.refused": ("走访 #{visit_id} 被拒：{cause}", "visit #{visit_id} was refused: {cause}"),
    # --- data in and out ------------------------------------------------------------------
    "import.unknown_header": ("不认识的列名“{header}”（见 README 的列名表）",
                              "unknown column “{header}” (see the column table in README)"),
    "import.encoding": ("无法识别 {path} 的编码", "cannot tell the encoding of {path}"),
    "import.missing": ("找不到文件 {path}", "file {path} not found"),
    "import.binary": ("{path} 不是 CSV 或 XLSX 文件", "{path} is not a CSV or XLSX file"),
    "import.empty": ("{path} 是空文件", "{path} is empty"),
    "import.unreadable": ("无法读取 {path}：{error}", "cannot read {path}: {error}"),
    "import.invalid_rows": ("{rows} 行中有 {errors} 处错误，什么都没有导入；"
                            "可用 --skip-invalid 只导入正确的行",
                            "{errors} error(s) in {rows} rows: nothing was imported; "
                            "--skip-invalid imports the valid rows"),
    "import.duplicate_rows": ("{duplicates} 行与已有客户重复，什么都没有导入；"
                              "确属不同公司可加 --force",
                              "{duplicates} row(s) duplicate existing prospects: nothing was "
                              "imported; use --force if they are really other companies"),
    "bad.yes_no": ("应填 是/否", "should be yes or no"),
    "export.needs_file": ("这种导出需要 -o 文件名", "this export needs -o FILE"),
    "export.unwritable": ("无法写入 {path}：{error}", "cannot write {path}: {error}"),
    "backup.not_sqlite": ("backup 只用于 SQLite；PostgreSQL 请用 pg_dump",
                          "backup is for SQLite files; on PostgreSQL use pg_dump"),
    "backup.failed": ("备份到 {path} 失败：{error}", "backup to {path} failed: {error}"),
    "merge.same": ("不能把客户 #{id} 合并到它自己", "cannot merge prospect #{id} into itself"),
    # --- ui -------------------------------------------------------------------------------
    "ui.ready": ("可以走访", "ready to visit"),
    "ui.not_ready": ("还不能走访", "not ready to visit"),
    "ui.check": ("检查", "check"),
    "ui.why": ("原因", "why"),
    "ui.next": ("下一步", "next"),
    "ui.stars": ("星级", "stars"),
    "ui.lift": ("怎样升一级", "to reach the next level"),
    "ui.next_actions": ("下一步动作", "next actions"),
    "ui.daily_report": ("日报 {date}", "Daily report {date}"),
    "ui.quota_active": ("任务：每人每天 {per_day} 个优质客户", "quota: {per_day} quality "
                        "customers a day each"),
    "ui.quota_off": ("任务：不在考核期", "quota: not in the campaign"),
    "ui.name": ("伙伴", "name"),
    "ui.roles": ("角色", "roles"),
    "ui.quality": ("优质", "quality"),
    "ui.rounds": ("复核", "rounds"),
    "ui.visits": ("走访", "visits"),
    "ui.effective": ("有效", "effective"),
    "ui.points_today": ("今日分", "today"),
    "ui.points_total": ("累计分", "total"),
    "ui.notices": ("通报", "notice board"),
    "ui.attention": ("需要分管领导关注", "needs a manager's attention"),
    "ui.none": ("无", "none"),
    "ui.ranking": ("星级排名", "star ranking"),
    "ui.company": ("公司", "company"),
    "ui.city": ("城市", "city"),
    "ui.source": ("开拓人", "source"),
    "ui.found_on": ("发现日", "found"),
    "ui.id": ("编号", "id"),
    "ui.duplicate_of": ("重复于", "dup of"),
    "ui.center": ("中心", "centre"),
    "ui.industries": ("行业", "industries"),
    "ui.added_prospect": ("已添加客户 #{id} {company}", "added prospect #{id} {company}"),
    "ui.added_duplicate": ("已添加客户 #{id}，标记为 #{dup} 的重复", "added prospect #{id}, "
                           "marked as a duplicate of #{dup}"),
    "ui.updated_prospect": ("已更新客户 #{id}", "updated prospect #{id}"),
    "ui.added_center": ("已添加服务中心 {name}（{city}）", "added centre {name} ({city})"),
    "ui.added_staff": ("已添加伙伴 {name}", "added staff member {name}"),
    "ui.round_recorded": ("客户 #{id} 第 {round} 轮复核已记录", "round {round} recorded for "
                          "prospect #{id}"),
    "ui.round_not_counted": ("注意：{by} 不是开拓人，这轮不计入复核次数",
                             "note: {by} is not the source; this round does not count"),
    "ui.round_contradicted": ("注意：这轮与已知信息不符，开拓人确认之前不能走访",
                              "note: this round contradicted the facts; no visit until the "
                              "source confirms them again"),
    "ui.round_no_address": ("注意：客户 #{id} 还没有记录地址，这轮确认不了地址；先用 "
                            "update-prospect --address 记录",
                            "note: prospect #{id} has no address recorded, so this round "
                            "confirms none; record it first with update-prospect --address"),
    "ui.planned": ("已安排 {visitor} 于 {date} 走访客户 #{id}", "planned: {visitor} visits "
                   "prospect #{id} on {date}"),
    "ui.visit_logged": ("走访 #{id} 已记录", "visit #{id} logged"),
    "ui.points_line": ("{staff} {delta:+d} 分（{rule}）", "{staff} {delta:+d} points ({rule})"),
    "ui.flags": ("标记", "flags"),
    "ui.redsea_verdict": ("客户 #{id} 红海判断：{verdict}", "prospect #{id} red sea: {verdict}"),
    "ui.policy_written": ("已写入策略文件 {path}", "policy written to {path}"),
    "ui.demo_loading": ("正在载入示例数据", "loading the sample data"),
    "ui.demo_loaded": ("示例数据已载入 {target}", "sample data loaded into {target}"),
    "ui.demo_already": ("示例数据早已载入 {target}", "the sample data was already in {target}"),
    "ui.unvisited": ("还有 {count} 个优质客户没走访：先全部走访完，再决定重点跟进谁",
                     "{count} quality customer(s) not yet visited: visit them all before "
                     "choosing whom to focus on"),
    "ui.rounds_title": ("复核记录", "verification rounds"),
    "ui.visits_title": ("走访记录", "visits"),
    "ui.readiness": ("走访条件", "visit readiness"),
    "ui.rating": ("评级", "rating"),
    "ui.redsea": ("红海", "red sea"),
    "ui.pretext": ("身份", "pretext"),
    "ui.result": ("结果", "result"),
    "ui.by": ("经办", "by"),
    "ui.date": ("日期", "date"),
    "ui.kind": ("类型", "kind"),
    "ui.outcome": ("结果", "outcome"),
    "ui.delta": ("分", "points"),
    "ui.rule": ("规则", "rule"),
    "ui.prospect": ("客户", "prospect"),
    "ui.verdict": ("判断", "verdict"),
    "ui.points_title": ("积分", "points"),
    "ui.entries": ("条目", "entries"),
    "ui.balance": ("余额", "balance"),
    "ui.reason": ("理由", "reason"),
    "ui.adjusted": ("已为 {staff} 调整 {delta:+d} 分，现在共 {total} 分",
                    "{staff} adjusted by {delta:+d}; total now {total}"),
    "ui.inspected": ("走访 #{id} 检查结论：{verdict}", "visit #{id} inspected: {verdict}"),
    "ui.reversed": ("退回 {delta:+d} 分", "{delta:+d} points given back"),
    "ui.take_now": ("立即接手（五星、四星）", "take now (5 and 4 stars)"),
    "ui.upgrade_visits": ("老客户升级走访", "upgrade visits to existing customers"),
    "ui.nothing_for_managers": ("没有五星、四星客户，也没有 100 台电脑以上的老客户",
                                "no 5 or 4 stars, and no existing customer large enough "
                                "for an upgrade visit"),
    "ui.trips": ("远郊路线", "suburban trips"),
    "ui.not_ready_list": ("还不能走访：{ids}", "not ready yet: {ids}"),
    "ui.district": ("区域", "district"),
    "ui.planned_trips": ("已为 {visitor} 安排 {count} 个走访", "{count} visits planned for "
                         "{visitor}"),
    "ui.direct_added": ("已记录直销项目 #{id} {company}", "direct-sales project #{id} "
                        "{company} recorded"),
    "ui.direct_settled": ("直销项目 #{id}：{status}", "direct-sales project #{id}: {status}"),
    "ui.partner": ("合作伙伴", "partner"),
    "ui.share": ("分成", "share"),
    "ui.deal_value": ("预计金额", "deal value"),
    "ui.flagged": ("提醒", "flag"),
    "ui.owners": ("负责人", "owners"),
    "ui.prospects": ("客户数", "prospects"),
    "ui.advice": ("建议", "advice"),
    "ui.clause": ("条款", "clause"),
    "ui.staff_updated": ("已更新伙伴 {name}", "updated staff member {name}"),
    "ui.warning": ("注意", "warning"),
    "ui.backed_up": ("已备份到 {path}（{size} 字节）", "backed up to {path} ({size} bytes)"),
    "ui.importing": ("正在导入", "importing"),
    "ui.imported": ("共 {rows} 行，导入 {imported} 行", "{rows} rows, {imported} imported"),
    "ui.dry_run": ("（试运行，未写入）", "(dry run: nothing written)"),
    "ui.row": ("行", "row"),
    "ui.column": ("列", "column"),
    "ui.error": ("错误", "error"),
    "ui.duplicates": ("重复", "duplicates"),
    "ui.exported": ("已导出 {count} 行到 {path}", "{count} rows exported to {path}"),
    "ui.merged": ("客户 #{drop} 已合并到 #{keep}", "prospect #{drop} merged into #{keep}"),
    "ui.confidence": ("把握", "sure"),
    "ui.reasons": ("依据", "why"),
    "ui.no_duplicates": ("没有发现重复客户", "no likely duplicates found"),
}


def language_from(value: str | None) -> str | None:
    """``zh`` or ``en`` for a language setting (``zh``, ``zh_CN``, ``zh-TW``, ``zh_CN.UTF-8``,
    any case), None for an unknown one. With no value: ``YULIN_LANG``, then Chinese when ``LANG``
    starts with zh, else English."""
    if value is None:
        env = os.environ.get("YULIN_LANG")
        if env:
            return language_from(env)
        return "zh" if os.environ.get("LANG", "").lower().startswith("zh") else "en"
    code = value.strip().lower().split(".")[0].replace("-", "_")
    base = code.split("_")[0]
    return base if base in LANGS and (code == base or len(code) > len(base) + 1) else None


def set_lang(lang: str) -> None:
    global _lang
    _lang = lang if lang in LANGS else "en"


def current_lang() -> str:
    return _lang


def expand(params: dict) -> dict:
    """Parameters that are themselves messages (rules.Message) become their text."""
    return {k: explain(v) if hasattr(v, "code") and hasattr(v, "params") else v
            for k, v in params.items()}


def explain(reason: object) -> str:
    """The text of a rules.Reason or rules.Message."""
    return t(reason.code, **expand(reason.params))  # type: ignore[attr-defined]


def reason_json(reason: object) -> dict:
    """A reason as JSON: rule id, clause, pass or fail, and its text (and fix) in the language."""
    fix = getattr(reason, "fix", None)
    return {
        "rule": reason.rule,  # type: ignore[attr-defined]
        "clause": reason.clause,  # type: ignore[attr-defined]
        "ok": reason.ok,  # type: ignore[attr-defined]
        "message": explain(reason),
        "fix": t(fix) if fix else None,
    }


def t(key: str, /, **params: object) -> str:
    """The text for ``key`` in the current language; an unknown key shows itself."""
    pair = MESSAGES.get(key)
    if pair is None:
        return key
    text = pair[0] if _lang == "zh" else pair[1]
    try:
        return text.format(**params)
    except (KeyError, ValueError, IndexError):
        return text
