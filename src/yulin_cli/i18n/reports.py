"""The manager's evening and the visitor's morning: the attention list, the funnel, the period
summary, the agenda, and inspections' answers."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- attention.* ------------------------------------------------------------------------------
    "attention.inspect": ("走访 #{visit_id} 判定客户不达标，但这次走访本身无效：请分管领导核查",
                          "visit #{visit_id} reported substandard without an effective visit: "
                          "inspect it"),
    "attention.unready": ("走访 #{visit_id} 时客户尚未就绪",
                          "visit #{visit_id} went to a prospect that was not ready"),
    "attention.take_over": ("#{id} {company}（{stars} 星）：请分管领导接手",
                            "#{id} {company} ({stars} stars): a manager takes it over"),
    "attention.industry": ("#{prospect_id} 由{finder}找到，但属于{owners}负责的行业（{industry}）",
                           "prospect #{prospect_id}, found by {finder}, is in {owners}'s"
                           " industry ({industry})"),
    "attention.refused": ("走访 #{visit_id} 被拒，{cause}", "visit #{visit_id} was refused: {cause}"),
    "attention.kind_inspect": ("待检查的不达标走访", "substandard findings to inspect"),
    "attention.kind_unready": ("走访了未就绪的客户", "visits to prospects not ready"),
    "attention.kind_refused": ("被拒的走访", "visits refused at the door"),
    "attention.kind_industry": ("落在他人负责行业的新客户", "new prospects in another's industry"),
    "attention.kind_take_over": ("待分管领导接手的四、五星客户",
                                 "5 and 4 stars for a manager to take over"),
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
    "attention.kind_likely_duplicate": ("可能重复的客户", "likely duplicates"),
    # Each kind in a word, as `attention --kind` also takes it.
    "attention.word.inspect": ("待检查", "inspect"),
    "attention.word.unready": ("未就绪", "unready"),
    "attention.word.refused": ("被拒", "refused"),
    "attention.word.industry": ("行业", "industry"),
    "attention.word.likely-duplicate": ("可能重复", "likely-duplicate"),
    "attention.word.take-over": ("接手", "take-over"),
    "attention.likely": ("#{drop} {drop_company} 可能就是 #{keep} {keep_company}（{why}）；"
                         "确是两家的：{distinct}",
                         "#{drop} {drop_company} may be #{keep} {keep_company} typed again "
                         "({why}); if they are two companies: {distinct}"),

    # --- funnel.* ---------------------------------------------------------------------------------
    "funnel.found": ("找到", "found"),
    "funnel.quality": ("优质", "quality"),
    "funnel.verified": ("复核两轮", "verified twice"),
    "funnel.ready": ("可走访", "ready"),
    "funnel.visited": ("已走访", "visited"),
    "funnel.effective": ("有效走访", "effective"),
    "funnel.top_stars": ("四、五星", "4-5 stars"),

    # --- summary.* --------------------------------------------------------------------------------
    "summary.backwards": ("--from {date_from} 晚于 --to {date_to}", "--from {date_from} is after "
                          "--to {date_to}"),
    "summary.too_long": ("汇总最多 {days} 天", "a summary covers at most {days} days"),

    # --- agenda.* ---------------------------------------------------------------------------------
    "agenda.needs_visitor": ("请用 --visitor 指定走访人", "name the visitor with --visitor"),

    # --- inspect.* --------------------------------------------------------------------------------
    "inspect.wrong_word": (
        "走访 #{id} 待回答的是{question}，“{verdict}”回答不了；可用：{words}",
        "visit #{id} has {question} open, which “{verdict}” does not answer; use one of: "
        "{words}"),
}
