"""The rules' verdicts, reasons, fixes and advice, and the words of their values."""

MESSAGES: dict[str, tuple[str, str]] = {
    "standard.ok": ("规模达标：{employees} 人，{pcs} 台电脑",
                    "meets the standard: {employees} employees, {pcs} PCs"),
    "standard.unknown": ("规模未知（员工 {employees}，电脑 {pcs}），未知按不达标算",
                         "scale unknown (employees {employees}, PCs {pcs}); unknown does not "
                         "meet the standard"),
    "standard.below": ("规模不达标：{employees} 人，{pcs} 台电脑（要求 ≥{min_employees} 人且 "
                       "≥{min_pcs} 台）", "below the standard: {employees} employees, {pcs} PCs "
                       "(needs >= {min_employees} and >= {min_pcs})"),
    "standard.fix": ("核实员工人数和电脑台数并记录下来",
        "find out the employees and PCs, and record them"),
    "standard.found_substandard": ("走访发现不达标（记录的 {employees} 人、{pcs} 台电脑与实际不符）",
                                   "a visit found it below the standard (the recorded "
                                   "{employees} employees, {pcs} PCs are outdated)"),
    "standard.fix_found_upheld": ("经分管领导核查，维持不达标的结论：不是优质客户，不再安排走访",
                                  "an inspection upheld the finding: not a quality customer,"
                                  " plan no visit"),
    "standard.fix_found_substandard": ("更正规模，或请分管领导核查后推翻该结论",
        "correct the scale, or have a manager overturn the finding"),
    "standard.fix_below": ("不是优质客户，不要安排走访", "not a quality customer: do not plan "
                           "a visit"),
    "verification.ok": ("开拓人已确认 {rounds} 轮，用了 {pretexts} 种身份",
        "the source confirmed it in {rounds} {rounds|round|rounds} under {pretexts} "
        "{pretexts|pretext|pretexts}"),
    "verification.too_few": ("开拓人确认属实的复核只有 {rounds} 轮"
                             "（需要 {min_rounds} 轮；别人的 {others} 轮不算）",
        "the source confirmed it in {rounds} {rounds|round|rounds} (needs {min_rounds}; "
        "{others} {others|round|rounds} by others do not count)"),
    "verification.too_few_own": ("开拓人确认属实的复核只有 {rounds} 轮（需要 {min_rounds} 轮）",
        "the source confirmed it in {rounds} {rounds|round|rounds} (needs {min_rounds})"),
    "verification.same_pretext": ("复核只用了 {pretexts} 种身份（需要 {min_pretexts} 种）",
        "the rounds used {pretexts} {pretexts|pretext|pretexts} (needs {min_pretexts})"),
    "verification.contradicted": ("开拓人最后一次确认之后，又有一轮复核与已知信息不符",
        "a round after the source's last confirmation contradicted the facts"),
    "verification.fix": ("开拓人换身份（采购、应聘、会议邀请、前台）再复核",
        "the source re-verifies under other pretexts (buyer, applicant, invitation, front desk)"),
    "verification.fix_pretext": ("换一种身份再复核一轮", "verify once more under another pretext"),
    "verification.fix_contra": ("更正客户信息后重新复核", "correct the facts, then verify again"),
    "address.ok": ("地址已核实，并据此核实了规模：{address}",
                   "address verified and scale checked through it: {address}"),
    "address.none": ("没有记录详细地址", "no exact address recorded"),
    "address.fix_none": ("记录详细地址",
        "record the exact address"),
    "address.unverified": ("地址尚未在复核中确认", "no verification round confirmed the address"),
    "address.fix": ("复核时确认这个地址",
        "confirm this address in a round"),
    "address.no_scale": ("还没有通过地址核实规模", "the scale was not checked through the address"),
    "address.changed": ("地址改过了，复核确认的是旧地址", "the address changed after the round that "
                        "confirmed it; the new one is unconfirmed"),
    "address.scale_changed": ("地址或规模改过了，还没有按现在的记录通过地址核实规模",
                              "the address or the scale changed after it was checked; the scale "
                              "now recorded is unchecked"),
    "address.fix_scale": ("复核时通过地址核实现在记录的规模",
        "check the scale now recorded through the address in a round"),
    "contact.ok": ("已知信息化接口人：{who}", "IT contact known: {who}"),
    "contact.none": ("不知道信息化接口人的姓氏或座机，上门容易被拒",
                     "neither the IT contact's surname nor landline is known; visits without "
                     "them get turned away"),
    "contact.fix": ("通过前台、应聘或会议邀请问到接口人的姓氏或座机",
        "ask the front desk, or use an applicant or invitation pretext, for the contact's "
        "surname or landline"),
    "territory.ok": ("在负责城市{city}内", "inside the centre's city {city}"),
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
    "redsea.doubtful": ("在选型中，有 {count} 个友商信号：待化验，先多化验再投入",
        "in a selection with {count} competitor {count|signal|signals}: doubtful; test further "
        "before spending effort"),
    "redsea.impure": ("在选型中，有 {count} 个友商信号：不纯洁",
        "in a selection with {count} competitor {count|signal|signals}: impure"),
    "redsea.fix_impure": ("放弃这家，把精力放到别的优质客户", "drop it and spend the effort "
                          "on other quality customers"),
    "redsea.action_none": ("不在选型中，照常跟进", "not in a selection: follow it as usual"),
    "redsea.action_pure": ("纯洁：可以跟进", "pure: follow it"),
    "redsea.action_doubtful": ("待化验：先多化验，再决定是否投入",
                               "doubtful: test further before spending effort"),
    "redsea.action_impure": ("不纯洁：坚决放弃，把精力放到别的优质客户",
                             "impure: drop it and spend the effort on other quality customers"),
    "redsea.none_word": ("不在选型中", "not in a selection"),
    "redsea.pure_word": ("纯洁", "pure"),
    "redsea.doubtful_word": ("待化验", "doubtful"),
    "redsea.impure_word": ("不纯洁", "impure"),
    "refusal.contact": ("可能是因为没打听到接口人", "likely refused because nobody knew "
                        "the contact's name"),
    "refusal.fix_contact": ("先问到接口人姓氏和座机再上门", "get the contact's surname and "
                            "landline before going back"),
    "refusal.verification": ("可能是因为客户信息没复核", "likely refused because the facts "
                             "were not re-verified"),
    "refusal.fix_verification": ("开拓人换身份再复核", "the source re-verifies under other "
                                 "pretexts"),
    "refusal.address": ("可能是因为地址不准", "likely refused because the address was not "
                        "confirmed"),
    "refusal.fix_address": ("复核时确认地址", "confirm the address in a round"),
    "refusal.standard": ("客户可能不达标", "the company may be below the standard"),
    "refusal.fix_standard": ("先核实规模", "check the scale first"),
    "refusal.unknown": ("走访条件都满足，被拒原因未知", "every readiness check passed; the cause "
                        "is unknown"),
    "refusal.fix_unknown": ("到前台时态度坚定些，说明是信息化调研", "be firm at the front desk "
                            "and present it as the informatization survey"),
    "effective.ok": ("有效走访：问卷题和联系方式都拿到了", "effective: every survey item and "
                     "contact detail captured"),
    "effective.missing": ("无效走访，缺：{missing}", "not effective; missing: {missing}"),
    "effective.fix": ("补齐问卷题和接口人座机、邮箱", "capture the missing survey items and the "
                      "contact's landline and email"),
    "effective.refused": ("被拒，走访无效", "refused: not an effective visit"),
    "effective.fix_refused": ("查看这家客户的被拒原因",
        "see the likely cause of the refusal on the prospect's page"),
    "visit.unready": ("走访前客户未通过走访条件检查", "the prospect was not ready when visited"),
    "visit.substandard": ("客户不达标：开拓人 {source} 积分 {delta:+d}，并通报批评",
                          "below the standard: {source} (the source) gets {delta:+d} points "
                          "and a criticism"),
    "visit.inspect": ("这次走访本身无效，请分管领导检查是否真的去过",
                      "the visit itself was not effective: a manager should inspect whether "
                      "it really happened"),
    "visit.sweep_early": ("当天还有 {count} 个计划走访没完成，扫楼不计分",
        "{count} planned {count|visit|visits} of the day still to do: the sweep earns nothing"),
    "visit.sweep_praise": ("有效扫楼：{visitor} 得 +{delta} 分并通报表扬",
                           "effective sweep: {visitor} earns +{delta} points and a praise"),
    "visit.sweep_ineffective": ("扫楼无效，不计分", "the sweep was not effective: no points"),
    "visit.sweep_unplanned": ("当天没有计划走访，这是专门安排的扫楼，不计分",
                              "no planned visit that day: a sweep arranged on purpose earns "
                              "nothing"),
    "visit.sweep_far": ("扫楼的客户不在当天计划走访的区域（{district}），不计分",
                        "the swept company ({district}) is not near any of the day's planned "
                        "visits: no points"),
    "stars.not_quality": ("不是优质客户（不达标、重复或不在负责城市），不评星",
                          "not a quality customer (below the standard, duplicate or out of "
                          "territory): no stars"),
    "stars.found_substandard": ("走访发现不达标，不评星", "a visit found it below the standard: "
                                "no stars"),
    "stars.level5": ("五星：大单、明确需求、育林计划兴趣很高",
                     "5 stars: a large deal, explicit need, keen on the Yulin plan"),
    "stars.level4": ("四星：明确需求、育林计划兴趣很高",
                     "4 stars: explicit need, keen on the Yulin plan"),
    "stars.level3": ("三星：至少有潜在需求，对育林计划不冷淡", "3 stars: at least a latent need, "
                     "not cold to the Yulin plan"),
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
    "stars.lift": ("同时做到 {conditions}，就能到 {stars} 星",
                   "{stars} stars with all of: {conditions}"),
    "stars.lift_one": ("再做到 {conditions}，就能到 {stars} 星",
                       "{conditions} would make it {stars} stars"),
    "act.brief_middle": ("给中层汇报产品", "brief their middle managers on the product"),
    "act.meal": ("约出来吃饭", "meet over a meal"),
    "act.executives": ("请对方引荐高管", "get introduced to the executives"),
    "act.occasions": ("制造机会：送资料、演示、邀请参会、参观老客户",
                      "create occasions: send material, demo, invite to an event, visit a "
                      "reference customer"),
    "act.manager_now": ("分管领导立即介入", "a manager steps in now"),
    "act.deepen_need": ("把潜在需求谈成明确需求", "turn the latent need into an explicit one"),
    "act.raise_interest": ("需求已明确：讲清育林计划，让对方真正感兴趣",
                           "the need is explicit: make the Yulin plan clear until they are keen"),
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
    "verdict.upheld": ("维持不达标", "upheld"),
    "verdict.overturned": ("推翻不达标", "overturned"),
    "settlement.open": ("未定", "open"),
    "settlement.cooperate": ("合作跟进", "cooperate"),
    "settlement.we-withdraw": ("我方退出", "we-withdraw"),
    "settlement.they-withdraw": ("直销退出", "they-withdraw"),
    "notice.praise": ("表扬", "praise"),
    "notice.criticism": ("批评", "criticism"),
    "direct.other_contact": ("直销也在跟，但接口人不同（{contact}）：双方都可跟进，谁签下算谁的",
                             "the direct-sales branch pursues it with another contact "
                             "({contact}): both may follow, whoever closes wins"),
    "direct.same_contact": ("直销跟的是同一个接口人（{contact}）：需要先协商",
                            "the direct-sales branch works with the same contact ({contact}): "
                            "settle it first"),
    "direct.fix_same": ("与直销协商：合作或一方退出，再记下结果",
                        "agree with the branch to cooperate or have one side withdraw, then "
                        "record the outcome"),
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
    "advice.survey_opener": ("以信息化调研为名上门，带推荐函和调研问卷，先指导填表，不要一开口就推项目",
                             "open as an informatization survey with the recommendation letter "
                             "and the questionnaire; help them fill it in, do not pitch first"),
    "advice.yulin_in_one_sentence": ("育林计划一句话：有需求的企业先实施、成功后付款，风险由项目承担；"
                                     "不说免费实施或免费培训",
                                     "the Yulin plan in one sentence: implement first, pay after "
                                     "success, the programme carries the risk; never say free "
                                     "implementation or training"),
    "advice.no_pitch_first": ("不要先推项目：对方会当你是推销的，不留电话，信息就没法核实",
                              "do not pitch first: they would take you for a salesperson and "
                              "leave no number, so nothing could be verified"),
    "advice.survey_declined": ("对方不愿参加调研：说简单聊几句、由你代填，问卷不留公司和调研人的名字；"
                               "可以给他看别的企业已经填好的问卷",
                               "if the contact will not take part: offer a short chat and fill "
                               "the form in for them, with no company or surveyor names on it; "
                               "show forms other companies filled in"),
    "advice.leave_material": ("走的时候把育林计划的资料留下，为以后联系铺路",
                              "leave the Yulin plan's material behind for the next contact"),
    "advice.quota": ("活动期内每个开拓人每天要找到 {per_day} 个优质客户，到 {end} 为止",
                     "during the campaign each prospector finds {per_day} quality customers a "
                     "day, until {end}"),
    "advice.foreign": ("本市的外企和其他企业一样，照常走访", "a foreign-owned company in the city "
                       "is visited like any other"),
    "advice.existing_fees": ("老客户的升级费和服务费，尽量记到厂家名下；老客户都要收归本地服务中心",
                             "book an existing customer's upgrade and service fees to the vendor "
                             "wherever possible, and bring it under the local centre"),
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
    "advice.suburban": ("远郊客户：必须上门，和同区域的客户排进同一趟路线",
        "suburban: visit in person, in one trip with its district's other prospects"),
    "advice.redsea_pure": ("红海但纯洁：可以跟进，继续留意友商信号",
                           "red sea but pure: follow it, and keep watching for competitor "
                           "signals"),
    "advice.redsea_doubtful": ("红海待化验：再化验——问项目何时启动、以前怎么选型，约负责人吃饭或晚上通话，"
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

    # --- visit.* ----------------------------------------------------------------------------------
    "visit.sweep_not_quality": ("扫楼遇到的不是优质客户，不加分",
                                "the sweep did not find a quality customer: no points"),
    "visit.sweep_not_first": ("这家公司当天已由走访 #{visit_id} 扫楼加过分，不再加分",
                              "this company's sweep praise for the day already went to visit "
                              "#{visit_id}"),

    # --- verdict.* --------------------------------------------------------------------------------
    "verdict.unproven": ("走访未按记录发生", "the visit did not happen as logged"),
    "verdict.proven": ("走访属实", "the visit happened as logged"),
    "verdict.upheld_word": ("维持", "upheld"),
    "verdict.overturned_word": ("推翻", "overturned"),
    "verdict.proven_word": ("属实", "proven"),
    "verdict.unproven_word": ("不实", "unproven"),

    # --- notice.* ---------------------------------------------------------------------------------
    "notice.voided": ("撤回", "withdrawn"),

    # --- proof.* ----------------------------------------------------------------------------------
    "proof.no_photo": ("没有走访照片，而策略要求有照片：这次走访不算有效",
                       "no photo of the visit, and the policy requires one: the visit is not "
                       "effective"),
    "proof.fix_no_photo": ("下次走访拍下签好的问卷或公司门口：log-visit --photo 照片",
                           "next time photograph the signed questionnaire or the company's door: "
                           "log-visit --photo FILE"),
    "proof.photo_reused": ("照片在走访 #{visit_id} 已经用过", "the photo was already used for "
                           "visit #{visit_id}"),
    "proof.photo_undated": ("照片没有拍摄时间（经聊天软件转发常会丢失），无法核对日期",
                            "the photo has no date (messengers often strip it), so its day "
                            "cannot be checked"),
    "proof.photo_date": ("照片拍摄于 {taken}，不是走访当天 {day}", "the photo was taken on "
                         "{taken}, not on the visit's day {day}"),
    "proof.photo_far": ("照片拍摄地距公司登记位置 {metres:,} 米（允许 {limit:,} 米）",
                        "the photo was taken {metres:,} m from the company's recorded location "
                        "(allowed: {limit:,} m)"),
    "proof.photos_ok": ("{count} 张照片，日期和位置都对得上", "{count} photo(s), day and place "
                        "consistent with the visit"),
    "proof.photos_day_ok": ("{count} 张照片，日期对得上；照片没有位置信息，拍摄地点未核对",
                            "{count} photo(s), day consistent with the visit; they carry no "
                            "GPS, so the place was not checked"),
    "proof.place_unchecked": ("公司没有登记位置，所在城市也不在地名表里：照片拍摄地点未核对",
                              "the company has no recorded location and its city is not in the "
                              "place table: the photo's place was not checked"),
    "proof.photo_far_city": ("照片拍摄地距公司所在城市约 {km:,} 公里（允许 {limit:,} 公里）",
                             "the photo was taken about {km:,} km from the company's city "
                             "(allowed: {limit:,} km)"),
    "proof.sampled": ("按抽查比例（{percent}%）抽中：分管领导以检查工作为由核实这次走访",
                      "drawn in the routine sample ({percent}% of substandard findings): a "
                      "manager checks the visit, as a review of work"),
    "proof.fix_inspect": ("请分管领导核实后登记结论：yulin inspect {this_visit} --verdict 属实"
                          "（或 不实）",
                          "a manager checks it and records the answer: yulin inspect "
                          "{this_visit} --verdict proven|unproven"),
    "proof.located": ("已按照片的 GPS 记录公司位置 {location}", "the company's location was set "
                      "from the photo's GPS: {location}"),

    # --- photo.* ----------------------------------------------------------------------------------
    "photo.missing": ("找不到照片 {path}", "photo {path} not found"),
    "photo.unreadable": ("无法读取照片 {path}：{error}", "cannot read photo {path}: {error}"),
    "photo.not_image": ("{path} 不是图片（支持 JPEG、PNG 等）", "{path} is not an image (JPEG, "
                        "PNG and the like are)"),
    "photo.heic": ("{path} 是 HEIC 格式，无法读取；请在手机上以 JPEG 格式分享照片（iPhone：设置 > "
                   "相机 > 格式 > 兼容性最佳）",
                   "{path} is a HEIC photo, which cannot be read; share it from the phone as "
                   "JPEG (iPhone: Settings > Camera > Formats > Most Compatible)"),

    # --- signal.* ---------------------------------------------------------------------------------
    "signal.competitor-features": ("总问我们能否做到友商的功能", "keeps asking whether we match a "
                                   "competitor"),
    "signal.stale-project": ("项目早已启动，却从没找过我们", "started long ago and never called us"),
    "signal.excluded-us": ("知道我们，却没让我们参加选型", "knows us but left us out"),
    "signal.cold": ("始终冷淡：电话不接、不见面、不吃饭", "stays cold: no answer, meeting or meal"),

    # --- question.* -------------------------------------------------------------------------------
    "question.finding": ("“不达标结论是否成立”", "the question whether its finding holds"),
    "question.proof": ("“走访是否属实”", "the question whether it happened as recorded"),
    "question.both": ("两个问题（结论是否成立、走访是否属实）",
                      "two questions (whether the finding holds, whether it happened)"),
}
