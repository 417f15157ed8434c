"""The words of what the field finds: county towns, photos, typed input (issue 18)."""

MESSAGES: dict[str, tuple[str, str]] = {
}
