"""The words of long lists on one screen, of imports as a user meets them (progress, Ctrl-C,
what a dry run would do), and of duplicates found by sound (issue 13)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "ui.more": ("还有 {count} 行没有显示：--limit N 多看几行，--all 全部显示",
                "{count} more not shown: --limit N shows more, --all shows every row"),
    "ui.more_ranking": ("还有 {count} 个没有显示：--limit N 多看几个，--json 列出全部",
                        "{count} more not shown: --limit N shows more, --json lists every one"),
    "ui.earlier": ("更早的 {count} 条没有显示：--limit N 多看几条，--all 全部显示",
                   "{count} earlier not shown: --limit N shows more, --all shows every one"),
    "interrupted": ("已中断：什么都没有写入", "interrupted: nothing written"),
    "interrupted_saved": ("已中断：改动在中断前已经保存", "interrupted after the change was saved"),
    "import.interrupted": ("已中断：什么都没有导入", "interrupted: nothing imported"),
    "ui.file_row": ("第 {row} 行", "row {row}"),  # an earlier row of the same file
    "ui.would_import": ("共 {rows} 行，将导入 {count} 行（试运行，什么都没有写入）",
                        "{rows} rows; would import {count} (dry run: nothing written)"),
    "dup.same-sound": ("名称同音", "same-sounding name"),
    "evidence.same_sound": ("名称同音且另有一项信息一致（查重）",
                            "names that sound alike, a second fact agreeing (dedupe)"),
    "dup.likely_same-sound": ("名称同音（同音字），电话、信用代码、接口人姓氏加规模或公司邮箱"
                              "域名有一项相同",
                              "the names sound alike (同音字) and a phone, the credit code, the "
                              "contact's surname with the scale, or the company mail domain "
                              "agrees"),
    "dup.likely_similar-name": ("名称只差一个字，电话、信用代码、接口人姓氏加规模或公司邮箱域名"
                                "有一项相同",
                                "the names are one character apart and a phone, the credit "
                                "code, the contact's surname with the scale, or the company "
                                "mail domain agrees"),
    "help.opt.every": ("全部显示，不只一屏。", "Show every row, not one screen."),
}
