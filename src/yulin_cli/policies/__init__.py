"""The team's policy: versions kept in the database, shown, set by a manager, and simulated."""
