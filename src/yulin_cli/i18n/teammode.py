"""Team mode on PostgreSQL: logins, roles, upgrades, copies and the server's refusals."""

MESSAGES: dict[str, tuple[str, str]] = {
    "refuse.not_you": ("拒绝：这个登录账号属于 {staff}，只有分管领导的账号才能以 {name} 的名义记录",
                       "refused: this login belongs to {staff}; only a manager's login may "
                       "act as {name}"),
    "db.needs_upgrade": ("数据库需要升级：请管理员运行 `yulin --db URL upgrade`（{target}）",
                         "the database needs an upgrade: ask the administrator to run "
                         "`yulin --db URL upgrade` ({target})"),
    "db.lost": ("与数据库 {target} 的连接断开了：{error}；这条命令的改动没有保存",
                "lost the connection to the database {target}: {error}; this command's "
                "changes were not saved"),
    "upgrade.not_owner": ("只有数据库结构的所有者 {owner} 能升级它；当前登录是 {login}",
                          "only the owner of the schema ({owner}) can upgrade it; this login "
                          "is {login}"),
    "team.needs_postgres": ("团队模式需要 PostgreSQL 数据库（--db postgresql+psycopg://...）",
                            "team mode needs a PostgreSQL database "
                            "(--db postgresql+psycopg://...)"),
    "login.bad_name": ("登录名 “{login}” 无效：用小写字母开头，只含小写字母、数字和 _，最多 63 个字符",
                       "bad login “{login}”: start with a lowercase letter and use only "
                       "lowercase letters, digits and _, at most 63 characters"),
    "login.bad_password": ("密码须为 8 到 128 个字符，不含控制字符",
                           "a password has 8 to 128 characters and no control characters"),
    "login.taken": ("拒绝：登录名 {login} 已属于 {staff}", "refused: login {login} already "
                    "belongs to {staff}"),
    "login.reserved": ("拒绝：{login} 是管理员或超级用户的登录名；请给每个人单独的登录名",
                       "refused: {login} is the administrator's or a superuser's login; give "
                       "each person a login of their own"),
    "login.no_roles": ("请先运行 yulin team setup：还没有 yulin_staff 和 yulin_managers 这两个角色组",
                       "run `yulin team setup` first: the group roles yulin_staff and "
                       "yulin_managers do not exist yet"),
    "login.prompt": ("{login} 的密码", "Password for {login}"),
    "login.prompt_again": ("再输入一次", "Repeat the password"),
    "login.no_password": ("没有得到 {login} 的密码：请在提示时输入，或设置 YULIN_PASSWORD",
                          "no password for {login}: type it at the prompt, or set "
                          "YULIN_PASSWORD"),
    "copy.not_empty": ("拒绝：{target} 不是空数据库（已有 {tables} 张表）；copy 只复制到空数据库",
                       "refused: {target} is not empty ({tables} tables); copy needs an empty "
                       "database"),
    "copy.same": ("不能把数据库复制到它自己", "cannot copy a database onto itself"),
    "copy.count_differs": ("拒绝：表 {table} 原有 {source} 行，复制后是 {copied} 行；复制已撤销",
                           "refused: table {table} has {source} rows here but {copied} in the "
                           "copy; the copy was rolled back"),
    "ui.team_setup": ("团队模式已就绪：{policies} 条行级安全策略，{tables} 张表",
                      "team mode ready: {policies} row-level security policies on {tables} "
                      "tables"),
    "ui.roles_created": ("新建角色组：{roles}", "group roles created: {roles}"),
    "ui.logins_synced": ("登录账号：{logins}", "logins: {logins}"),
    "ui.login_mapped": ("登录名 {login} 已给 {staff}（{group}）", "login {login} is now "
                        "{staff}'s ({group})"),
    "ui.upgraded": ("数据库已从 {before} 升级到 {after}", "upgraded the database from {before} "
                    "to {after}"),
    "ui.up_to_date": ("数据库已是最新结构 {after}", "the database is already at {after}"),
    "ui.copying": ("正在复制", "copying"),
    "ui.copied": ("已复制 {rows} 行（{tables} 张表）到 {target}，每张表行数一致",
                  "copied {rows} rows in {tables} tables to {target}; every table's count "
                  "matches"),
    "ui.upgrade_needed": ("需要升级：yulin upgrade", "upgrade needed: yulin upgrade"),
    "ui.recorded_by": ("录入账号", "login"),
}
