"""Prospects: the one way a company enters (admission), its facts, and lists of them."""
