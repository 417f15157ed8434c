"""Closing: the human view of each result of the slice (see ``render.view``)."""

from __future__ import annotations
