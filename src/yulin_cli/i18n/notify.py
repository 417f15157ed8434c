"""Messages of `notify` (reports sent to a 企业微信 or 钉钉 group chat), of the whole-team
workbook (`export --what all`) and of calendars with nothing in them."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- help -------------------------------------------------------------------------------
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
    # --- errors -----------------------------------------------------------------------------
    "notify.from_only_summary": ("--from 只用于 summary（汇总）", "--from is for a summary only"),
    "notify.no_webhook": ("没有设置 {var}：把群机器人的 Webhook 地址放进这个环境变量（或先用 "
                          "--dry-run 看看消息）",
                          "{var} is not set: put the group robot's webhook address in it (or "
                          "look at the messages first with --dry-run)"),
    "notify.bad_webhook": ("{var} 不是 https 地址", "{var} is not an https address"),
    "notify.no_secret": ("没有设置 YULIN_DINGTALK_SECRET：钉钉机器人的“加签”密钥（SEC 开头）",
                         "YULIN_DINGTALK_SECRET is not set: the DingTalk robot's signing "
                         "secret (starting SEC)"),
    "notify.errcode": ("机器人拒收：errcode {code} {message}",
                       "the robot refused it: errcode {code} {message}"),
    "notify.no_answer": ("机器人没有回应：{error}", "no answer from the robot: {error}"),
    "notify.not_json": ("机器人的回应看不懂（HTTP {status}）",
                        "the robot's answer is not JSON (HTTP {status})"),
    "notify.unsent": ("{count} 条消息还在发件箱，下次运行 yulin notify 时重发",
                      "{count} message(s) still in the outbox; the next yulin notify sends them"),
    # --- the human view ---------------------------------------------------------------------
    "notify.dry_run_title": ("将发往{platform}的消息（未发送）",
                             "Messages for {platform} (not sent)"),
    "notify.sent_title": ("发往{platform}", "To {platform}"),
    "notify.part": ("第 {part}/{parts} 条 · {report} {day} · {bytes} 字节",
                    "part {part}/{parts} · {report} {day} · {bytes} bytes"),
    "notify.status.sent": ("已发送", "sent"),
    "notify.status.pending": ("待重发", "kept to retry"),
    "notify.status.dry-run": ("未发送（试运行）", "not sent (dry run)"),
    "notify.nothing": ("没有要发的消息", "nothing to send"),
    "notify.waited": ("为遵守每分钟 {limit} 条的限制，等了 {seconds} 秒",
                      "waited {seconds} s to stay within {limit} messages a minute"),
    "platform.wecom": ("企业微信", "WeCom (企业微信)"),
    "platform.dingtalk": ("钉钉", "DingTalk (钉钉)"),
    # --- the messages themselves ------------------------------------------------------------
    "md.daily_title": ("育林日报 {date}", "Yulin daily report {date}"),
    "md.attention_title": ("待关注事项 {date}", "Needs attention {date}"),
    "md.summary_title": ("育林汇总 {first} 至 {last}", "Yulin summary {first} to {last}"),
    "md.all_centres": ("全部中心", "all centres"),
    "md.continued": ("（续 {part}/{parts}）", "(continued {part}/{parts})"),
    "md.team": ("全队", "Team"),
    "md.team_line": ("优质客户 {quality} · 走访 {visits}（有效 {effective}）· 今日积分 {points}",
                     "quality {quality} · visits {visits} ({effective} effective) · points today "
                     "{points}"),
    "md.quota_line": ("{met}/{of} 名开拓人完成任务", "{met} of {of} prospectors met the quota"),
    "md.people": ("伙伴", "People"),
    "md.person": ("优质 {quality} · 复核 {rounds} · 走访 {visits}（有效 {effective}）· 今日 "
                  "{today:+d} · 累计 {total}",
                  "quality {quality} · rounds {rounds} · visits {visits} ({effective} effective)"
                  " · today {today:+d} · total {total}"),
    "md.quota_met": ("完成任务", "quota met"),
    "md.quota_missed": ("未完成任务", "quota missed"),
    "md.notices": ("通报", "Notices"),
    "md.attention": ("待关注（{count}）", "Needs attention ({count})"),
    "md.tomorrow": ("下一个工作日的走访", "Next working day's visits"),
    "md.ready": ("就绪", "ready"),
    "md.not_ready": ("未就绪：{checks}", "not ready: {checks}"),
    "md.none": ("无", "none"),
    "md.funnel": ("漏斗", "Funnel"),
    "md.prospectors": ("开拓人完成任务的天数", "Prospectors: days the quota was met"),
    "md.days_met": ("{met}/{of} 天 · 优质 {quality}", "{met} of {of} days · quality {quality}"),
    "md.visitors": ("走访人", "Visitors"),
    "md.visits_line": ("走访 {visits}（有效 {effective}）", "visits {visits} ({effective} "
                       "effective)"),
    "md.points": ("积分", "Points"),
    # --- the whole-team workbook and calendars ----------------------------------------------
    "export.all_needs_xlsx": ("--what all 只写 XLSX 工作簿（--format xlsx 或 -o 文件名.xlsx）",
                              "--what all writes an XLSX workbook only (--format xlsx or "
                              "-o FILE.xlsx)"),
    "export.all_written": ("已把全队写入 {path}：{tables} 张表，{rows} 行",
                           "the whole team written to {path}: {tables} tables, {rows} rows"),
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
    "ics.nothing": ("没有可以写进日历的走访：没有写文件 {path}",
                    "no visits to put in a calendar: {path} not written"),
}
