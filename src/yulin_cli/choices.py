"""The values each choice may take: one list each, for the input models and the CLI alike.

Plain tuples, so the command line can build its option types without importing Pydantic.
"""

OWNERSHIPS = ("private", "soe", "foreign", "joint", "other")
NEEDS = ("explicit", "latent", "none")
INTERESTS = ("high", "flat", "none")
PRETEXTS = ("buyer", "applicant", "invitation", "front-desk", "other")
ROUND_RESULTS = ("confirmed", "contradicted")
OUTCOMES = ("met", "refused", "substandard")
VISIT_KINDS = ("planned", "sweep", "upgrade")
ROLES = ("prospector", "visitor", "manager")
