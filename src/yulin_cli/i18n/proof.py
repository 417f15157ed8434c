"""Proof (Q15, Q8): credit codes, locations, visit photos, their flags and their inspections."""

MESSAGES: dict[str, tuple[str, str]] = {
    # input
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
    "photo.missing": ("找不到照片 {path}", "photo {path} not found"),
    "photo.unreadable": ("无法读取照片 {path}：{error}", "cannot read photo {path}: {error}"),
    "photo.not_image": ("{path} 不是图片（支持 JPEG、PNG 等）", "{path} is not an image (JPEG, "
                        "PNG and the like are)"),
    "photo.heic": ("{path} 是 HEIC 格式，无法读取；请在手机上以 JPEG 格式分享照片（iPhone：设置 > "
                   "相机 > 格式 > 兼容性最佳）",
                   "{path} is a HEIC photo, which cannot be read; share it from the phone as "
                   "JPEG (iPhone: Settings > Camera > Formats > Most Compatible)"),
    # duplicates and merges (Q8)
    "dup.credit_code": ("统一社会信用代码相同", "same unified social credit code"),
    "merge.codes_differ": ("拒绝：客户 #{keep}（{keep_code}）和 #{drop}（{drop_code}）的统一社会"
                           "信用代码不同，是两家公司；确实要合并可加 --force",
                           "refused: prospects #{keep} ({keep_code}) and #{drop} ({drop_code}) "
                           "have different credit codes, so are two companies; use --force if "
                           "you must merge them"),
    # visit proof (Q15)
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
    # the attention list and inspections
    "attention.proof": ("走访 #{visit_id} 需要核实：{why}", "visit #{visit_id} needs checking: "
                        "{why}"),
    "attention.why_photo-reused": ("照片与走访 #{detail} 相同", "its photo is that of visit "
                                   "#{detail}"),
    "attention.why_photo-date": ("照片拍摄于 {detail}", "its photo was taken on {detail}"),
    "attention.why_photo-far": ("照片拍摄地距公司 {detail} 米", "its photo was taken {detail} m "
                                "from the company"),
    "attention.why_no-photo": ("没有照片", "it has no photo"),
    "attention.why_sampled": ("例行抽查抽中（{detail}%）", "drawn in the routine sample "
                              "({detail}%)"),
    "attention.why_inspect": ("报告不达标但走访无效", "it reported substandard without an "
                              "effective visit"),
    "verdict.unproven": ("走访未按记录发生", "the visit did not happen as logged"),
    "verdict.proven": ("走访属实", "the visit happened as logged"),
    "ui.unproven": ("核实结论：走访没有按记录发生，{visitor} {delta:+d} 分并通报",
                    "the visit did not happen as logged: {visitor} {delta:+d} points and a "
                    "criticism"),
    "ui.proven": ("核实结论：走访属实，已清除标记：{flags}", "the visit happened as logged; "
                  "flags cleared: {flags}"),
    "ui.photos": ("照片", "photos"),
    "ui.file": ("文件", "file"),
    "ui.flagged_visits": ("存疑", "doubted"),
}
