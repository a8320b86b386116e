"""Start-up: the command line as a whole process, and what it imports before it reads a byte.

Times ``trialproof --help``, ``trialproof extract`` of one small label and ``trialproof verify`` of
a bundled example as whole processes (wall and CPU seconds, median of several runs; with
hyperfine too when it is installed), next to a bare ``python -c pass`` and ``python -c "import extractors"``
measured in the same run (the baseline). Then ``python -X importtime`` says how long the imports
take and whether the heavy libraries (pandas, plotly, scipy, numpy, streamlit) are among them, and
through which module they came in. Run:

    python bench/startup.py [LABEL_FILE] [--runs 10]

Target (issue 13): ``trialproof --help`` and ``trialproof extract`` of a small label in at most
0.35 s each.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchkit import CORPUS, PROJECT

# The children run with their bytecode cached (as an installed package has it), kept out of the tree;
# a shell with PYTHONDONTWRITEBYTECODE set would otherwise recompile every module on every run.
PYCACHE = Path(tempfile.gettempdir()) / "trialproof-bench-pycache"
CHILD_ENV = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
CHILD_ENV["PYTHONPYCACHEPREFIX"] = str(PYCACHE)
CHILD_CWD = tempfile.gettempdir()  # not the project folder, whose extractors/ would shadow an installed one
SMALL_LABEL = CORPUS / "votrient_pazopanib_openfda_label_NDA022465_2023.json"
EXAMPLE = PROJECT / "data" / "examples" / "sarcoma_thigh_treatment_options.txt"
HEAVY = ("pandas", "plotly", "scipy", "numpy", "streamlit")


def trialproof() -> list[str]:
    """The installed ``trialproof`` script, run by this interpreter (so -X options reach it)."""
    script = shutil.which("trialproof", path=str(Path(sys.executable).parent)) or shutil.which("trialproof")
    return [sys.executable, script] if script else [sys.executable, "-m", "extractors"]


def process_seconds(argv: list[str], runs: int) -> tuple[float, float]:
    """The median wall and CPU (user + system) seconds of running ``argv`` to its end, output
    thrown away, after one untimed run. The CPU time is what a busy machine does not inflate."""
    subprocess.run(
        argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=CHILD_ENV, cwd=CHILD_CWD
    )  # warm
    wall, cpu = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run(
            argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=CHILD_ENV, cwd=CHILD_CWD
        )
        wall.append(time.perf_counter() - started)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return statistics.median(wall), statistics.median(cpu)


def hyperfine_seconds(argv: list[str], runs: int) -> float | None:
    """hyperfine's median for ``argv``, or None when hyperfine is not installed."""
    if shutil.which("hyperfine") is None:
        return None
    with tempfile.NamedTemporaryFile(suffix=".json") as export:
        command = " ".join(argv)
        subprocess.run(
            ["hyperfine", "-N", "--warmup", "2", "--runs", str(runs), "--export-json", export.name, command],
            capture_output=True,
            check=False,
            env=CHILD_ENV,
            cwd=CHILD_CWD,
        )
        results = json.loads(Path(export.name).read_text(encoding="utf-8") or "{}").get("results", [])
    return float(results[0]["median"]) if results else None


def import_lines(argv: list[str]) -> list[tuple[int, int, str]]:
    """``python -X importtime`` of ``argv``: (depth, cumulative µs, module) in the order printed,
    where a module is printed after the modules it imported, one level deeper."""
    done = subprocess.run(
        [argv[0], "-X", "importtime", *argv[1:]],
        capture_output=True,
        text=True,
        check=False,
        env=CHILD_ENV,
        cwd=CHILD_CWD,
    )
    lines = []
    for line in done.stderr.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        _, cumulative, name = line.removeprefix("import time:").split("|")
        depth = (len(name) - len(name.lstrip()) - 1) // 2
        lines.append((depth, int(cumulative), name.strip()))
    return lines


def importer_chain(lines: list[tuple[int, int, str]], index: int) -> list[str]:
    """The modules whose import pulled in ``lines[index]``, nearest first."""
    chain, depth = [], lines[index][0]
    for later_depth, _, name in lines[index + 1 :]:
        if later_depth < depth:
            chain.append(name)
            depth = later_depth
    return chain


def in_package(name: str, package: str) -> bool:
    return name == package or name.startswith(package + ".")


def package_cost(lines: list[tuple[int, int, str]], package: str) -> tuple[float, list[str]]:
    """Milliseconds spent importing ``package`` (each place the import entered it from outside,
    with everything it pulled in), and the chain of extractors modules through which it first came."""
    total = 0
    first_chain: list[str] = []
    for index, (_, cumulative, name) in enumerate(lines):
        if not in_package(name, package):
            continue
        chain = importer_chain(lines, index)
        if chain and in_package(chain[0], package):
            continue  # imported by the package itself: already in its entry point's cumulative
        total += cumulative
        first_chain = first_chain or [n for n in chain if n.startswith("extractors")][:4]
    return total / 1000, first_chain


def print_imports(title: str, argv: list[str]) -> None:
    lines = import_lines(argv)
    total = sum(cumulative for depth, cumulative, _ in lines if depth == 0)
    print(f"\n{title}: {total / 1000:.0f} ms of imports, {len(lines)} modules")
    for heavy in HEAVY:
        if not any(in_package(name, heavy) for _, _, name in lines):
            print(f"  {heavy:10} not imported")
            continue
        milliseconds, chain = package_cost(lines, heavy)
        via = " ← ".join(chain) if chain else "not through extractors"
        print(f"  {heavy:10} {milliseconds:7.0f} ms  via {via}")
    print("  (a package imported by another counts in both: numpy's time is part of scipy's)")
    extractors_modules = sorted(
        ((cumulative, name) for _, cumulative, name in lines if name.startswith("extractors")), reverse=True
    )
    largest = ", ".join(f"{name} {cumulative / 1000:.0f} ms" for cumulative, name in extractors_modules[:4])
    print(f"  largest extractors imports (cumulative): {largest}")


def main() -> None:
    arguments = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    arguments.add_argument("label", nargs="?", type=Path, default=SMALL_LABEL)
    arguments.add_argument("--runs", type=int, default=10)
    options = arguments.parse_args()
    cli = trialproof()
    commands = {
        "python -c pass": [sys.executable, "-c", "pass"],
        'python -c "import extractors"': [sys.executable, "-c", "import extractors"],
        "trialproof --help": [*cli, "--help"],
        f"trialproof extract {options.label.name[:28]}…": [*cli, "extract", str(options.label)],
        f"trialproof verify {EXAMPLE.name}": [*cli, "verify", str(EXAMPLE)],
    }
    print(f"whole processes, median of {options.runs} runs (target ≤ 0.35 s wall for --help and extract)")
    print(f"  bytecode cached in {PYCACHE}, as an installed package has it", end="")
    print(
        " (PYTHONDONTWRITEBYTECODE is set in this shell, not for the runs)"
        if "PYTHONDONTWRITEBYTECODE" in os.environ
        else ""
    )
    print(f"  {'':52} {'wall':>7}  {'CPU':>7}  {'CPU vs python -c pass':>22}")
    baseline = None
    for title, argv in commands.items():
        wall, cpu = process_seconds(argv, options.runs)
        baseline = baseline or cpu
        hyperfine = hyperfine_seconds(argv, options.runs)
        also = f"  hyperfine {hyperfine:.3f} s" if hyperfine is not None else ""
        print(f"  {title:52} {wall:6.3f} s {cpu:6.3f} s  {cpu / baseline:21.1f}×{also}")
    if shutil.which("hyperfine") is None:
        print("  (hyperfine not installed: subprocess and time.perf_counter only)")
    print_imports("trialproof --help", [*cli, "--help"])
    print_imports(f"trialproof extract {options.label.name}", [*cli, "extract", str(options.label)])


if __name__ == "__main__":
    main()
