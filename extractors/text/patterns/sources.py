"""Patterns for naming labels to fetch: set ids and the origin a name is asked from."""

from __future__ import annotations

import regex

from extractors.text.patterns import stored, timed

# A label's set id, the UUID that stays the same across its versions:
# "5e81b4a7-b971-45e1-9c31-29cea8c87ce7" (TAGRISSO), also written in upper case in old SPLs.
SET_ID = stored.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", regex.I)

# A label asked for by name, with where to ask: "openfda:TAGRISSO", "dailymed:e9481622-7cc6-…".
LABEL_NAME = stored.compile(r"(?P<origin>openfda|dailymed):(?P<name>\S.{0,199})", regex.I)

timed.wrap(globals())  # every pattern above is held to the reading budget
