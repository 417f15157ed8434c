"""Corrections: a mistyped round, visit or points entry voided, its effects reversed by new
entries; nothing is ever deleted."""
