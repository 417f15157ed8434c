"""The words of the manager's evening (daily report, attention, summary), the visitor's morning
(agenda), corrections (void, unmerge), merge confirmations and saved views."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- the database ----------------------------------------------------------------------
    "db.missing": ("没有数据库：{path}。先用 yulin center add 名称 --city 城市 建一个"
                   "（或用 yulin demo 装入示例团队）",
                   "no database at {path}: create one with `yulin center add NAME --city CITY` "
                   "(or `yulin demo` for the sample team)"),
}
