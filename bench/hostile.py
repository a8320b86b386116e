"""Hostile input, measured: generated texts, adversarial strings by size, and hostile files.

Run from the project root (the issue 16 targets in brackets):

    python bench/hostile.py                 # everything
    python bench/hostile.py fuzz [N] [ENTRY WORDS]
                                            # N generated texts per entry point (10,000) [0 exceptions, 0 over 1 s];
                                            # words pick entry points (extract, source, quoted, markup)
    python bench/hostile.py strings [SIZES] [KIND WORDS]
                                            # each adversarial kind at 10 KB, 100 KB, 1 MB [1 MB under 5 s, linear],
                                            # one unit repeated, varied (no unit repeated), and the new kinds of
                                            # bench/hostile_kinds.py (text, and files: JSON, HTML, JATS); words pick kinds
    python bench/hostile.py files           # every hostile file of tests/cases [exit 2, one line, < 5 s, < 500 MB]
    python bench/hostile.py interrupts [N]  # Ctrl-C at N moments of a run [one line and exit 130, never a traceback]

Generated texts come from tests/fuzz_texts.py, hostile files from tests/cases/hostile_reproducers.json.
A string that runs past ``CAP`` seconds is stopped and printed as "> CAP".
"""

from __future__ import annotations

import itertools
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from types import FrameType

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from hostile_kinds import MARKUP_KINDS, TEXT_KINDS  # noqa: E402
from hypothesis import HealthCheck, Phase, given, settings  # noqa: E402

from extractors import (  # noqa: E402
    ExtractReport,
    InputError,
    VerifyReport,
    article_from_bytes,
    extract,
    source_from_bytes,
    verify,
)
from tests.fuzz_texts import (  # noqa: E402
    article_like,
    as_html_label,
    as_jats,
    as_openfda,
    label_like,
    report_problems,
)
from tests.hostile_cases import argv, load_cases, write_case  # noqa: E402

CAP = 60  # seconds before a string is stopped
SLOW = 1.0  # a generated document over this is counted
PROGRESS = 500  # texts between two progress lines
SLOW_FOLDER = Path(tempfile.gettempdir()) / "trialproof-slow-texts"  # where each slow text is kept


class _Stopped(Exception):
    pass


def _stop(signum: int, frame: FrameType | None) -> None:
    raise _Stopped


def timed(
    run: Callable[[], object], cap: int = CAP, clock: Callable[[], float] = time.perf_counter
) -> tuple[float, str]:
    """Seconds ``run`` took by ``clock`` and what became of it: "ok", "budget" (a report whose reading
    stopped at the document budget), "refused", "stopped" (at ``cap``) or the exception."""
    signal.signal(signal.SIGALRM, _stop)
    signal.alarm(cap)
    started = clock()
    try:
        outcome = "budget" if _reading_stopped(run()) else "ok"
    except InputError:
        outcome = "refused"
    except _Stopped:
        outcome = "stopped"
    except Exception as error:
        frame = traceback.extract_tb(error.__traceback__)[-1]
        outcome = f"{type(error).__name__} at {Path(frame.filename).name}:{frame.lineno}"
    finally:
        signal.alarm(0)
    return clock() - started, outcome


def _reading_stopped(report: object) -> bool:
    """Whether ``report`` (of `extract` or `verify`) says its reading stopped at the budget."""
    if isinstance(report, VerifyReport):
        return any(flag.check == "reading_stopped" for flag in report.article.flags)
    if isinstance(report, ExtractReport):
        return any(flag.check == "reading_stopped" for source in report.sources for flag in source.flags)
    return False


# ---------------------------------------------------------------------------------------------
# generated texts


def _entry_points() -> dict[str, Callable[[str, str], object]]:
    def run_extract(label: str, article: str) -> object:
        report = extract([source_from_bytes(label.encode(), "label.txt")])
        return report_problems(report)

    def run_verify(label: str, article: str) -> object:
        report = verify(
            article_from_bytes(article.encode(), "article.txt"), [source_from_bytes(label.encode(), "l.txt")]
        )
        return report_problems(report)

    def run_quoted(label: str, article: str) -> object:
        return report_problems(verify(article_from_bytes(article.encode(), "article.txt")))

    def run_markup(label: str, article: str) -> object:
        wrapped = (source_from_bytes(as_openfda(label), "l.json"), source_from_bytes(as_html_label(label), "l.html"))
        return report_problems(verify(article_from_bytes(as_jats(article), "article.xml"), wrapped))

    return {
        "extract": run_extract,
        "verify --source": run_verify,
        "verify (quoted label)": run_quoted,
        "markup (JSON, HTML, JATS)": run_markup,
    }


def fuzz(examples: int, only: tuple[str, ...] = ()) -> None:
    """``examples`` generated texts through each entry point (those whose name holds a word of ``only``)."""
    print(f"\n== {examples:,} generated texts per entry point (target: 0 exceptions, 0 over {SLOW:g} s)")
    print("seconds of CPU time of this process, the machine being shared (the worst wall-clock time after it)")
    import scipy.stats  # noqa: F401  (the checks import it when first needed: 1.2 s once, not per text)

    for name, entry in _entry_points().items():
        if not only or any(word in name for word in only):
            _fuzz_entry(name, entry, examples)


def _fuzz_entry(name: str, entry: Callable[[str, str], object], examples: int) -> None:
    outcomes: Counter[str] = Counter()
    times: list[tuple[float, int]] = []
    walls: list[float] = []
    SLOW_FOLDER.mkdir(exist_ok=True)
    samples: dict[str, str] = {}

    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(label_like, article_like)
    def run(label: str, article: str) -> None:
        problems: list[str] = []
        started = time.perf_counter()
        seconds, outcome = timed(lambda: problems.extend(entry(label, article)), 120, time.process_time)  # type: ignore[arg-type]
        walls.append(time.perf_counter() - started)
        outcome = "provenance: " + problems[0][:70] if problems and outcome == "ok" else outcome
        outcomes[outcome] += 1
        samples.setdefault(outcome, (label if name == "extract" else article)[:160])
        times.append((seconds, len(label) + len(article)))
        if len(times) % PROGRESS == 0:  # so a long run stopped early still says how far it got
            print(f"    {len(times):,} texts: worst {max(times)[0]:.2f} s, over {SLOW:g} s: "
                  f"{sum(1 for t, _ in times if t > SLOW)}, exceptions/problems: "
                  f"{sum(n for o, n in outcomes.items() if o not in ('ok', 'refused'))}", flush=True)  # fmt: skip
        if seconds > SLOW:  # kept, to be read again alone: a slow text under load may be load
            kept = SLOW_FOLDER / f"{name.split()[0]}-{len(times)}.json"
            kept.write_text(json.dumps({"entry": name, "seconds": seconds, "label": label, "article": article}))

    entry("Table 9 Median PFS 4.6", "Median PFS was 4.6 months.")  # imports, so the first text is not timed with them
    started = time.perf_counter()
    run()
    times.sort()
    slow = sum(1 for seconds, _ in times if seconds > SLOW)
    bad = {k: v for k, v in outcomes.items() if k not in ("ok", "refused")}
    print(
        f"{name:22} {len(times):6,} texts in {time.perf_counter() - started:6.1f} s; "
        f"worst {times[-1][0]:.2f} s ({times[-1][1]:,} chars; wall {max(walls):.2f} s); over {SLOW:g} s: {slow}; "
        f"exceptions/problems: {sum(bad.values())}"
    )
    for outcome, count in sorted(bad.items(), key=lambda item: -item[1]):
        print(f"    {count:5} × {outcome}    e.g. {samples[outcome]!r}")
    if slow:
        print(f"    the texts over {SLOW:g} s are kept in {SLOW_FOLDER}")


# ---------------------------------------------------------------------------------------------
# adversarial strings by size


def _fill(prefix: str, unit: str, suffix: str) -> Callable[[int], str]:
    return lambda size: prefix + unit * max(1, (size - len(prefix) - len(suffix)) // len(unit)) + suffix


KINDS: dict[str, Callable[[int], str]] = {
    "spaces after a number": _fill("Median PFS was 4.6", " ", "months."),
    "words before a number": _fill("Median PFS ", "word ", " was 4.6 months."),
    "numbers in one sentence": _fill("Median PFS was ", "4.6, ", "months."),
    "short sentences": _fill("", "PFS was 4.6 months. ", ""),
    "a run of HR": _fill("", "HR ", ""),
    "digit-and-dot soup": _fill("Table 9 ", "4.61.6(0.26,0.48)", ""),
    "glued Ns": _fill("Table 9 VOTRIENT Placebo ", "N = 246N = 123", ""),
    "deep brackets": _fill("HR 0.35 ", "(", "0.26, 0.48"),
    "unicode spaces and dashes": _fill("", "4.\u20096 \u2212 1.\u00a06 \u2013 ", ""),
    "one long word": _fill("Median ", "x", " PFS 4.6 months."),
    "no spaces at all": _fill("", "MedianPFSwas4.6months", ""),
}


from hostile_units import ARMS as _ARMS  # noqa: E402
from hostile_units import DASH as _DASH  # noqa: E402
from hostile_units import ENDPOINTS as _ENDPOINTS  # noqa: E402
from hostile_units import FILLER as _FILLER  # noqa: E402
from hostile_units import SPACE_RUN as _SPACE_RUN  # noqa: E402
from hostile_units import VERBS as _VERBS  # noqa: E402
from hostile_units import number as _number  # noqa: E402
from hostile_units import sentence as _sentence  # noqa: E402
from hostile_units import varied as _varied  # noqa: E402

VARIED_KINDS: dict[str, Callable[[int], str]] = {
    "spaces after a number": _varied("Median PFS was 4.6", lambda d: d.choice(_SPACE_RUN), "months."),
    "words before a number": _varied("Median PFS ", lambda d: d.choice(_FILLER + _ARMS) + " ", " was 4.6 months."),
    "numbers in one sentence": _varied("Median PFS was ", lambda d: _number(d) + d.choice([", ", " ", "; ", "/"]), "months."),
    "short sentences": _varied("", _sentence, ""),
    "a run of HR": _varied("", lambda d: d.choice(["HR ", "HR ", "HR=", "hazard ratio ", f"HR {_number(d)} "]), ""),
    "digit-and-dot soup": _varied("Table 9 ", lambda d: d.choice([_number(d), _number(d) + _number(d), "(", ")", ",", ".", " "]), ""),
    "glued Ns": _varied("Table 9 VOTRIENT Placebo ", lambda d: f"N = {d.randrange(1, 999)}{d.choice(['', 'N', ' '])}", ""),
    "deep brackets": _varied("HR 0.35 ", lambda d: d.choice(["(", "[", "{", "(", f"({_number(d)}"]), "0.26, 0.48"),
    "unicode spaces and dashes": _varied("", lambda d: _number(d) + d.choice(_SPACE_RUN) + d.choice(_DASH) + d.choice(_SPACE_RUN), ""),
    "one long word": _varied("Median ", lambda d: d.choice("abcdefghijklmnopqrstuvwxyz"), " PFS 4.6 months."),
    "no spaces at all": _varied("", lambda d: d.choice(_ENDPOINTS + _VERBS + _ARMS).replace(" ", "") + _number(d), ""),
}  # fmt: skip
SIZES = (10_000, 100_000, 1_000_000)


def strings(sizes: tuple[int, ...], only: tuple[str, ...] = ()) -> None:
    """Each kind, repeating and then varied, at ``sizes``; ``only`` keeps the kinds whose name holds one of them."""
    print(f"\n== adversarial strings (target: 1 MB verified in under 5 s, time growing linearly; stopped at {CAP} s)")
    print("CPU seconds of this process (the machine may be shared); '(budget)': reading stopped at the document budget")
    header = "".join(f"{size // 1000:>8} KB" for size in sizes)
    for title, kinds in (
        ("one unit repeated", KINDS),
        ("varied: no unit repeated", VARIED_KINDS),
        ("new kinds", TEXT_KINDS),
    ):
        print(f"{title:37}{header}   growth per ×10")
        for kind, make in kinds.items():
            if only and not any(word in kind for word in only):
                continue
            for entry, run in (("verify", _verify_text), ("extract", _extract_text)):
                _string_row(kind, entry, [timed(_call(run, make, size), clock=time.process_time) for size in sizes])
    print(f"{'new kinds of file (as a label, or JATS)':37}{header}   growth per ×10")
    for kind, (name, make_file) in MARKUP_KINDS.items():
        if only and not any(word in kind for word in only):
            continue
        entries = (
            (("verify", _verify_jats),)
            if name.endswith(".xml")
            else (("verify", _verify_file), ("extract", _extract_file))
        )
        for entry, read in entries:
            read(make_file(2_000), name)  # what the first file of its kind builds once (its patterns) is not timed
            _string_row(
                kind, entry, [timed(_call_file(read, name, make_file, size), clock=time.process_time) for size in sizes]
            )


def _call(run: Callable[[str], object], make: Callable[[int], str], size: int) -> Callable[[], object]:
    text = make(size)
    return lambda: run(text)


def _call_file(
    read: Callable[[bytes, str], object], name: str, make: Callable[[int], bytes], size: int
) -> Callable[[], object]:
    data = make(size)
    return lambda: read(data, name)


def _extract_file(data: bytes, name: str) -> object:
    return extract([source_from_bytes(data, name)])


def _verify_file(data: bytes, name: str) -> object:
    return verify(
        article_from_bytes(b"Median PFS was 4.6 months with VOTRIENT (HR 0.35).", "a.txt"),
        [source_from_bytes(data, name)],
    )


def _verify_jats(data: bytes, name: str) -> object:
    return verify(article_from_bytes(data, name))


def _string_row(kind: str, entry: str, results: list[tuple[float, str]]) -> None:
    cells = "".join(f"{_seconds(s, o):>11}" for s, o in results)
    growth = " ".join(
        f"{b[0] / a[0]:.0f}×" if a[0] > 0.01 and b[1] == "ok" else "-" for a, b in itertools.pairwise(results)
    )
    odd = {o for _, o in results if o not in ("ok", "refused", "stopped", "budget")}
    print(f"{kind:28}{entry:9}{cells}   {growth}" + (f"   {', '.join(odd)}" if odd else ""), flush=True)


def _verify_text(text: str) -> object:
    return verify(article_from_bytes(text.encode(), "article.txt"))


def _extract_text(text: str) -> object:
    return extract([source_from_bytes(text.encode(), "label.txt")])


def _seconds(seconds: float, outcome: str) -> str:
    return f"> {CAP} s" if outcome == "stopped" else f"{seconds:.2f} s" + (" (budget)" if outcome == "budget" else "")


# ---------------------------------------------------------------------------------------------
# hostile files through the command line


def files() -> None:
    print("\n== hostile files through the command line (target: exit 2, one line, under 5 s and 500 MB)")
    with tempfile.TemporaryDirectory() as folder:
        for case in load_cases():
            if case["expect"] != "refused" or ("device" in case and not Path(case["device"]).exists()):
                continue
            path = write_case(case, Path(folder))
            code, seconds, megabytes, lines = run_command(argv(case, path), Path(folder) / "stderr")
            print(f"{case['id']:30} exit {code}  {seconds:5.2f} s  {megabytes:6.0f} MB  {len(lines)} line(s): "
                  f"{lines[0][:110] if lines else ''}")  # fmt: skip


def run_command(arguments: list[str], stderr: Path, cap: float = 120) -> tuple[int, float, float, list[str]]:
    """Exit code, seconds, peak memory in MB and stderr lines of ``trialproof ARGUMENTS`` (killed after ``cap``)."""
    with open(os.devnull, "wb") as out, open(stderr, "wb") as err:
        started = time.perf_counter()
        child = subprocess.Popen([sys.executable, "-m", "extractors", *arguments], cwd=PROJECT, stdout=out, stderr=err)
        while True:
            pid, status, usage = os.wait4(child.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() - started > cap:
                child.kill()
            time.sleep(0.01)
    seconds = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)  # so Popen does not wait for it again
    return child.returncode, seconds, usage.ru_maxrss / 1024, stderr.read_text(errors="replace").splitlines()


def interrupts(moments: int) -> None:
    """Ctrl-C at ``moments`` evenly spread moments of ``trialproof verify``, from Python starting to the end."""
    print(f"\n== Ctrl-C at {moments} moments of a verify run (target: one line and exit 130, never a traceback)")
    script = Path(sys.executable).parent / "trialproof"
    command = [str(script)] if script.exists() else [sys.executable, "-m", "extractors"]
    article = str(PROJECT / "data" / "examples" / "sarcoma_thigh_treatment_options.txt")
    outcomes: Counter[str] = Counter()
    tracebacks: list[float] = []
    for step in range(moments):
        delay = 1.5 * step / moments
        child = subprocess.Popen([*command, "verify", article], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        time.sleep(delay)
        child.send_signal(signal.SIGINT)
        _, err = child.communicate(timeout=120)
        if b"Traceback" in err or b"KeyboardInterrupt" in err:
            outcomes["traceback"] += 1
            tracebacks.append(delay)
        elif child.returncode == 130 and err == b"trialproof: interrupted\n":
            outcomes["one line, exit 130"] += 1
        elif child.returncode in (0, 1) and not err:
            outcomes["finished before the signal"] += 1
        else:
            outcomes[f"exit {child.returncode}, {len(err.splitlines())} lines"] += 1
    print(", ".join(f"{count} {what}" for what, count in outcomes.most_common()))
    if tracebacks:
        print(
            f"tracebacks at {', '.join(f'{d * 1000:.0f} ms' for d in tracebacks)} (Python starting: site, the package finder)"
        )


def main() -> None:
    what = sys.argv[1] if len(sys.argv) > 1 else "all"
    if what in ("fuzz", "all"):
        words = sys.argv[2:] if what == "fuzz" else []
        fuzz(next((int(word) for word in words if word.isdigit()), 10_000), tuple(w for w in words if not w.isdigit()))
    if what in ("strings", "all"):
        words = sys.argv[2:] if what == "strings" else []
        sizes = tuple(int(word) for word in words if word.isdigit()) or SIZES
        strings(sizes, tuple(word for word in words if not word.isdigit()))
    if what in ("files", "all"):
        files()
    if what in ("interrupts", "all"):
        interrupts(int(sys.argv[2]) if what == "interrupts" and len(sys.argv) > 2 else 100)


if __name__ == "__main__":
    main()
