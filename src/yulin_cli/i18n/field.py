"""The words of what the field finds: county towns, photos, typed input (issue 18)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "bad.future_day": ("{option} {day} 还没到（今天是 {today}）：只有计划走访可以定在以后",
                       "{option} {day} is still to come (today is {today}): only a planned "
                       "visit may be dated ahead"),
    "bad.before_record": ("{option} {day} 早于{what} {first}，不能这样记",
                          "{option} {day} is before {what} {first}: a record cannot come first"),
    "refuse.upgrade_not_customer": ("拒绝：升级走访只针对已有客户（Q13）；这家还不是已有客户，请按计划"
                                    "走访或扫街登记",
                                    "refused: an upgrade visit is for an existing customer (Q13); "
                                    "this prospect is not one, so log it as a planned visit or a "
                                    "sweep"),
    "bad.future_found": ("发现日期 {day} 还没到（今天是 {today}）", "found on {day}, which is "
                         "still to come (today is {today})"),
    "field.merged_note": ("#{id} 已并入 #{into}：这里是它自己的资料和历史，后续工作都记在 #{into} 上"
                          "（yulin show {into}）",
                          "#{id} was merged into #{into}: these are its own facts and history; "
                          "work goes on under #{into} (yulin show {into})"),
    "field.county_town": ("{typed} 是{city}下辖的县级行政区：记为城市 {city}、区县 {district}"
                          "{suburban}",
                          "{typed} is a county-level division of {city}: recorded as city "
                          "{city}, district {district}{suburban}"),
    "field.suburban_yes": ("，远郊", ", suburban"),
    "field.found_on_of": ("它的发现日期", "the day it was found,"),
    "field.visit_day_of": ("被核实的走访日期", "the day of the visit it checks,"),
    "field.unchanged": ("#{id} 的资料与原来相同，没有改动。",
                        "prospect #{id}: the facts given are already recorded; nothing changed."),
}
