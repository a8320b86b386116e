"""trialproof dashboard: ``streamlit run app.py``.

Opens on the bundled example article and checks its claims against the label passage it quotes.
A reviewer can load their own article and labels in the sidebar. This file only lays things out:
reading, extraction, verdicts, tables and figures all come from the ``extractors`` library.
"""

from __future__ import annotations

import argparse
import html
import os
import sys
from pathlib import Path

import streamlit as st

from extractors import (
    MAX_UPLOAD_BYTES,
    STYLESHEET,
    VERDICTS,
    Article,
    InputError,
    Source,
    VerifyReport,
    article_from_bytes,
    ci_text,
    claim_kinds,
    claim_label,
    filter_claims,
    forest_figure,
    forest_trials,
    highlight_article,
    highlight_source,
    labels_named_in,
    measurement_frame,
    median_figure,
    rate_figure,
    render_verify,
    source_from_bytes,
    store_articles,
    summary_badges,
    summary_counts,
    value_text,
    verdict_badge,
    verdict_label,
    verify,
    where_text,
)

EXAMPLES = Path(__file__).resolve().parent / "data" / "examples"
EXAMPLE_FILES = {
    "Soft tissue sarcoma of the thigh: treatment options": "sarcoma_thigh_treatment_options.txt",
    "Alveolar soft part sarcoma of the thigh": "alveolar_sarcoma_thigh.txt",
}
OWN = "Your own article (upload or paste below)"
LIMIT_MB = MAX_UPLOAD_BYTES // (1024 * 1024)
SCROLL_SCRIPT = """<script>
setTimeout(() => {
  const mark = document.querySelector('[data-claim="CLAIM"]');
  let box = mark && mark.parentElement;
  while (box && !(box.scrollHeight > box.clientHeight + 4 && /auto|scroll/.test(getComputedStyle(box).overflowY))) {
    box = box.parentElement;
  }
  if (mark && box) {
    box.scrollTop += mark.getBoundingClientRect().top - box.getBoundingClientRect().top - box.clientHeight / 3;
  }
}, 400);
</script>"""
PAGE_CSS = """
[data-testid="stMainBlockContainer"] { padding-top: 3.2rem; padding-left: 1.5rem; padding-right: 1.5rem; max-width: none; }
.tp-summary { font-size: 1.15em; }
.tp-summary .tp-badge { font-size: 0.85em; padding: 2px 8px; }
"""


@st.cache_data(show_spinner="Checking the article…", max_entries=64)
def check(article: tuple[str, bytes], labels: tuple[tuple[str, bytes], ...]) -> VerifyReport:
    """Parse and verify, cached by the content of the article and labels."""
    parsed = read_article(article[0], article[1])
    sources = [source_from_bytes(data, name) for name, data in labels]
    return verify(parsed, sources or None)


@st.cache_data(max_entries=64)
def read_label(name: str, data: bytes) -> Source:
    return source_from_bytes(data, name)


@st.cache_data(max_entries=16)
def exports(report: VerifyReport) -> dict[str, str]:
    return {fmt: render_verify(report, fmt) for fmt in ("csv", "json", "html")}


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
            st.error(f"{folder}: label folder not found")
            return ()
        entries, skipped = folder_labels(str(folder), folder_stamp(folder))
        st.caption(
            f"Label folder {folder}: {len(entries)} labels" + (f", {skipped} other files skipped" if skipped else "")
        )
        if not st.checkbox("Use the labels this article names", value=True, key="use_folder"):
            return ()
        try:
            text = read_article(article[0], article[1]).text
        except InputError:
            return ()
        names = {read_label(name, data).id: (name, data) for name, data in entries}
        picked = labels_named_in(text, [read_label(name, data) for name, data in entries])
        st.caption("Picked: " + (", ".join(s.id for s in picked) or "none (no label's drug is named)"))
        return tuple(names[s.id] for s in picked)


@st.cache_data(max_entries=64)
def read_article(name: str, data: bytes) -> Article:
    return article_from_bytes(data, name)


def too_big(name: str, data: bytes) -> bool:
    if len(data) > MAX_UPLOAD_BYTES:
        st.error(f"{name}: {len(data) / 1_048_576:.1f} MB is over the {LIMIT_MB} MB limit; not loaded.")
        return True
    return False


def inputs() -> tuple[tuple[str, bytes] | None, tuple[tuple[str, bytes], ...]]:
    """The article and label files the reviewer chose in the sidebar (bad ones reported, skipped)."""
    with st.sidebar:
        st.header("Input")
        choice = st.radio("Article", [*EXAMPLE_FILES, OWN], key="example")
        article: tuple[str, bytes] | None = None
        if choice in EXAMPLE_FILES:
            path = EXAMPLES / EXAMPLE_FILES[choice]
            article = (f"data/examples/{path.name}", path.read_bytes())
        else:
            upload = st.file_uploader(
                f"Upload an article (text, Markdown, HTML or JATS XML; up to {LIMIT_MB} MB)",
                key="article_upload",
            )
            pasted = st.text_area("…or paste the article text", height=160, key="article_paste")
            if upload is not None and not too_big(upload.name, upload.getvalue()):
                article = (upload.name, upload.getvalue())
            elif pasted.strip():
                data = pasted.encode("utf-8")
                if not too_big("pasted article", data):
                    article = ("pasted article", data)

        st.subheader("Labels")
        st.caption(
            "With no label, the article's claims are checked against the label passage it quotes "
            "(e.g. its “From the FDA Drug Label” section)."
        )
        uploads = st.file_uploader(
            f"Upload labels (openFDA JSON, SPL XML, HTML or text; up to {LIMIT_MB} MB each)",
            accept_multiple_files=True,
            key="label_upload",
        )
        label_paste = st.text_area("…or paste label text", height=100, key="label_paste")
        labels: list[tuple[str, bytes]] = []
        for upload in uploads or []:
            data = upload.getvalue()
            if too_big(upload.name, data):
                continue
            try:
                read_label(upload.name, data)
            except InputError as error:
                st.error(f"{error.path}: {error.problem}")
                continue
            labels.append((upload.name, data))
        if label_paste.strip():
            data = label_paste.encode("utf-8")
            if not too_big("pasted label", data):
                try:
                    read_label("pasted label", data)
                    labels.append(("pasted label", data))
                except InputError as error:
                    st.error(f"{error.path}: {error.problem}")
    return article, tuple(labels)


def show_claim(report: VerifyReport, index: int) -> None:
    """The selected claim: verdict, sentence, explanation, flags and the label text it was checked against."""
    claim = report.claims[index]
    kind = f" <code>{html.escape(claim.kind)}</code>" if claim.kind else ""
    st.html(
        f"<div>{verdict_badge(claim.verdict, prefix=f'claim {index + 1}: ')}{kind}</div>"
        f'<blockquote style="margin:0.4em 0;padding-left:0.8em;border-left:3px solid #d0d7de">'
        f"{html.escape(claim.text)}</blockquote>"
        + (f"<p>{html.escape(claim.explanation)}</p>" if claim.explanation else "")
    )
    for flag in claim.flags:
        (st.error if flag.severity == "error" else st.warning)(f"{flag.check}: {flag.message}", icon="⚠️")
    evidence = claim.evidence
    if evidence is None:
        if claim.value_span is None:
            st.caption("A scope claim: checked against the trial's population and the label's indication.")
        else:
            st.caption("No measurement in the label matches this claim.")
        return
    where = (
        f"{evidence.trial or 'trial not named'} · {evidence.population or 'overall'} · "
        f"{evidence.endpoint or ''} {evidence.statistic} · {evidence.arm or ''} = {value_text(evidence)} "
        f"{evidence.unit or ''} {ci_text(evidence)} — {where_text(evidence)}"
    )
    notes = [f"{f.check}: {f.message}" for f in evidence.flags if f.severity in ("error", "warning")]
    notes += [f"other reading {a.value}: {a.why}" for a in evidence.alternatives]
    source = next((s for s in report.sources if s.id == evidence.source), None)
    excerpt = highlight_source(source.text, evidence.span, evidence.ci_span, context=250) if source is not None else ""
    st.html(
        f'<div style="font-size:0.9em;color:#59636e">Evidence: {html.escape(where)}</div>'
        + "".join(f'<div style="font-size:0.85em;color:#7d4e00">{html.escape(n)}</div>' for n in notes)
        + excerpt
    )


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
            st.error(f"{error.path}: {error.problem}")
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
    st.html(f"<style>{STYLESHEET}{PAGE_CSS}</style>")
    st.markdown("## trialproof")
    st.caption("Checks the numbers an article quotes from clinical trials against the FDA label they cite.")

    article, labels = inputs()
    stored_articles()
    if article is None:
        st.info("Upload or paste an article in the sidebar, or pick one of the bundled examples.")
        return
    labels = labels + picked_from_folder(article)
    try:
        report = check(article, labels)
        st.session_state["last_good"] = (article[0], report)
    except InputError as error:
        st.error(f"{error.path}: {error.problem}")
        if "last_good" not in st.session_state:
            return
        name, report = st.session_state["last_good"]
        st.caption(f"Still showing the last article that could be read: {name}")

    counts = summary_counts(report)
    st.html(
        f'<div class="tp-summary">{len(report.claims)} claim{"" if len(report.claims) == 1 else "s"}: '
        f"{summary_badges(counts)}</div>"
    )

    with st.sidebar:
        st.subheader("Show claims")
        shown = st.pills(
            "Verdicts to list",
            list(VERDICTS),
            selection_mode="multi",
            default=list(VERDICTS),
            format_func=verdict_label,
            key="verdict_filter",
        )
        kinds = claim_kinds(report.claims)
        chosen_kinds = st.multiselect("Kinds", kinds, default=kinds, key="kind_filter") if len(kinds) > 1 else None

    left, right = st.columns([1.05, 1], gap="medium")
    with right:
        indexes = filter_claims(report.claims, shown, chosen_kinds)
        selected: int | None = None
        if indexes:
            selected = st.selectbox(
                "Select a claim",
                indexes,
                format_func=lambda i: claim_label(i, report.claims[i], report.article.text),
                key="claim",
            )
            if selected is not None:
                show_claim(report, selected)
        else:
            st.caption("No claims with these verdicts.")

    with left:
        st.markdown(f"**Article** · {html.escape(report.article.path)}")
        with st.container(height=640):
            st.html(highlight_article(report.article.text, report.claims, selected))
        if report.claims:
            # Our own constant script (no article text in it): scroll the article box to the selected claim.
            target = (selected if selected is not None else 0) + 1
            st.html(SCROLL_SCRIPT.replace("CLAIM", str(target)), unsafe_allow_javascript=True)

    with right:
        st.subheader("Evidence in the label")
        trials = forest_trials(report.measurements, report.claims)
        for trial in trials:
            figure = forest_figure(report.measurements, trial, report.claims)
            if figure is not None:
                st.plotly_chart(figure, width="stretch", key=f"forest-{trial}")
        medians = median_figure(report.measurements)
        if medians is not None:
            st.plotly_chart(medians, width="stretch", key="medians")
        rates = rate_figure(report.measurements)
        if rates is not None:
            st.plotly_chart(rates, width="stretch", key="rates")
        if not trials and medians is None:
            st.caption("The sources state no hazard ratios or medians that could be read.")

    with left:
        st.markdown("**Measurements read from the label**")
        st.caption("flags: ! error (the numbers cannot all be right) · ? warning (worth a look)")
        st.dataframe(measurement_frame(report.measurements), hide_index=True, width="stretch", height=300)

    files = exports(report)
    stem = Path(report.article.path).stem or "article"
    cols = st.columns(3)
    cols[0].download_button("Download CSV", files["csv"], f"{stem}.trialproof.csv", "text/csv")
    cols[1].download_button("Download JSON", files["json"], f"{stem}.trialproof.json", "application/json")
    cols[2].download_button("Download HTML report", files["html"], f"{stem}.trialproof.html", "text/html")


main()
