"""Labels fetched by name into a cache, and found there again: ``openfda:TAGRISSO``, ``dailymed:SETID``.

openFDA is asked for a brand name, a generic name or a set id; DailyMed for an SPL by set id.
Each label is kept as the file the service sent (one openFDA record, or the SPL XML), under
``<cache>/labels/<origin>/<set id>/<name>-v<version>.<ext>``, and an index keeps its set id,
version, effective date and the names it was asked by. The cache folder is the platform's
(``platformdirs``), or ``TRIALPROOF_CACHE``; the services' addresses can be changed with
``TRIALPROOF_OPENFDA_URL`` and ``TRIALPROOF_DAILYMED_URL`` (the tests serve recorded responses on
the loopback address). Nothing here runs unless a label is asked for by name.
"""

from __future__ import annotations

import json
import os
import tempfile
import urllib.error
import urllib.parse
from dataclasses import asdict, dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from extractors.batch.facts import LabelFacts, label_facts
from extractors.records import InputError
from extractors.text.patterns import sources as patterns
from extractors.text.patterns.text import NON_SLUG

OPENFDA_URL = "https://api.fda.gov/drug/label.json"
DAILYMED_URL = "https://dailymed.nlm.nih.gov/dailymed/services/v2/spls"
TIMEOUT_SECONDS = 30
MAX_RESPONSE_BYTES = 50 * 1024 * 1024  # the largest openFDA label record is a few MB
ORIGINS = ("openfda", "dailymed")


@dataclass(frozen=True, slots=True)
class CachedLabel:
    """A label in the cache: the file and what identifies it."""

    origin: str  # openfda | dailymed
    path: str  # the label file, readable by `load_source`
    set_id: str | None
    version: int | None
    effective: str | None  # ISO date
    brand: str | None
    generic: str | None
    fetched_at: str  # ISO time
    asked: tuple[str, ...] = ()  # the names it was fetched by, folded

    def answers(self, origin: str, name: str) -> bool:
        folded = name.casefold()
        own = {x.casefold() for x in (self.set_id, self.brand, self.generic) if x}
        return self.origin == origin and (folded in own or folded in self.asked)


class Offline(Exception):
    """The service could not be reached (no network, refused, timed out)."""


def cache_folder() -> Path:
    """Where fetched labels are kept: ``$TRIALPROOF_CACHE/labels`` or the platform's cache folder."""
    base = os.environ.get("TRIALPROOF_CACHE")
    if not base:
        import platformdirs

        base = platformdirs.user_cache_dir("trialproof", appauthor=False)
    return Path(base) / "labels"


def parse_name(spec: str) -> tuple[str, str]:
    """``openfda:TAGRISSO`` → (openfda, TAGRISSO); a bare name is asked from openFDA."""
    match = patterns.LABEL_NAME.fullmatch(spec.strip())
    origin, name = (match.group("origin").lower(), match.group("name").strip()) if match else ("openfda", spec.strip())
    if not name:
        raise InputError(spec, "name a label: a brand or generic name, or a set id")
    if origin == "dailymed" and not patterns.SET_ID.fullmatch(name):
        raise InputError(
            spec, "DailyMed labels are fetched by set id (e.g. dailymed:e9481622-7cc6-418a-acb6-c5450daae9b0)"
        )
    return origin, name


def cached_labels() -> list[CachedLabel]:
    """Every label in the cache whose file is still there."""
    index = cache_folder() / "index.json"
    try:
        entries = json.loads(index.read_text(encoding="utf-8")).get("labels", [])
    except (OSError, ValueError, AttributeError):
        return []
    found = []
    for entry in entries if isinstance(entries, list) else []:
        try:
            label = CachedLabel(**{**entry, "asked": tuple(entry.get("asked", ()))})
        except TypeError:
            continue
        if Path(label.path).is_file():
            found.append(label)
    return found


def find_cached(origin: str, name: str) -> CachedLabel | None:
    """The latest version in the cache of the label ``name`` asked from ``origin``."""
    matches = [label for label in cached_labels() if label.answers(origin, name)]
    return max(matches, key=lambda label: (label.version or 0, label.effective or ""), default=None)


def resolve_label(spec: str) -> str:
    """The file for ``openfda:NAME`` or ``dailymed:SETID``: from the cache, else fetched into it."""
    origin, name = parse_name(spec)
    cached = find_cached(origin, name)
    if cached is not None:
        return cached.path
    try:
        return fetch_label(spec).path
    except Offline as reason:
        raise InputError(spec, f"not in the label cache ({cache_folder()}) and {reason}") from None


def refresh_label(spec: str) -> tuple[CachedLabel, str | None]:
    """Fetch ``spec`` again; offline, the cached copy and a note saying so; neither: `InputError`."""
    try:
        return fetch_label(spec), None
    except Offline as reason:
        cached = find_cached(*parse_name(spec))
        if cached is None:
            raise InputError(spec, f"not in the label cache ({cache_folder()}) and {reason}") from None
        return cached, f"{reason}; the cached copy is used"


def fetch_label(spec: str) -> CachedLabel:
    """Download the label ``spec`` names into the cache (replacing that version) and index it.

    Raises `Offline` when the service cannot be reached, `InputError` when it has no such label.
    """
    origin, name = parse_name(spec)
    if origin == "dailymed":
        data = _get(f"{_base('dailymed')}/{urllib.parse.quote(name.lower())}.xml", spec, "DailyMed")
        if data is None:
            raise InputError(spec, f"DailyMed has no SPL with set id {name}")
        facts, suffix = label_facts(data), ".xml"
    else:
        record = _openfda_record(name, spec)
        data = json.dumps({"results": [record]}, ensure_ascii=False).encode("utf-8")
        facts, suffix = label_facts(data), ".json"
    if facts.set_id is None:
        raise InputError(spec, f"the {origin} response is not a label (no set id)")
    return _keep(origin, name, facts, data, suffix)


def _openfda_record(name: str, spec: str) -> dict[str, Any]:
    """The openFDA record for a set id, or the latest label whose brand or generic name is ``name``."""
    fields = ("set_id",) if patterns.SET_ID.fullmatch(name) else ("openfda.brand_name", "openfda.generic_name")
    for field in fields:
        query = urllib.parse.urlencode({"search": f'{field}:"{name}"', "limit": 10})
        data = _get(f"{_base('openfda')}?{query}", spec, "openFDA")
        if data is None:
            continue
        try:
            results = json.loads(data).get("results")
        except (ValueError, AttributeError):
            raise InputError(spec, "openFDA answered with something that is not JSON") from None
        records = [r for r in results or [] if isinstance(r, dict)]
        if records:
            return max(records, key=lambda r: _rank(r, name))
    raise InputError(spec, f"openFDA has no label named {name}")


def _rank(record: dict[str, Any], name: str) -> tuple[bool, bool, str]:
    """Prefer the label that is exactly ``name``, from the original packager, latest first."""
    found = record.get("openfda")
    openfda: dict[str, Any] = found if isinstance(found, dict) else {}
    names = [str(n).casefold() for key in ("brand_name", "generic_name") for n in openfda.get(key) or []]
    original = openfda.get("is_original_packager") in ([True], True)
    return name.casefold() in names, original, str(record.get("effective_time") or "")


def _get(url: str, spec: str, service: str) -> bytes | None:
    """The body at ``url``; ``None`` when the service says there is no such thing (404)."""
    import urllib.request  # only fetching needs it: ~40 ms of imports (http, ssl, email) every command would pay

    request = urllib.request.Request(url, headers={"User-Agent": "trialproof (label fetch)"})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
            data: bytes = response.read(MAX_RESPONSE_BYTES + 1)
    except urllib.error.HTTPError as error:
        if error.code == 404:
            return None
        raise InputError(spec, f"{service} answered HTTP {error.code} ({error.reason})") from None
    except (urllib.error.URLError, OSError) as error:
        reason = getattr(error, "reason", error)
        host = urllib.parse.urlsplit(url).netloc
        raise Offline(f"{service} ({host}) cannot be reached: {reason}") from None
    if len(data) > MAX_RESPONSE_BYTES:
        raise InputError(spec, f"{service} sent more than {MAX_RESPONSE_BYTES // 1_048_576} MB")
    return data


def _base(origin: str) -> str:
    if origin == "dailymed":
        return os.environ.get("TRIALPROOF_DAILYMED_URL", DAILYMED_URL).rstrip("/")
    return os.environ.get("TRIALPROOF_OPENFDA_URL", OPENFDA_URL)


def _keep(origin: str, name: str, facts: LabelFacts, data: bytes, suffix: str) -> CachedLabel:
    """Write the label file and its index entry, each replaced whole (never half written)."""
    slug = NON_SLUG.sub("-", (facts.brand or facts.generic or "label").lower()).strip("-") or "label"
    version = f"v{facts.version}" if facts.version is not None else "latest"
    target = cache_folder() / origin / str(facts.set_id) / f"{slug}-{version}{suffix}"
    _write_atomically(target, data)
    others = [label for label in cached_labels() if label.path != str(target)]
    previous = next((label for label in cached_labels() if label.path == str(target)), None)
    asked = sorted({name.casefold(), *(previous.asked if previous else ())})
    label = CachedLabel(
        origin, str(target), facts.set_id, facts.version, _iso(facts.effective), facts.brand, facts.generic,
        datetime.now().isoformat(timespec="seconds"), tuple(asked),
    )  # fmt: skip
    index = {"labels": [asdict(entry) for entry in [*others, label]]}
    _write_atomically(cache_folder() / "index.json", json.dumps(index, indent=1).encode("utf-8"))
    return label


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _write_atomically(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
