"""The team: centres, staff and their roles, the points ledger, inspections and industries."""
