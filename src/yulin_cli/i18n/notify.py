"""Messages of `notify`: reports sent to a 企业微信 or 钉钉 group chat, their markdown (`md.*`)
and the platforms."""

MESSAGES: dict[str, tuple[str, str]] = {
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
}
