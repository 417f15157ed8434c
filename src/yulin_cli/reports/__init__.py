"""Ratings and reports: stars and the ranking, the daily report, the manager's view, notices."""
