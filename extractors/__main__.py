"""``python -m extractors``: the same command line as the ``trialproof`` script."""

from extractors.cli import main

raise SystemExit(main())
