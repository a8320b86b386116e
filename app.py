"""trialproof dashboard: ``streamlit run app.py``.

Opens on the bundled example article and checks its claims against the label passage it quotes.
A reviewer can load their own article and labels in the sidebar. This file only lays things out:
reading, extraction, verdicts, tables, figures and every piece of HTML come from the
``extractors`` library. Text from files reaches the page only escaped (``st.html`` of library
HTML, or ``markdown_text`` where Streamlit reads Markdown), never as Markdown or raw HTML.

State: the selected claim lives in ``st.session_state["claim"]`` and follows the input: another
article or other labels (a new ``doc``) resets it and opens the article at its top. A claim is
picked in the list or by clicking its highlight in the article; ``reveal`` tells the article pane
which scroll that asks for.
"""

from __future__ import annotations

import argparse
import hashlib
import html
import os
import sys
import time
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from threading import Lock

import streamlit as st

from extractors import (
    ARTICLE_BOX_CSS,
    ARTICLE_SCRIPT,
    CHECK_SECONDS,
    LETTER_STYLE,
    MAX_UPLOAD_BYTES,
    MEASUREMENT_WIDTHS,
    STYLESHEET,
    VERDICTS,
    Article,
    ExtractReport,
    InputError,
    Source,
    VerifyReport,
    article_from_bytes,
    claim_kinds,
    claim_label,
    claim_panel_html,
    extract_isolated,
    filter_claims,
    forest_figure,
    highlight_article,
    kind_words,
    labels_named_in,
    letter_body_html,
    letter_html,
    letter_items,
    letter_markdown,
    markdown_text,
    measurement_frame,
    median_figure,
    notice_html,
    rate_figure,
    refused_chip_css,
    render_verify,
    source_from_bytes,
    store_articles,
    summary_badges,
    trial_title,
    trials_with_results,
    verdict_label,
    verdict_markdown,
    verify_isolated,
)

EXAMPLES = Path(__file__).resolve().parent / "data" / "examples"
EXAMPLE_FILES = {
    "Soft tissue sarcoma of the thigh: treatment options": "sarcoma_thigh_treatment_options.txt",
    "Alveolar soft part sarcoma of the thigh": "alveolar_sarcoma_thigh.txt",
}
OWN = "Your own article (upload or paste below)"
LABEL_CHOICES = ["The label passage the article quotes", "Label files (upload or paste)"]
LIMIT_MB = MAX_UPLOAD_BYTES // (1024 * 1024)
VIEWS = ["Claims", "Trial results", "Measurements", "Letter to the author"]
PAGE_CSS = """
:root { --tp-pane-height: max(360px, calc(100vh - 330px)); }  /* the article and the evidence beside it */
[data-testid="stMainBlockContainer"] { padding-top: 3.4rem; padding-left: 1.5rem; padding-right: 1.5rem; max-width: none; }
.tp-summary { font-size: 1.1em; }
.tp-summary .tp-badge { font-size: 0.85em; padding: 2px 8px; }
.tp-evidence-heading { font: 600 0.9em system-ui, sans-serif; color: #24292f; margin-top: 0.8em; }
.tp-evidence-source { display: block; font-weight: 400; font-size: 0.85em; color: #59636e; }
.tp-title { font: 700 1.45rem system-ui, sans-serif; margin-right: 0.6em; }
.tp-subtitle { color: #59636e; font-size: 0.9em; }
.tp-explanation { font-size: 0.92em; }
.st-key-tp-forest { max-width: 1150px; }
.st-key-tp-evidence-pane { height: calc(var(--tp-pane-height) + 8px); overflow-y: auto; padding-right: 4px; }
@media (max-width: 1100px) {  /* two columns of ~250 px read worse than one column */
  :root { --tp-pane-height: 60vh; }
  [data-testid="stMain"] [data-testid="stHorizontalBlock"] { flex-wrap: wrap; }
  [data-testid="stMain"] [data-testid="stColumn"] { flex: 1 1 100% !important; width: 100% !important; }
  .st-key-tp-forest { max-width: 1150px; }
.st-key-tp-evidence-pane { height: auto; overflow-y: visible; }
}
@media (max-width: 1600px) {  /* a bar chart beside another needs room for its labels */
  .st-key-tp-bars [data-testid="stHorizontalBlock"] { flex-wrap: wrap; }
  .st-key-tp-bars [data-testid="stColumn"] { flex: 1 1 100% !important; width: 100% !important; }
}
"""
article_pane = st.components.v2.component("trialproof_article", js=ARTICLE_SCRIPT, isolate_styles=False)


# --- reading and checking, cached by content --------------------------------------------------------


@st.cache_resource(max_entries=64, show_spinner=False)
def read_article(name: str, data: bytes) -> Article:
    return article_from_bytes(data, name)


@st.cache_resource(max_entries=64, show_spinner=False)
def read_label(name: str, data: bytes) -> Source:
    return source_from_bytes(data, name)


@st.cache_resource(max_entries=64, show_spinner=False)
def label_results(name: str, data: bytes, _progress: Callable[[float], None] | None = None) -> ExtractReport:
    """A label's results, read in a worker process (a slow label holds up no other session)."""
    return extract_isolated((name, data), progress=_progress)


def combined(parts: list[ExtractReport]) -> ExtractReport:
    """One extraction of several labels from each label's own (extraction reads each label alone)."""
    return ExtractReport(
        tuple(s for part in parts for s in part.sources),
        tuple(m for part in parts for m in part.measurements),
        tuple(d for part in parts for d in part.doses),
        tuple(p for part in parts for p in part.populations),
    )


@st.cache_resource(show_spinner=False)
def finished_reports() -> tuple[OrderedDict[str, VerifyReport], Lock]:
    """Reports already checked, by the digest of their input, shared by every session (records are frozen)."""
    return OrderedDict(), Lock()


def digest(article: tuple[str, bytes], labels: tuple[tuple[str, bytes], ...]) -> str:
    hasher = hashlib.sha256()
    for name, data in (article, *labels):
        hasher.update(name.encode("utf-8", "replace") + b"\0" + len(data).to_bytes(8, "big") + data)
    return hasher.hexdigest()


def check(article: tuple[str, bytes], labels: tuple[tuple[str, bytes], ...]) -> VerifyReport:
    """The verified report, from the cache or worked out now with its stages and counts on screen."""
    key = digest(article, labels)
    done, lock = finished_reports()
    with lock:
        if key in done:
            done.move_to_end(key)
            return done[key]
    started = time.perf_counter()
    with st.status("Checking the article…", expanded=True) as status:
        st.write(f"1 of 3 · reading the article ({len(article[1]) // 1024 + 1} KB)")
        read_article(*article)  # a file that cannot be read is refused here, before any work
        parts: list[ExtractReport] = []
        for number, (name, data) in enumerate(labels, start=1):
            found = sum(len(part.measurements) for part in parts)
            st.write(f"2 of 3 · reading label {number} of {len(labels)}: {found} results so far")
            parts.append(label_results(name, data, _progress=elapsed_line()))
        if labels:
            extracted = combined(parts)
            st.write(f"3 of 3 · checking the article's numbers against {len(extracted.measurements)} label results")
            report = verify_isolated(article, extracted, progress=elapsed_line())
        else:
            st.write("2 of 3 · reading the label passage the article quotes, then 3 of 3 · checking its numbers")
            report = verify_isolated(article, None, progress=elapsed_line())
        status.update(
            label=f"Checked {len(report.claims)} claims against {len(report.measurements)} label results "
            f"in {time.perf_counter() - started:.1f} s",
            state="complete",
            expanded=False,
        )
    with lock:
        done[key] = report
        while len(done) > 32:
            done.popitem(last=False)
    return report


def elapsed_line() -> Callable[[float], None]:
    """A line under the current stage that counts the seconds a worker process has been at it."""
    line = st.empty()

    def show(seconds: float) -> None:
        if seconds >= 1:
            line.caption(f"{seconds:.0f} s (stopped at {CHECK_SECONDS:.0f} s)")

    return show


@st.cache_resource(max_entries=16, show_spinner=False)
def exports(key: str, _report: VerifyReport) -> dict[str, str]:
    files = {fmt: render_verify(_report, fmt) for fmt in ("csv", "json", "html")}
    files["letter.md"], files["letter.html"] = letter_markdown(_report), letter_html(_report)
    return files


# --- input ---------------------------------------------------------------------------------------------


def label_folder() -> Path | None:
    """A folder of label files: ``streamlit run app.py -- --labels DIR`` or ``TRIALPROOF_LABELS=DIR``."""
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--labels")
    known, _ = parser.parse_known_args(sys.argv[1:])
    folder = known.labels or os.environ.get("TRIALPROOF_LABELS")
    return Path(folder) if folder else None


@st.cache_data(max_entries=4, show_spinner="Reading the label folder…")
def folder_labels(folder: str, stamp: tuple[tuple[str, int, int], ...]) -> tuple[tuple[tuple[str, bytes], ...], int]:
    """The readable labels in ``folder`` (cached until a file changes) and how many files were skipped."""
    good: list[tuple[str, bytes]] = []
    skipped = 0
    for name, _size, _mtime in stamp:
        data = (Path(folder) / name).read_bytes()
        try:
            read_label(name, data)
        except InputError:
            skipped += 1  # articles, registry records and other files that are not labels
            continue
        good.append((name, data))
    return tuple(good), skipped


def folder_stamp(folder: Path) -> tuple[tuple[str, int, int], ...]:
    files = sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))
    return tuple((p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in files)


def picked_from_folder(article: tuple[str, bytes]) -> tuple[tuple[str, bytes], ...]:
    """The labels in the label folder that the article names, after the reviewer agrees to use them."""
    folder = label_folder()
    if folder is None:
        return ()
    with st.sidebar:
        if not folder.is_dir():
            st.html(notice_html("error", f"{folder}: label folder not found"))
            return ()
        entries, skipped = folder_labels(str(folder), folder_stamp(folder))
        st.text(
            f"Label folder {folder}: {len(entries)} labels" + (f", {skipped} other files skipped" if skipped else "")
        )
        if not st.checkbox("Use the labels this article names", value=True, key="use_folder"):
            return ()
        try:
            text = read_article(*article).text
        except InputError:
            return ()
        names = {read_label(name, data).id: (name, data) for name, data in entries}
        picked = labels_named_in(text, [read_label(name, data) for name, data in entries])
        st.text("Picked: " + (", ".join(s.id for s in picked) or "none (no label's drug is named)"))
        return tuple(names[s.id] for s in picked)


def refuse(name: str, problem: str, refused: list[tuple[str, str]]) -> None:
    """A file not loaded: said under its uploader and, by the caller, in the main pane."""
    refused.append((name, problem))
    st.html(notice_html("error", f"{name}: {problem}"))


def sized(name: str, data: bytes, refused: list[tuple[str, str]]) -> bool:
    if len(data) > MAX_UPLOAD_BYTES:
        refuse(name, f"{len(data) / 1_048_576:.1f} MB is over the {LIMIT_MB} MB limit", refused)
        return False
    return True


def article_choice() -> str:
    """A bundled example's title, or OWN."""
    return str(st.radio("Article", [*EXAMPLE_FILES, OWN], key="example"))


def article_input(choice: str, refused: list[tuple[str, str]]) -> tuple[str, bytes] | None:
    if choice in EXAMPLE_FILES:
        path = EXAMPLES / EXAMPLE_FILES[choice]
        return (f"data/examples/{path.name}", path.read_bytes())
    upload = st.file_uploader(
        f"Upload an article (text, Markdown, HTML or JATS XML; up to {LIMIT_MB} MB)", key="article_upload"
    )
    pasted = st.text_area("…or paste the article text", height=160, key="article_paste")
    if upload is not None and sized(upload.name, upload.getvalue(), refused):
        return (upload.name, upload.getvalue())
    if pasted.strip() and sized("pasted article", pasted.encode("utf-8"), refused):
        return ("pasted article", pasted.encode("utf-8"))
    return None


def label_inputs(refused: list[tuple[str, str]], own_article: bool) -> tuple[tuple[str, bytes], ...]:
    st.subheader("Labels")
    # A bundled example quotes its label passage; an own article usually comes with label files.
    # The uploaders are drawn only when asked for: each kind of widget costs a new browser session
    # its scripts before the page shows (bench/app_load.py).
    against = st.radio(
        "Check the claims against",
        LABEL_CHOICES,
        index=1 if own_article else 0,
        key="labels_own" if own_article else "labels_example",
    )
    if against == LABEL_CHOICES[0]:
        st.caption("The label passage the article quotes, such as its “From the FDA Drug Label” section.")
        return ()
    st.caption("With no label loaded, the claims are checked against the label passage the article quotes.")
    uploads = st.file_uploader(
        f"Upload labels (openFDA JSON, SPL XML, HTML or text; up to {LIMIT_MB} MB each)",
        accept_multiple_files=True,
        key="label_upload",
    )
    pasted = st.text_area("…or paste label text", height=100, key="label_paste")
    files = [(upload.name, upload.getvalue()) for upload in uploads or []]
    if pasted.strip():
        files.append(("pasted label", pasted.encode("utf-8")))
    labels: list[tuple[str, bytes]] = []
    for name, data in files:
        if not sized(name, data, refused):
            continue
        try:
            read_label(name, data)
        except InputError as error:
            refuse(error.path, error.problem, refused)
            continue
        labels.append((name, data))
    return tuple(labels)


def inputs() -> tuple[tuple[str, bytes] | None, tuple[tuple[str, bytes], ...], list[tuple[str, str]]]:
    """The article and labels chosen in the sidebar, and the files refused (name, problem)."""
    refused: list[tuple[str, str]] = []
    with st.sidebar:
        st.header("Input")
        choice = article_choice()
        article = article_input(choice, refused)
        labels = label_inputs(refused, own_article=choice == OWN)
    return article, labels, refused


# --- the selected claim -------------------------------------------------------------------------------


def reveal(kind: str | None) -> None:
    """Ask the article pane for one scroll: to the selected claim, or to its evidence."""
    st.session_state["reveal"] = kind
    st.session_state["reveal_id"] = st.session_state.get("reveal_id", 0) + 1


def follow_input(doc: str, shown: list[int]) -> int | None:
    """The selected claim, reset when the input changes and kept among the claims shown."""
    state = st.session_state
    if state.get("doc") != doc:
        state["doc"] = doc
        state.pop("claim", None)
        state.pop("trial", None)
        reveal(None)  # a new article opens at its top
    if not shown:
        return None
    if state.get("claim") not in shown:
        if "claim" in state:
            reveal("claim")  # the filter hid the selected claim: show where the new one is
        state["claim"] = shown[0]
    selected: int = state["claim"]
    return selected


def picked_in_article() -> None:
    """A click on a highlight: select its claim and bring its evidence into view."""
    picked = st.session_state["article_pane"].get("picked")
    if isinstance(picked, int) and picked >= 1:
        st.session_state["claim"] = picked - 1
        reveal("evidence")


def claim_filters(report: VerifyReport) -> list[int]:
    with st.sidebar:
        st.subheader("Show claims")
        verdicts = st.pills(
            "Verdicts",
            list(VERDICTS),
            selection_mode="multi",
            default=list(VERDICTS),
            format_func=verdict_markdown,
            key="verdict_filter",
        )
        kinds = claim_kinds(report.claims)
        chosen = None
        if kinds:
            chosen = st.pills(
                "Kind of problem (none chosen: all)",
                kinds,
                selection_mode="multi",
                format_func=lambda kind: markdown_text(kind_words(kind)),
                key="kind_filter",
            )
    return filter_claims(report.claims, verdicts, chosen)


# --- views ---------------------------------------------------------------------------------------------


def claims_view(report: VerifyReport, shown: list[int], selected: int | None) -> None:
    left, right = st.columns([1.1, 1], gap="medium")
    with right:
        if selected is None:
            st.caption("No claims with these verdicts and kinds.")
        else:
            st.selectbox(
                "Select a claim (or click a highlighted number in the article)",
                shown,
                format_func=lambda i: claim_label(i, report.claims[i], report.article.text),
                key="claim",
                on_change=reveal,
                args=("claim",),
            )
            with st.container(key="tp-evidence-pane"):  # scrolls on its own beside the article (PAGE_CSS)
                st.html(claim_panel_html(report, selected))
    with left:
        st.html(f"<b>Article</b> · {html.escape(report.article.path)}")
        article_pane(
            data={
                "html": highlight_article(report.article.text, report.claims, selected, shown, report.article.tables),
                "doc": st.session_state["doc"],
                "selected": None if selected is None else selected + 1,
                "reveal": st.session_state.get("reveal"),
                "reveal_id": st.session_state.get("reveal_id", 0),
            },
            key="article_pane",
            on_picked_change=picked_in_article,
        )


def results_view(report: VerifyReport) -> None:
    trials = trials_with_results(report.measurements, report.claims)
    if not trials:
        st.caption("The sources state no hazard ratios, medians or rates that could be read.")
        return
    if len(trials) <= 6:  # a row of buttons; a list past that (a label can have forty trials)
        labels = {t: markdown_text(trial_title(t)) for t in trials}
        trial = st.segmented_control("Trial", trials, format_func=labels.__getitem__, key="trial", required=True)
    else:
        trial = st.selectbox("Trial", trials, format_func=trial_title, key="trial")
    trial = trial if trial in trials else trials[0]
    st.caption("An article's claim about a hazard ratio is drawn over it as ◇, in the colour of its verdict.")
    forest = forest_figure(report.measurements, trial, report.claims)
    if forest is not None:
        with st.container(key="tp-forest"):  # no wider than a journal page (PAGE_CSS)
            st.plotly_chart(forest, width="stretch", key="forest", config={"displaylogo": False})
    with st.container(key="tp-bars"):  # side by side on wide screens only (PAGE_CSS)
        left, right = st.columns(2, gap="medium")
        for column, figure, key in (
            (left, median_figure(report.measurements, trial), "medians"),
            (right, rate_figure(report.measurements, trial), "rates"),
        ):
            if figure is not None:
                column.plotly_chart(figure, width="stretch", key=key, config={"displaylogo": False})


def measurements_view(report: VerifyReport) -> None:
    trials = list(dict.fromkeys(m.trial for m in report.measurements))
    everything = "all trials"
    shown = st.selectbox(
        "Trial", [everything, *trials], format_func=lambda t: t or "trial not named", key="table_trial"
    )
    rows = [m for m in report.measurements if shown == everything or m.trial == shown]
    st.caption(
        "check: ! the label's numbers cannot all be right · ? worth a look · other readings of run-together cells"
    )
    columns = {name: st.column_config.TextColumn(width=width) for name, width in MEASUREMENT_WIDTHS.items()}
    st.dataframe(measurement_frame(rows), hide_index=True, width="stretch", height=520, column_config=columns)


def letter_view(report: VerifyReport, key: str) -> None:
    files = exports(key, report)
    stem = Path(report.article.path).stem or "article"
    count = len(letter_items(report))
    st.caption(
        f"{count} contradicted or overgeneralized claim{'s' if count != 1 else ''}, each with the label's wording "
        "and where it stands: select the text below and paste it into a letter, or download it."
    )
    with st.container(horizontal=True):  # a row of buttons that wraps on a narrow window
        st.download_button("Letter (Markdown)", files["letter.md"], f"{stem}.letter.md", "text/markdown")
        st.download_button("Letter (HTML)", files["letter.html"], f"{stem}.letter.html", "text/html")
        st.download_button("Download CSV", files["csv"], f"{stem}.trialproof.csv", "text/csv")
        st.download_button("Download JSON", files["json"], f"{stem}.trialproof.json", "application/json")
        st.download_button("Download HTML report", files["html"], f"{stem}.trialproof.html", "text/html")
    st.html(f"<style>{LETTER_STYLE}</style>{letter_body_html(report)}")
    with st.expander("The letter as Markdown, to copy"):
        st.code(files["letter.md"], language="markdown", wrap_lines=True)


# --- Results store (issue 14): the articles a batch run stored, with their verdict counts. ----------
def stored_articles() -> None:
    """``streamlit run app.py -- --store FILE`` or ``TRIALPROOF_STORE=FILE``: list the store's articles."""
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--store")
    known, _ = parser.parse_known_args(sys.argv[1:])
    path = known.store or os.environ.get("TRIALPROOF_STORE")
    if not path:
        return
    with st.sidebar:
        st.subheader("Results store")
        try:
            rows = store_articles(path)
        except InputError as error:
            st.error(f"{error.path}: {error.problem}")  # the store the operator configured, not a user's file
            return
        st.caption(f"{path}: {len(rows)} article{'' if len(rows) == 1 else 's'} checked")
        table = [
            {"article": r.path, "checked": r.checked_at, **{verdict_label(v): getattr(r, v) for v in VERDICTS}}
            for r in rows
        ]
        st.dataframe(table, hide_index=True, key="store_articles")


# --- end of the results store block -------------------------------------------------------------------


def main() -> None:
    st.set_page_config(page_title="trialproof", page_icon="🔎", layout="wide")
    st.html(f"<style>{STYLESHEET}{ARTICLE_BOX_CSS}{PAGE_CSS}</style>")
    st.html(
        '<div><span class="tp-title">trialproof</span><span class="tp-subtitle">checks the numbers an article '
        "quotes from clinical trials against the FDA label they cite</span></div>"
    )
    # Two fixed slots, filled or not, so the elements below keep their place in the page from one
    # run to the next (Streamlit redraws an element whose place changes, losing its scroll).
    notices, progress = st.container(), st.empty()

    article, labels, refused = inputs()
    stored_articles()
    if refused:
        notices.html(f"<style>{refused_chip_css(name for name, _ in refused)}</style>")
        for name, problem in refused:
            notices.html(notice_html("error", f"{name}: {problem}"))
    if article is None:
        notices.html(
            notice_html("info", "Upload or paste an article in the sidebar, or pick one of the bundled examples.")
        )
        return
    labels = labels + picked_from_folder(article)
    key = digest(article, labels)
    try:
        with progress:
            report = check(article, labels)
        st.session_state["last_good"] = (key, report)
    except InputError as error:
        notices.html(notice_html("error", f"{error.path}: {error.problem}"))
        if "last_good" not in st.session_state:
            return
        key, report = st.session_state["last_good"]
        notices.html(notice_html("info", f"Still showing the last article that could be read: {report.article.path}"))

    st.html(
        f'<div class="tp-summary">{len(report.claims)} claim{"" if len(report.claims) == 1 else "s"}: '
        f"{summary_badges(report.summary)}</div>"
    )
    shown = claim_filters(report)
    selected = follow_input(key, shown)
    claims_tab, results_tab, measurements_tab, letter_tab = st.tabs(VIEWS, key="view", on_change="rerun")
    if claims_tab.open:  # only the open tab is drawn: the others cost nothing until they are opened
        with claims_tab:
            claims_view(report, shown, selected)
    if results_tab.open:
        with results_tab:
            results_view(report)
    if measurements_tab.open:
        with measurements_tab:
            measurements_view(report)
    if letter_tab.open:
        with letter_tab:
            letter_view(report, key)


main()
