"""Patterns for printed numbers."""

from __future__ import annotations

import regex

# What a printed number may carry that is not part of its value: thousands separators and spaces
# ("1,067", "0. 39", "1 067").
NOT_NUMERIC = regex.compile(r"[,\s\u00a0\u2009\u202f]")

HAS_DIGIT = regex.compile(r"\d")
