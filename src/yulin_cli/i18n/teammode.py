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
    "db.locked": ("数据库 {target} 正被另一个会话锁住，等了 5 秒仍未释放；请稍后再试，或请管理员查看"
                  "是谁占着锁（pg_stat_activity）",
                  "the database {target} is locked by another session and stayed locked for 5 "
                  "seconds; try again later, or ask the administrator who holds the lock "
                  "(pg_stat_activity)"),
    "db.timeout": ("数据库 {target} 上的这条命令超时了（60 秒）；改动没有保存",
                   "this command timed out on the database {target} (60 seconds); nothing was "
                   "saved"),
    "db.bad_password": ("连接 {target} 的密码不对（或这个登录名不存在）",
                        "wrong password for {target} (or no such login)"),
    "db.raw_at": ("数据库地址的密码里有 “@”：请写成 %40（{target}）",
                  "the password in the database URL holds a raw “@”: write it as %40 ({target})"),
    "void.not_written": ("拒绝：服务器没有让这个登录作废 #{id}，什么也没改",
                         "refused: the server did not let this login void #{id}; nothing "
                         "changed"),
    "login.group": ("拒绝：{login} 是一个角色组，不能作为登录名交给某个人",
                    "refused: {login} is a group role; it is never made a person's login"),
    "login.foreign": ("拒绝：{login} 不是本团队用 yulin team login 建的登录名（可能属于别的团队），"
                      "不会重置或接管它",
                      "refused: {login} is not a login `yulin team login` made for this team "
                      "(it may be another team's); it is never reset or taken over"),
    "empty.logins": ("还没有给任何人建登录名", "no logins made for this team yet"),
    "ui.login": ("登录名", "login"),
    "ui.login_made": ("建立", "made"),
    "ui.login_last_use": ("最后一次写入", "last wrote"),
    "ui.logins_title": ("本团队的登录名", "this team's logins"),
    "ui.login_disabled": ("（已收回）", "(taken away)"),
    "ui.logged_out": ("已收回登录名 {login}（原属 {staff}）：它不再属于任何人，也不能再连这个数据库",
                      "took login {login} away (it was {staff}'s): mapped to nobody, it can no "
                      "longer reach this database"),
    "ui.logged_out_disabled": ("已收回并停用登录名 {login}（原属 {staff}）：它在整个服务器上都不能再登录",
                               "took login {login} away (it was {staff}'s) and disabled it: "
                               "it can no longer log in anywhere on the server"),
    "help.cmd.team.logins": ("本团队的登录名：各属于谁，最后一次写入是什么时候。",
                             "The logins made for this team: whose each is, and when it last "
                             "wrote."),
    "help.cmd.team.logout": ("把一个登录名从它的主人那里收回：它离开团队的角色组和这个数据库。",
                             "Take a login away from its person: it leaves the team's groups and "
                             "this database."),
    "help.cmd.team.logout.name": ("要收回的登录名。", "The login to take away."),
    "help.cmd.team.logout.disable": ("同时让它在整个服务器上都不能再登录（已离职的人）。",
                                     "Also stop it logging in anywhere (someone who left)."),
    "refuse.finder_managers": ("拒绝：{name} 不是分管领导，只有分管领导能改客户的开拓人",
                               "refused: {name} is not a manager; only managers change who "
                               "found a prospect"),
}
