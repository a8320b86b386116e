"""The dashboard, headless: streamlit's AppTest runs app.py and drives its widgets."""

from __future__ import annotations

import html
import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import PROJECT, shared_file

APP = str(PROJECT / "app.py")
OWN = "Your own article (upload or paste below)"
SECOND = "Alveolar soft part sarcoma of the thigh"
LABEL_FILES = "Label files (upload or paste)"
XSS_ARTICLE = (
    "Pazopanib trial summary\n\n"
    "The median PFS was 4.6 months with pazopanib <script>alert(1)</script> and 1.6 months with placebo.\n"
    "See <img src=x onerror=alert(1)> for details.\n"
)
FAITHFUL_ARTICLE = "The median PFS was 4.6 months with pazopanib and 1.6 months with placebo."


def html_bodies(at: AppTest) -> list[str]:
    return [element.proto.body for element in at.get("html")]


def pane_data(at: AppTest) -> dict[str, Any]:
    """What the article pane (a components v2 element) was given: its HTML, document, selection."""
    panes = [e for e in at.get("bidi_component") if e.proto.component_name == "trialproof_article"]
    assert len(panes) == 1
    data: dict[str, Any] = json.loads(panes[0].proto.json)
    return data


def article_html(at: AppTest) -> str:
    markup: str = pane_data(at)["html"]
    assert markup.startswith('<div class="tp-article">')
    return markup


def panel(at: AppTest) -> str:
    bodies = [b for b in html_bodies(at) if "data-evidence-claim" in b]
    assert len(bodies) == 1
    return bodies[0]


def notices(at: AppTest) -> list[str]:
    return [b for b in html_bodies(at) if 'class="tp-notice tp-notice-error"' in b]


def open_view(at: AppTest, view: str) -> None:
    at.session_state["view"] = view
    at.run()
    assert not at.exception, [e.value for e in at.exception]


@pytest.fixture
def app() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_opens_on_the_bundled_example(app: AppTest) -> None:
    assert not notices(app)
    assert app.radio(key="example").value.startswith("Soft tissue sarcoma")
    article = article_html(app)
    assert "From the FDA Drug Label" in article
    assert "tp-claim" in article  # claims are highlighted
    summary = next(b for b in html_bodies(app) if "tp-summary" in b)
    for verdict in ("supported", "contradicted", "overgeneralized", "unverifiable"):
        assert verdict in summary  # counts are labelled in words
    options = app.selectbox(key="claim").options
    assert options, "the example has claims to select"
    # The seed article's scope sentence is overgeneralized; its numbers are checked against Table 9.
    assert any("overgeneralized" in o for o in options)
    assert [t.label for t in app.tabs] == ["Claims", "Trial results", "Measurements", "Letter to the author"]
    open_view(app, "Measurements")
    assert app.dataframe, "the measurement table is shown"
    open_view(app, "Trial results")
    charts = [json.loads(e.proto.spec)["layout"]["title"]["text"] for e in app.get("plotly_chart")]
    assert charts[0] == "VEG110727: hazard ratios" and any("median" in c for c in charts)


def test_selecting_a_claim_shows_its_evidence_as_the_label_shows_it(app: AppTest) -> None:
    select = app.selectbox(key="claim")
    numeric = next(i for i, label in enumerate(select.options) if "median PFS" in label)
    select.set_value(numeric).run()
    assert not app.exception
    shown = panel(app)
    assert f'data-evidence-claim="{numeric + 1}"' in shown
    assert 'class="tp-evidence-table"' in shown and '<td class="tp-cited"><mark>4.6</mark></td>' in shown
    assert pane_data(app)["selected"] == numeric + 1 and pane_data(app)["reveal"] == "claim"
    assert f'tp-selected" title="claim {numeric + 1}:' in article_html(app)


def test_the_selected_claim_follows_the_article(app: AppTest) -> None:
    app.selectbox(key="claim").set_value(3).run()
    first_doc = pane_data(app)["doc"]
    app.radio(key="example").set_value(SECOND).run()
    assert not app.exception
    data = pane_data(app)
    assert data["doc"] != first_doc and data["reveal"] is None, "another article: opened at its top, no scroll asked"
    select = app.selectbox(key="claim")
    assert select.value == 0 and select.format_func(select.value).startswith("1. ")
    assert "claim 1:" in panel(app) and data["selected"] == 1, "the list, the panel and the article agree"
    assert "alveolar" in article_html(app).lower()


def ask_for_label_files(app: AppTest) -> None:
    """A bundled example is checked against the passage it quotes until label files are asked for."""
    app.radio(key="labels_example").set_value(LABEL_FILES).run()


@pytest.mark.parametrize(
    ("article", "uploaders"),
    [
        ("example", []),
        ("example, label files asked for", ["label_upload"]),
        ("own", ["article_upload", "label_upload"]),
    ],
)
def test_uploaders_are_drawn_only_when_they_can_be_used(app: AppTest, article: str, uploaders: list[str]) -> None:
    if article == "own":
        app.radio(key="example").set_value(OWN).run()
    elif "asked" in article:
        ask_for_label_files(app)
    assert not app.exception
    assert [u.key for u in app.get("file_uploader")] == uploaders
    if article != "own":  # an own article is still to be loaded
        assert "tp-claim" in article_html(app), "the example is checked without a label file"


def test_the_selected_claim_follows_the_labels(app: AppTest) -> None:
    app.selectbox(key="claim").set_value(3).run()
    first_doc = pane_data(app)["doc"]
    label = (PROJECT / "data" / "examples" / "alveolar_sarcoma_thigh.txt").read_bytes()
    ask_for_label_files(app)
    app.file_uploader(key="label_upload").set_value(("votrient-quote.txt", label, "text/plain")).run()
    assert not app.exception and not notices(app)
    assert pane_data(app)["doc"] != first_doc
    assert app.selectbox(key="claim").value == 0 and "claim 1:" in panel(app)


def test_a_filter_that_hides_the_selected_claim_moves_the_selection(app: AppTest) -> None:
    app.selectbox(key="claim").set_value(2).run()
    app.button_group(key="verdict_filter").set_value(["overgeneralized"]).run()
    assert not app.exception
    select = app.selectbox(key="claim")
    assert select.options and all("overgeneralized" in o for o in select.options)
    assert "overgeneralized" in panel(app)
    article = article_html(app)
    assert "tp-supported" not in article, "the article highlights only the claims listed"
    assert pane_data(app)["reveal"] == "claim", "the article scrolls to the newly selected claim"


def test_kind_chips_are_plain_words_and_never_none(app: AppTest) -> None:
    kinds = app.button_group(key="kind_filter")
    labels = [kinds.format_func(o) for o in kinds.options]
    assert labels == ["broader population"]
    assert not any("none" in label or "_" in label for label in labels)
    verdicts = app.button_group(key="verdict_filter")
    assert verdicts.format_func("contradicted") == ":red[✗ contradicted]"
    assert verdicts.format_func("supported") == ":green[✓ supported]"


def test_pasted_article_is_checked(app: AppTest) -> None:
    app.radio(key="example").set_value(OWN).run()
    assert not app.exception
    app.text_area(key="article_paste").set_value(FAITHFUL_ARTICLE).run()
    assert not app.exception and not notices(app)
    assert "The median PFS was" in article_html(app)


def test_pasted_article_with_script_and_img_is_rendered_as_text(app: AppTest) -> None:
    app.radio(key="example").set_value(OWN).run()
    app.text_area(key="article_paste").set_value(XSS_ARTICLE).run()
    assert not app.exception
    article = article_html(app)
    assert html.escape("<script>alert(1)</script>") in article
    assert html.escape("<img src=x onerror=alert(1)>") in article
    assert "<script>alert" not in article and "<img" not in article
    for body in html_bodies(app):
        assert "<script>alert" not in body and "<img" not in body and "onerror=alert(1)>" not in body
    for md in app.markdown:  # markdown elements must not carry the raw tags either
        assert "<script>" not in md.value and "<img" not in md.value


@pytest.mark.parametrize(
    ("name", "data", "problem"),
    [
        ("empty.json", b"", "empty"),
        ("figure.png", bytes.fromhex("89504e470d0a1a0a0000000d4948445200"), "binary"),
        ("settings.json", b'{"theme": "dark"}', "label"),
        ("**bold** <b>x</b>.json", b'{"theme": "dark"}', "label"),
    ],
    ids=["empty-label", "binary-label", "json-not-a-label", "name-with-markup"],
)
def test_a_refused_label_is_said_where_the_user_looks_and_on_its_chip(
    app: AppTest, name: str, data: bytes, problem: str
) -> None:
    ask_for_label_files(app)
    app.file_uploader(key="label_upload").set_value((name, data, "application/octet-stream")).run()
    assert not app.exception
    said = notices(app)
    assert len(said) == 2, "once under the uploader, once at the top of the page"
    assert all(html.escape(name) in n and problem in n.lower() and 'role="alert"' in n for n in said)
    chip_css = [b for b in html_bodies(app) if "stFileChip" in b]
    assert len(chip_css) == 1 and "not loaded" in chip_css[0] and "<b>" not in chip_css[0].replace("<style>", "")
    assert "tp-claim" in article_html(app), "the page keeps showing the article"


def test_bad_article_upload_keeps_the_last_good_article(app: AppTest) -> None:
    app.radio(key="example").set_value(OWN).run()
    app.text_area(key="article_paste").set_value(FAITHFUL_ARTICLE).run()
    app.file_uploader(key="article_upload").set_value(("broken.txt", b"\xff\xfe\x00\x01binary", "text/plain")).run()
    assert not app.exception
    said = notices(app)
    assert len(said) == 1 and "broken.txt" in said[0]
    assert any("Still showing the last article" in b for b in html_bodies(app))
    assert "The median PFS was" in article_html(app), "what the user loaded before is still shown"


def test_oversized_upload_is_refused_with_a_message(app: AppTest) -> None:
    big = b"median PFS 4.6 months\n" * (6 * 1024 * 1024 // 22)
    ask_for_label_files(app)
    app.file_uploader(key="label_upload").set_value(("huge.txt", big, "text/plain")).run()
    assert not app.exception
    said = notices(app)
    assert len(said) == 2 and all("huge.txt" in n and "5 MB" in n for n in said)


def test_uploaded_label_is_used_as_the_source(app: AppTest) -> None:
    label = (PROJECT / "data" / "examples" / "alveolar_sarcoma_thigh.txt").read_bytes()
    ask_for_label_files(app)
    app.file_uploader(key="label_upload").set_value(("votrient-quote.txt", label, "text/plain")).run()
    assert not app.exception and not notices(app)
    assert app.selectbox(key="claim").options


def test_verdict_filter_narrows_the_claim_list(app: AppTest) -> None:
    all_options = app.selectbox(key="claim").options
    app.button_group(key="verdict_filter").set_value(["overgeneralized"]).run()
    assert not app.exception
    narrowed = app.selectbox(key="claim").options
    assert narrowed and len(narrowed) < len(all_options)
    assert all("overgeneralized" in o for o in narrowed)


def test_the_letter_view_offers_the_letter_and_the_reports(app: AppTest) -> None:
    open_view(app, "Letter to the author")
    labels = [b.label for b in app.get("download_button")]
    assert labels == ["Letter (Markdown)", "Letter (HTML)", "Download CSV", "Download JSON", "Download HTML report"]
    letter = next(b for b in html_bodies(app) if 'class="tp-letter"' in b)
    assert "Broader population" in letter and "The article says:" in letter


def test_a_five_trial_label_with_a_real_review(app: AppTest) -> None:
    """TAGRISSO's label (five trials) and a review: stages with counts, per-trial plots named by trial."""
    label = shared_file("corpus/raw/tagrisso_openfda_label.json")
    review = next(shared_file("corpus/raw").glob("article_PMC13070087_*.xml"))
    app.radio(key="example").set_value(OWN).run()
    app.file_uploader(key="article_upload").set_value((review.name, review.read_bytes(), "text/xml")).run()
    app.file_uploader(key="label_upload").set_value((label.name, label.read_bytes(), "application/json")).run()
    assert not app.exception and not notices(app)
    status = [e for e in app.get("status") if e.label.startswith("Checked ")]
    assert len(status) == 1 and "claims against" in status[0].label and status[0].state == "complete"
    stages = " ".join(m.value for m in app.markdown)
    checked = re.search(r"checking the article's numbers against (\d+) label results", stages)
    assert "reading label 1 of 1" in stages and checked and int(checked.group(1)) > 100, stages
    # the review's prose has no misquote the label can settle (its errors are in its Table 1, issue 11
    # item 3) but three statements of scope broader than the indications
    assert any("overgeneralized" in o or "contradicted" in o for o in app.selectbox(key="claim").options)
    open_view(app, "Trial results")
    trials = app.button_group(key="trial")
    assert set(trials.options) == {"ADAURA", "LAURA", "FLAURA", "FLAURA2", "AURA3"}
    for trial in trials.options:
        trials.set_value(trial).run()
        titles = [json.loads(e.proto.spec)["layout"]["title"]["text"] for e in app.get("plotly_chart")]
        assert titles and all(t.startswith(f"{trial}: ") for t in titles), titles
        assert f"{trial}: hazard ratios" in titles and f"{trial}: median times" in " ".join(titles)


def test_label_folder_picks_the_labels_the_article_names(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    example = PROJECT / "data" / "examples" / "alveolar_sarcoma_thigh.txt"
    (tmp_path / "votrient-quote.txt").write_bytes(example.read_bytes())  # a text label about pazopanib
    (tmp_path / "other.txt").write_text("Lipitor (atorvastatin) label text. LDL-C fell 39%.", encoding="utf-8")
    (tmp_path / "settings.json").write_text('{"theme": "dark"}', encoding="utf-8")  # not a label: skipped
    monkeypatch.setenv("TRIALPROOF_LABELS", str(tmp_path))
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    assert not at.exception and not notices(at)
    texts = " ".join(t.value for t in at.text)
    assert "2 labels" in texts and "1 other files skipped" in texts
    assert "Picked: votrient-quote" in texts and "other" not in texts.split("Picked:")[1]
    at.checkbox(key="use_folder").uncheck().run()
    assert "Picked:" not in " ".join(t.value for t in at.text)


def test_missing_label_folder_is_an_error_not_a_crash(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("TRIALPROOF_LABELS", str(tmp_path / "nowhere"))
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    assert not at.exception
    assert any("label folder not found" in n for n in notices(at))
    assert "tp-claim" in article_html(at)


def test_readme_run_command_starts_with_no_prompt_on_a_fresh_machine(tmp_path: Path) -> None:
    """`streamlit run app.py` as the README gives it, for a user with no ~/.streamlit and no terminal.

    Streamlit asks for an email address on its first interactive run and exits when it cannot
    read one; the project's .streamlit/config.toml must make the run headless and quiet.
    """
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {**os.environ, "HOME": str(tmp_path)}
    command = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port)]
    server = subprocess.Popen(command, cwd=PROJECT, env=env, stdin=subprocess.DEVNULL,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT)  # fmt: skip
    try:
        deadline, healthy = time.monotonic() + 60, False
        while time.monotonic() < deadline and server.poll() is None and not healthy:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as response:
                    healthy = response.status == 200
            except OSError:
                time.sleep(0.2)
        assert server.poll() is None, f"streamlit exited with code {server.returncode}"
        assert healthy, "streamlit did not answer within 60 s"
    finally:
        server.terminate()
        output = server.communicate(timeout=10)[0].decode("utf-8", "replace")
    assert "Email" not in output and "Welcome to Streamlit" not in output, output
    assert not (tmp_path / ".streamlit" / "credentials.toml").exists()


HOSTILE_NAME = "![b](http:127.0.0.1:8999/beacon.png) [click me](http:127.0.0.1:8999/phish) <img src=x> :red[x].txt"
HOSTILE_NAMESPACE = (
    b'<?xml version="1.0"?><document xmlns="![b](http://127.0.0.1:8999/beacon.png) '
    b'[click me](http://127.0.0.1:8999/phish)"><title>x</title></document>'
)


@pytest.mark.parametrize(
    ("name", "data"),
    [(HOSTILE_NAME, b""), ("label.xml", HOSTILE_NAMESPACE)],
    ids=["markup-in-file-name", "markdown-in-xml-namespace"],
)
def test_text_from_a_file_is_shown_as_plain_text(app: AppTest, name: str, data: bytes) -> None:
    ask_for_label_files(app)
    app.file_uploader(key="label_upload").set_value((name, data, "application/octet-stream")).run()
    assert not app.exception
    said = notices(app)
    assert said and all(html.escape(" ".join(name.split())) in n for n in said)
    assert not any("<img" in n or "<a " in n for n in said)  # the name's markup is text, not elements
    assert not any("beacon" in m.value or "phish" in m.value for m in app.markdown)  # never through Markdown


def test_a_check_over_its_time_is_stopped_with_a_message() -> None:
    from extractors import InputError, verify_isolated

    article = (PROJECT / "data" / "examples" / "sarcoma_thigh_treatment_options.txt").read_bytes()
    with pytest.raises(InputError, match="took longer than 0 seconds and was stopped"):
        verify_isolated(("slow.txt", article), None, seconds=0.0)


def test_a_check_in_a_worker_gives_the_same_report() -> None:
    """Negative: the worker process changes where the check runs, not what it finds."""
    from extractors import (
        article_from_bytes,
        extract,
        extract_isolated,
        source_from_bytes,
        verify_isolated,
        verify_with,
    )

    article = (PROJECT / "data" / "examples" / "sarcoma_thigh_treatment_options.txt").read_bytes()
    label = (PROJECT / "data" / "examples" / "alveolar_sarcoma_thigh.txt").read_bytes()
    extracted = extract_isolated(("label.txt", label))
    assert extracted == extract([source_from_bytes(label, "label.txt")])
    isolated = verify_isolated(("article.txt", article), extracted)
    assert isolated == verify_with(article_from_bytes(article, "article.txt"), extracted)
