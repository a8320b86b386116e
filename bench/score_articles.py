"""Score `trialproof verify` on the project's hand-read article expectations with the shared scorer.

The shared scorer (../shared/eval/score_claims.py, or $TRIALPROOF_EVAL/score_claims.py) joins an
expectation's "article" path to the folder that holds shared/; the project's own articles are
named relative to the repository root, so each file is scored from a temporary copy whose article
path is made absolute. Prints the scorer's line for each file, then one line for all of them.
Other arguments (--verbose, --min-caught F, ...) go to the scorer unchanged. Run from anywhere:

    python bench/score_articles.py [EXPECT.json ...] [scorer options]

Default: tests/cases/articles/*.expect.json and bench/gold/articles/*.expect.json.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
EVAL = Path(os.environ.get("TRIALPROOF_EVAL") or REPO.parent / "shared" / "eval")
DEFAULT = ["tests/cases/articles/*.expect.json", "bench/gold/articles/*.expect.json"]


def _resolved_copy(expect: Path, folder: Path) -> Path:
    """The expectation with a repository-relative article path made absolute."""
    data = json.loads(expect.read_text(encoding="utf-8"))
    if not data["article"].startswith("shared/"):
        data["article"] = str(REPO / data["article"])
    copy = folder / expect.name
    copy.write_text(json.dumps(data), encoding="utf-8")
    return copy


def _score(expects: list[Path], options: list[str]) -> int:
    env = dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}")
    command = [sys.executable, str(EVAL / "score_claims.py"), *map(str, expects), *options]
    return subprocess.run(command, env=env, check=False).returncode


def main(argv: list[str]) -> int:
    names = [a for a in argv if a.endswith(".json")]
    options = [a for a in argv if not a.endswith(".json")]
    expects = [Path(n).resolve() for n in names] or sorted(p for g in DEFAULT for p in REPO.glob(g))
    if not (EVAL / "score_claims.py").is_file():
        print(f"{EVAL / 'score_claims.py'}: not found (set TRIALPROOF_EVAL to the folder holding it)")
        return 2
    with tempfile.TemporaryDirectory() as folder:
        copies = [_resolved_copy(e, Path(folder)) for e in expects]
        status = max((_score([c], options) for c in copies), default=0)
        if len(copies) > 1:
            status = max(status, _score(copies, options))
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
