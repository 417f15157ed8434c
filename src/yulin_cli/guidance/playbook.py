"""The whole playbook, Q1-Q18, restated in our own words in Chinese and English.

This is a paraphrase for daily use; it never quotes the field manual.
"""

from __future__ import annotations

from yulin_cli.frozen import frozen


@frozen(slots=False)
class Topic:
    clause: str
    rules: tuple[str, ...]
    title: tuple[str, str]  # (zh, en)
    text: tuple[str, str]
    command: tuple[str, str]  # (zh, en): the commands that serve it, values in each language

    @property
    def key(self) -> str:
        return self.clause.lower()


TOPICS: tuple[Topic, ...] = (
    Topic("Q1", ("verification", "substandard"),
          ("走访后发现客户不达标", "A visited prospect turns out below the standard"),
          ("不达标多半是客户敷衍或调研不细。走访前，找到客户的开拓人要换身份（采购、应聘等）再核实两轮；"
           "确认达标才派人上门。上门发现不达标，开拓人扣分并通报，每个人为自己找的客户质量负责。",
           "It usually means the company brushed us off or the research was careless. Before any "
           "visit, the prospector who found the company re-checks it twice more under different "
           "pretexts (buyer, job applicant, ...); only then does a visitor go. If the visit finds "
           "it below the standard, the prospector loses points and is named on the notice board."),
          ("yulin verify；yulin log-visit --outcome 不达标",
           "yulin verify; yulin log-visit --outcome substandard")),
    Topic("Q2", ("standard", "address", "contact"),
          ("上门之前要具备什么", "What must be true before a visit"),
          ("三件事缺一不可：客户达到优质标准；复核后掌握准确地址，并借地址核实了规模；"
           "知道信息化接口人的姓氏或座机。",
           "Three things, all of them: the company meets the quality standard; its exact address "
           "is confirmed and its size was checked through that address; and we know the IT "
           "contact's surname or landline."),
          ("yulin check-visit", "yulin check-visit")),
    Topic("Q3", ("quota",),
          ("每天的开拓任务", "The daily prospecting quota"),
          ("不再考核打了多少电话，只看质量：活动期内每个开拓人每天找到 {per_day} 个优质客户，"
           "电话打多少不限。这项任务到 {campaign_end} 为止。",
           "Calls are no longer counted or capped; quality is what counts. During the campaign "
           "each prospector finds {per_day} quality customers a day, however many calls it takes. "
           "The quota runs until {campaign_end}."),
          ("yulin daily-report", "yulin daily-report")),
    Topic("Q4", ("pretext",),
          ("客户问价格怎么答", "When the company asks the price"),
          ("价格取决于需求和用户站点数；为保护客户，正式实施前双方签正式协议，写明周期和价格，"
           "细节以后再谈。先实施、后付款、风险由项目承担的机会不多，就算不成，也算普及了一次信息化。",
           "The price depends on their needs and the number of user seats. To protect them, a "
           "formal agreement fixing the schedule and the price is signed before any work starts; "
           "details can follow. It is a zero-risk chance, and even a failure teaches them "
           "something about informatization."),
          ("yulin advise", "yulin advise")),
    Topic("Q5", ("stars", "next-actions"),
          ("优质客户评星与跟进", "Rating quality customers and what comes next"),
          ("先把优质客户都走访完，看清全貌再挑重点（优中选优）。五星：20 万以上、有需求、育林计划兴趣很高；"
           "四星：10 万以上，同样有需求和兴趣；三星：10 万以上、潜在需求、兴趣平平；二星：7-10 万、有需求、"
           "想了解精确管理平台（不再提供先用）；一星：其他。五星先做：向中层汇报、约饭、引荐高管，"
           "送资料、演示、邀请参会、参观老客户。",
           "Visit every quality customer first, then choose whom to focus on. 5 stars: 200,000 "
           "or more, a real need, keen on the Yulin plan; 4 stars: 100,000 or more with the same "
           "need and interest; 3 stars: 100,000 or more, a latent need, lukewarm; 2 stars: "
           "70,000-100,000, a real need, interested in the platform (no use-first offer); "
           "1 star: the rest. Work 5 stars first: brief their middle managers, meet over a meal, "
           "get introduced to executives, send material, demo, invite them to events and to "
           "reference customers."),
          ("yulin rate --all", "yulin rate --all")),
    Topic("Q6", ("territory",),
          ("远郊、外地和外企客户", "Suburban, out-of-town and foreign-owned companies"),
          ("负责城市以外的客户一律不做。本市的外企和别的企业一样照常走访。远郊客户反而更好做，"
           "不许放弃，也不能只打电话；按区域排好路线，集中一两天跑完。",
           "Companies outside the centre's city are never taken on. Foreign-owned companies in "
           "the city are visited like any other. Suburban ones are often easier and must not be "
           "dropped or handled by phone only: group them by district and visit them in one or "
           "two days."),
          ("yulin add-prospect；yulin route", "yulin add-prospect; yulin route")),
    Topic("Q7", ("effective",),
          ("什么是有效走访", "What an effective visit is"),
          ("走访人员按有效走访考核：问卷的 1-5、2-2、2-3、2-4、2-5、2-8（亲自感受企业是否有钱）、"
           "2-9 都要弄清，"
           "还要拿到接口人的座机和邮箱；手机和 QQ 是加分项。",
           "Visitors are assessed on effective visits only: survey items 1-5, 2-2, 2-3, 2-4, 2-5, "
           "2-8 (your own sense of whether the company has money) and 2-9, plus the contact's "
           "landline and email. Mobile and QQ are a bonus."),
          ("yulin log-visit --items", "yulin log-visit --items")),
    Topic("Q8", ("duplicate", "proof"),
          ("客户重复怎么办", "Calling the same companies twice"),
          ("按行业给开拓人分工，先找出本地主流行业再深挖，就不会撞车；打电话前先核实客户信息。"
           "能问到统一社会信用代码就记下来：它是认定一家企业最可靠的依据，两条记录代码一样就是同一家，"
           "代码不一样就是两家，哪怕名称、电话相同。",
           "Give each prospector industries of their own, starting from the main local ones, "
           "and dig deep; check the company's details before calling. Record the unified "
           "social credit code whenever you can get it: it settles identity better than "
           "anything else. Two records with one code are one company; two different codes "
           "are two companies, even with the same name or phone."),
          ("yulin industries；yulin staff update --industry；yulin add-prospect --credit-code",
           "yulin industries; yulin staff update --industry; yulin add-prospect --credit-code")),
    Topic("Q9", ("erp",),
          ("客户要 ERP 且已有 OA", "An explicit ERP need, with OA already in place"),
          ("别放弃：说明精确管理平台既管管理也管业务；ERP 需求往往只是几个业务问题，可二次开发；"
           "借调研 ERP 需求的机会驻场，看他们 OA 用得怎样、能否替换。",
           "Do not drop it: position the platform as covering both management and business "
           "work; an ERP need is often a few business problems that custom development solves; "
           "offer an ERP needs survey to get on site and see how their OA is really used."),
          ("yulin advise", "yulin advise")),
    Topic("Q10", ("partner",),
          ("与代理商、伙伴合作的项目", "Projects with agents and partners"),
          ("合作协议统一由总部谈，回款计入本办事处任务；我们提供售前、技术和实施支持，代理商负责商务。"
           "投入前看客户是否优质、投入产出是否划算。老客户都归本地服务中心服务，暂时收不过来的也要朝这个方向做；"
           "今年老客户的升级费和服务费，能记到厂家名下的尽量记到厂家名下。",
           "Agreements go through head office and the revenue counts towards the office's "
           "target; we give pre-sales, technical and implementation support, the partner runs "
           "the business side. Check the company is a quality one and weigh effort against our "
           "share before investing. Existing customers belong to the local service centre: work "
           "towards bringing them all under it. Upgrade and service fees from existing customers "
           "are booked to the vendor wherever possible."),
          ("yulin partners", "yulin partners")),
    Topic("Q11", ("direct-sales",),
          ("与直销分公司撞单", "Clashing with the direct-sales branch"),
          ("在南京、深圳等有直销的城市：接口人不同，双方都可以跟，谁签下算谁的；接口人相同，"
           "协商合作或一方退出。这些城市周边的县市更值得开拓。",
           "In cities with a direct-sales branch (such as Nanjing and Shenzhen): with a "
           "different contact both sides may follow and whoever closes wins; with the same "
           "contact, agree to cooperate or one side withdraws. Towns around those cities are "
           "worth more effort."),
          ("yulin direct-sales；yulin check-visit", "yulin direct-sales; yulin check-visit")),
    Topic("Q12", ("sweep",),
          ("走访后顺路扫楼", "Dropping in on neighbours after a visit"),
          ("不要专门安排扫楼，效率低。完成当天计划走访后，可以顺路拜访周边企业；成功一家给积分并表扬。"
           "不知道联系人的话很难进门。",
           "Never plan a building sweep: it rarely pays. Once the day's planned visits are done, "
           "a visitor may drop in on nearby companies; each success earns points and a praise. "
           "Without a contact name it is hard to get in."),
          ("yulin log-visit --kind 扫楼", "yulin log-visit --kind sweep")),
    Topic("Q13", ("managers",),
          ("分管领导做什么", "What managers do"),
          ("不急着处理普通优质客户；需求明确的五星、四星客户立即介入。没有的话，尽快把区域内 100 台电脑以上的"
           "IOAS 老客户全走访一遍推动升级：领导见高管，办事处小组见系统管理员，绑定利益并争取转介绍。",
           "Managers do not chase ordinary quality customers; they step in at once on 5 and 4 "
           "stars with a clear need. With none, they visit every existing IOAS customer of 100+ "
           "PCs in the region to drive upgrades: the manager meets the executives, the office "
           "team meets the system administrator, and both ask for referrals."),
          ("yulin manager", "yulin manager")),
    Topic("Q14", ("soe",),
          ("国企要不要走访", "Should we visit state-owned companies"),
          ("要走访，先去看看。很多国企也有需求；别讲管理，就讲信息化调研和落地。",
           "Yes: go and see. Many of them have real needs; talk about the informatization survey "
           "and getting it done, not about management."),
          ("yulin advise", "yulin advise")),
    Topic("Q15", ("effective", "substandard", "proof"),
          ("怎样监督走访质量", "Keeping visits honest"),
          ("先看是不是有效走访、信息拿全没有；说进不去或不达标，要看汇报里的理由。没走访就报不达标会和开拓人起冲突，"
           "涉及绩效，分管领导可借检查工作之名去核实。"
           "走访时拍下签好的问卷或公司大门，记走访时附上照片：同一张照片用在两次走访、拍摄日期对不上、"
           "拍摄地点离公司太远，都会提醒分管领导核实；报不达标的走访还会按比例随机抽查，"
           "抽中与否只取决于走访编号，谁也改不了。核实后确认没去，这次走访作废并扣走访人的分。",
           "First check whether the visit was effective and captured everything; a report of "
           "'could not get in' or 'below the standard' needs its reasons. Since such a report "
           "costs the prospector points, a manager may check whether the visit really happened. "
           "Take a photo at the visit (the signed questionnaire, the company's door) and attach "
           "it when logging: a photo used for two visits, one dated another day, or one taken "
           "far from the company asks a manager to check; a share of the 'below the standard' "
           "reports is checked at random too, drawn from the visit's number so nobody can steer "
           "it. A visit found not to have happened stops counting and costs the visitor points."),
          ("yulin log-visit --photo；yulin inspect；yulin daily-report",
           "yulin log-visit --photo; yulin inspect; yulin daily-report")),
    Topic("Q16", ("pretext",),
          ("以什么名义上门", "How to open a visit"),
          ("以信息化调研为名，带推荐函和统一的调研问卷，规范地找到负责人，认真指导填表。不要一上来就推项目："
           "对方会把你当推销的，不留电话，信息也就核实不了。对方不愿参加调研时，就说简单聊几句、由你代填，"
           "问卷不留公司和调研人的名字，只为了解信息化现状；也可以给他看别的企业已经填好的问卷。"
           "育林计划顺带一句讲清：企业若有信息化需要，可先实施、成功后付款，失败风险由项目承担；"
           "走时把育林计划的资料留下，为以后联系铺路。不要提免费实施、免费培训。",
           "Come as an informatization survey, with the recommendation letter and the standard "
           "questionnaire; help them fill it in. Do not pitch first: they would take you for a "
           "salesperson, leave no number, and nothing could be verified. If the contact will not "
           "take part, offer a short chat and fill the form in for them, with no company or "
           "surveyor names on it, only to learn where informatization stands; showing forms other "
           "companies filled in helps. Mention the Yulin plan in one simple sentence: a company "
           "with a need implements first and pays after success, the programme carries the risk. "
           "Leave the Yulin material behind for the next contact. Never say 'free "
           "implementation' or 'free training'."),
          ("yulin advise", "yulin advise")),
    Topic("Q17", ("contact", "refusal"),
          ("上门被拒怎么办", "Turned away at the door"),
          ("被拒多半是因为接口人姓甚名谁、号码多少都不清楚。开拓时就用应聘、采购、会议邀请或问前台拿到姓名和电话；"
           "到门口报出接口人，态度坚定。",
           "A refusal usually means nobody knew the contact's name or number. Get both while "
           "prospecting (as an applicant, a buyer, with a meeting invitation, or from the front "
           "desk), then name the contact at the door and be firm."),
          ("yulin show；yulin advise", "yulin show; yulin advise")),
    Topic("Q18", ("redsea",),
          ("正在选型的红海客户", "A prospect already running a selection"),
          ("先判断是否纯洁：选型负责人老问友商功能能不能做；项目去年就启动却从没找过我们；知道我们却不让参与；"
           "约饭不出、电话不接、始终冷淡。没有信号可以跟，有一个要多化验，两个以上坚决放弃。",
           "Judge whether it is pure: the selection lead keeps asking if we match a competitor's "
           "features; the project started last year and never called us; they know us but left "
           "us out; they stay cold to calls, meetings and meals. No signal: follow it; one: "
           "test further first; two or more: drop it."),
          ("yulin redsea", "yulin redsea")),
)


def _topic_key(topic: str) -> str:
    """``q5``, ``Q5`` or ``5`` for a clause; a rule by its id (``stars``) or its Chinese name
    (``星级``, ``红海``)."""
    from yulin_cli.i18n import MESSAGES

    wanted = topic.strip().lower()
    if wanted.isdigit():
        return f"q{int(wanted)}"
    for key, (zh, _en) in MESSAGES.items():
        if key.startswith("rule.") and zh == topic.strip():
            return key.removeprefix("rule.")
    return wanted


def find(topic: str | None = None, word: str | None = None) -> list[Topic]:
    """Topics by clause (``q5``) or rule id (``stars``), or containing ``word`` in any language."""
    found = list(TOPICS)
    if topic:
        wanted = _topic_key(topic)
        found = [t for t in found if t.key == wanted or wanted in t.rules]
    if word:
        needle = word.lower()
        found = [t for t in found
                 if any(needle in text.lower() for text in (*t.title, *t.text))]
    return found
