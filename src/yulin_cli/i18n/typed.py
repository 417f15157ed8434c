"""The words of typed input: dates, counts, phones and lists as people type them (issue 18)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "bad.count": ("数量写法如 300、300人、400台、三百、1.2万",
                  "a count is written 300, 300人, 400台, 三百 or 1.2万"),
    "bad.extension": ("分机号只能是数字，最多 6 位", "an extension is digits only, at most 6"),
    "bad.mobile_hotline": ("这是 400/800 热线，不是手机号；热线请填在座机里（--landline）",
                           "this is a 400/800 hotline, not a mobile number; give it as the "
                           "landline (--landline)"),
    "bad.mobile_hotline_number": ("这是 400/800 热线，不是手机号；热线请用 --landline-number 记下",
                                  "this is a 400/800 hotline, not a mobile number; record it "
                                  "with --landline-number"),
    "typed.hotline_note": ("注意：{number} 是 400/800 热线，已按座机记下。热线多半转到总机，"
                           "找不到 IT 接口人，最好再问一个直拨号码。",
                           "Note: {number} is a 400/800 hotline, kept as the landline. A hotline "
                           "usually reaches a switchboard, not the IT contact: ask for a direct "
                           "number too."),
    "usage.flag_given_value": ("{option} 只表示“拿到了”，后面不跟值；要记下 {value}，"
                               "请写 {instead} {value}",
                               "{option} only says it was got and takes no value; to record "
                               "{value}, write {instead} {value}"),
    "field.landline_ext": ("分机", "extension"),
    "help.metavar.employees": ("人数", "COUNT"),
    "help.metavar.pcs": ("台数", "COUNT"),
}
