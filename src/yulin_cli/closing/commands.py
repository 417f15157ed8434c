"""Commands of closing: how deals ended and how well the stars predicted them."""

from yulin_cli.runtime import sub_app

app = sub_app("Results: deals won or lost, and how well the stars predict them.")
