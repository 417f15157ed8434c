"""Administration: the policy, backups, the health check and the demo team."""
