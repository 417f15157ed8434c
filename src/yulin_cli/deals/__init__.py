"""Deals shared with others: the direct-sales branch (Q11) and partners (Q10)."""
