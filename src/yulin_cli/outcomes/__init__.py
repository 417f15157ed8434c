"""Outcomes: what the rules derive from the recorded facts, kept equal to them in the database
(``service.reconcile``), checked (``doctor --recompute``) and replayed under another policy
(``policy simulate``)."""
