"""yulin: run a Yulin-centre prospecting team by its field manual."""

__version__ = "0.1.0"
