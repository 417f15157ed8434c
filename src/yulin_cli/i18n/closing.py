"""The words of deals' outcomes, calibration, `find` and `todo` (issue 22)."""

MESSAGES: dict[str, tuple[str, str]] = {
}
