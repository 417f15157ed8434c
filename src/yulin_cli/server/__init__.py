"""Team mode on PostgreSQL: group roles, grants, row-level security and logins (`yulin team`)."""
