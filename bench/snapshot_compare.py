"""Compare two folders written by `bench/output_snapshot.py`, ignoring keys a change added.

    python bench/snapshot_compare.py BEFORE AFTER [--added KEY ...] [--root OLD=NEW ...]

Each ``.json`` file is loaded in both folders; keys named by ``--added`` are dropped from the AFTER
side wherever the BEFORE side lacks them at the same place (a claim's new ``raw``, not a
measurement's old one), then the two must be equal, keys in the same order. ``--root`` rewrites a path prefix in AFTER
(a snapshot taken in another clone prints that clone's paths). ``.error`` files must be
byte-identical. Prints one line per difference and exits 1 when there is any.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any


def _strip(value: Any, before: Any, added: set[str], roots: list[tuple[str, str]]) -> Any:
    """``value`` (AFTER) without the added keys BEFORE lacks at the same place, paths rewritten."""
    if isinstance(value, dict):
        old = before if isinstance(before, dict) else {}
        return {
            key: _strip(item, old.get(key), added, roots)
            for key, item in value.items()
            if key not in added or key in old
        }
    if isinstance(value, list):
        old_items = before if isinstance(before, list) else []
        return [
            _strip(item, old_items[i] if i < len(old_items) else None, added, roots) for i, item in enumerate(value)
        ]
    if isinstance(value, str):
        for old_root, new_root in roots:
            if value.startswith(old_root):
                return new_root + value[len(old_root) :]
    return value


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--added", action="append", default=[], help="a key the change added")
    parser.add_argument("--root", action="append", default=[], help="OLD=NEW path prefix in AFTER")
    args = parser.parse_args()
    roots = [tuple(pair.split("=", 1)) for pair in args.root]
    before = {p.name for p in args.before.iterdir()}
    after = {p.name for p in args.after.iterdir()}
    problems = [f"only in {args.before}: {name}" for name in sorted(before - after)]
    problems += [f"only in {args.after}: {name}" for name in sorted(after - before)]
    for name in sorted(before & after):
        old_text = (args.before / name).read_text(encoding="utf-8")
        new_text = (args.after / name).read_text(encoding="utf-8")
        if not name.endswith(".json"):
            if old_text != new_text:
                problems.append(f"{name}: differs")
            continue
        old = json.loads(old_text)
        new = _strip(json.loads(new_text), old, set(args.added), roots)  # type: ignore[arg-type]
        if json.dumps(old) != json.dumps(new):  # key order too
            problems.append(f"{name}: differs after dropping {sorted(args.added)}")
    for line in problems:
        print(line)
    print(f"{len(before & after)} files compared, {len(problems)} differences")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
