"""Team mode on PostgreSQL: logins, the team's setup, upgrades by the schema's owner and
copies to a server."""

MESSAGES: dict[str, tuple[str, str]] = {
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
    "login.group": ("拒绝：{login} 是一个角色组，不能作为登录名交给某个人",
                    "refused: {login} is a group role; it is never made a person's login"),
    "login.foreign": ("拒绝：{login} 不是本团队用 yulin team login 建的登录名（可能属于别的团队），"
                      "不会重置或接管它",
                      "refused: {login} is not a login `yulin team login` made for this team "
                      "(it may be another team's); it is never reset or taken over"),
}
