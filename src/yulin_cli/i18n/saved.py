"""Messages of saved reports (`--save FILE.html|.svg|.xlsx`): each report's name, its header
and the names of a workbook's sheets and columns; and of calendars (`.ics`)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "saved.name.daily-report": ("日报", "Daily report"),
    "saved.name.attention": ("需要关注的事项", "Needs attention"),
    "saved.name.summary": ("期间汇总", "Period summary"),
    "saved.name.rate": ("星级排名", "Star ranking"),
    "saved.name.manager": ("分管领导要做的事", "For the managers"),
    "saved.name.agenda": ("走访日程", "Visit agenda"),
    "saved.name.agenda_of": ("{visitor}的走访日程", "{visitor}'s visit agenda"),
    "saved.agenda_lead": ("{visitor}这天计划走访 {count} 家", "{visitor} plans {count} visit(s) "
                          "that day"),
    "saved.all_centers": ("全部中心", "all centres"),
    "saved.center": ("中心", "Centre"),
    "saved.date": ("日期", "Date"),
    "saved.period": ("{date_from} 至 {date_to}", "{date_from} to {date_to}"),
    "saved.footer": ("由 yulin 生成：离线可看，手机可读，可用 A4 纸打印",
                     "Made by yulin: opens offline, reads on a phone, prints on A4"),
    "saved.people": ("每人今天", "Each person's day"),
    "saved.found_sheet": ("今天找到", "Found today"),
    "saved.tomorrow_sheet": ("下一个工作日", "Next working day"),
    "saved.prospectors_sheet": ("开拓人", "Prospectors"),
    "saved.take_now_sheet": ("立即接手", "Take now"),
    "saved.agenda_sheet": ("走访", "Visits"),
    "saved.about_sheet": ("报告", "Report"),
    "saved.col.field": ("项目", "Field"),
    "saved.col.value": ("内容", "Value"),
    "saved.col.report": ("报告", "Report"),
    "saved.col.label": ("名称", "Label"),
    "saved.col.shown": ("显示", "Shown"),
    "saved.col.count": ("数量", "Count"),
    "saved.col.kind": ("类别", "Kind"),
    "saved.col.what": ("事项", "What"),
    "saved.col.who": ("谁来处理", "Who acts"),
    "saved.col.command": ("命令", "Command"),
    "saved.col.days_met": ("完成天数", "Days met"),
    "saved.col.days": ("计任务天数", "Days counted"),
    "saved.col.district": ("区县", "District"),
    "saved.col.address": ("地址", "Address"),
    "saved.col.phone": ("座机", "Landline"),
    "saved.more_ranking": ("共 {total} 个，还有 {count} 个没有列出：rate --all --limit N "
                           "可多存几个", "{count} more of {total} not listed: rate --all --limit N "
                           "saves more"),

    # --- save.* -----------------------------------------------------------------------------------
    "save.bad_ext": ("--save 的文件要以 .html、.svg 或 .xlsx 结尾：{path}",
                     "--save needs a file ending in .html, .svg or .xlsx: {path}"),
    "save.unwritable": ("无法写入 {path}：{error}", "cannot write {path}: {error}"),
    "save.rate_all": ("--save 用于 rate --all", "--save goes with rate --all"),

    # --- ics.* ------------------------------------------------------------------------------------
    "ics.summary": ("走访 #{id} {company}", "Visit #{id} {company}"),
    "ics.contact": ("接口人：{who}", "contact: {who}"),
    "ics.unwritable": ("无法写入日历文件 {path}：{error}", "cannot write the calendar {path}: "
                       "{error}"),
    "ics.nothing": ("没有可以写进日历的走访：没有写文件 {path}",
                    "no visits to put in a calendar: {path} not written"),
}
