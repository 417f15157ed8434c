"""Guidance: what to say and do for one prospect (advise), and the playbook itself."""
