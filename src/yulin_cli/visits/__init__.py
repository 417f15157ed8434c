"""Verification and visits: rounds, readiness, planned and logged visits, red sea and routes."""
