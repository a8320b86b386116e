"""The dashboard, headless: streamlit's AppTest runs app.py and drives its widgets."""

from __future__ import annotations

import html
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import PROJECT

APP = str(PROJECT / "app.py")
OWN = "Your own article (upload or paste below)"
XSS_ARTICLE = (
    "Pazopanib trial summary\n\n"
    "The median PFS was 4.6 months with pazopanib <script>alert(1)</script> and 1.6 months with placebo.\n"
    "See <img src=x onerror=alert(1)> for details.\n"
)
FAITHFUL_ARTICLE = "The median PFS was 4.6 months with pazopanib and 1.6 months with placebo."


def html_bodies(at: AppTest) -> list[str]:
    return [element.proto.body for element in at.get("html")]


def article_html(at: AppTest) -> str:
    bodies = [b for b in html_bodies(at) if 'class="tp-article"' in b]
    assert len(bodies) == 1
    return bodies[0]


@pytest.fixture
def app() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_opens_on_the_bundled_example(app: AppTest) -> None:
    assert not app.error
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
    assert app.dataframe, "the measurement table is shown"
    charts = [e for e in app.get("plotly_chart")]
    assert charts, "the forest plot is shown"


def test_selecting_a_claim_shows_its_evidence_span(app: AppTest) -> None:
    select = app.selectbox(key="claim")
    numeric = next(i for i, label in enumerate(select.options) if "median PFS" in label)
    select.set_value(numeric).run()
    assert not app.exception
    bodies = html_bodies(app)
    assert any("<mark>" in b for b in bodies), "the label text is shown with the source span marked"
    assert f'data-claim="{numeric + 1}"' in article_html(app) and "tp-selected" in article_html(app)


def test_second_example(app: AppTest) -> None:
    app.radio(key="example").set_value("Alveolar soft part sarcoma of the thigh").run()
    assert not app.exception and not app.error
    assert "alveolar" in article_html(app).lower()


def test_pasted_article_is_checked(app: AppTest) -> None:
    app.radio(key="example").set_value(OWN).run()
    assert not app.exception
    app.text_area(key="article_paste").set_value(FAITHFUL_ARTICLE).run()
    assert not app.exception and not app.error
    assert "The median PFS was" in article_html(app)


def test_pasted_article_with_script_and_img_is_rendered_as_text(app: AppTest) -> None:
    app.radio(key="example").set_value(OWN).run()
    app.text_area(key="article_paste").set_value(XSS_ARTICLE).run()
    assert not app.exception
    for body in html_bodies(app):
        if "tp-summary" in body or body.lstrip().startswith(("<style", "<script>\nsetTimeout")):
            continue  # our stylesheet and our constant scroll script, which contain no article text
        assert "<script>alert" not in body and "<img" not in body and "onerror=alert(1)>" not in body
    article = article_html(app)
    assert html.escape("<script>alert(1)</script>") in article
    assert html.escape("<img src=x onerror=alert(1)>") in article
    for md in app.markdown:  # markdown elements must not carry the raw tags either
        assert "<script>" not in md.value and "<img" not in md.value


@pytest.mark.parametrize(
    ("name", "data", "problem"),
    [
        ("empty.json", b"", "empty"),
        ("figure.png", bytes.fromhex("89504e470d0a1a0a0000000d4948445200"), "binary"),
        ("settings.json", b'{"theme": "dark"}', "label"),
    ],
    ids=["empty-label", "binary-label", "json-not-a-label"],
)
def test_bad_label_upload_shows_an_error_and_keeps_working(app: AppTest, name: str, data: bytes, problem: str) -> None:
    app.file_uploader(key="label_upload").set_value((name, data, "application/octet-stream")).run()
    assert not app.exception
    errors = [e.value for e in app.error]
    assert len(errors) == 1 and name in errors[0] and problem in errors[0].lower()
    assert "tp-claim" in article_html(app), "the page keeps showing the article"


def test_bad_article_upload_keeps_the_last_good_article(app: AppTest) -> None:
    app.radio(key="example").set_value(OWN).run()
    app.text_area(key="article_paste").set_value(FAITHFUL_ARTICLE).run()
    app.file_uploader(key="article_upload").set_value(("broken.txt", b"\xff\xfe\x00\x01binary", "text/plain")).run()
    assert not app.exception
    errors = [e.value for e in app.error]
    assert len(errors) == 1 and "broken.txt" in errors[0]
    assert "The median PFS was" in article_html(app), "what the user loaded before is still shown"


def test_oversized_upload_is_refused_with_a_message(app: AppTest) -> None:
    big = b"median PFS 4.6 months\n" * (6 * 1024 * 1024 // 22)
    app.file_uploader(key="label_upload").set_value(("huge.txt", big, "text/plain")).run()
    assert not app.exception
    errors = [e.value for e in app.error]
    assert len(errors) == 1 and "huge.txt" in errors[0] and "5 MB" in errors[0]


def test_uploaded_label_is_used_as_the_source(app: AppTest) -> None:
    label = (PROJECT / "data" / "examples" / "alveolar_sarcoma_thigh.txt").read_bytes()
    app.file_uploader(key="label_upload").set_value(("votrient-quote.txt", label, "text/plain")).run()
    assert not app.exception and not app.error
    assert app.selectbox(key="claim").options


def test_verdict_filter_narrows_the_claim_list(app: AppTest) -> None:
    all_options = app.selectbox(key="claim").options
    app.button_group(key="verdict_filter").set_value(["overgeneralized"]).run()
    assert not app.exception
    narrowed = app.selectbox(key="claim").options
    assert narrowed and len(narrowed) < len(all_options)
    assert all("overgeneralized" in o for o in narrowed)


def test_downloads_offer_csv_json_and_html(app: AppTest) -> None:
    labels = [b.label for b in app.get("download_button")]
    assert labels == ["Download CSV", "Download JSON", "Download HTML report"]


def test_label_folder_picks_the_labels_the_article_names(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    example = PROJECT / "data" / "examples" / "alveolar_sarcoma_thigh.txt"
    (tmp_path / "votrient-quote.txt").write_bytes(example.read_bytes())  # a text label about pazopanib
    (tmp_path / "other.txt").write_text("Lipitor (atorvastatin) label text. LDL-C fell 39%.", encoding="utf-8")
    (tmp_path / "settings.json").write_text('{"theme": "dark"}', encoding="utf-8")  # not a label: skipped
    monkeypatch.setenv("TRIALPROOF_LABELS", str(tmp_path))
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    assert not at.exception and not at.error
    captions = " ".join(c.value for c in at.caption)
    assert "2 labels" in captions and "1 other files skipped" in captions
    assert "Picked: votrient-quote" in captions and "other" not in captions.split("Picked:")[1]
    at.checkbox(key="use_folder").uncheck().run()
    assert "Picked:" not in " ".join(c.value for c in at.caption)


def test_missing_label_folder_is_an_error_not_a_crash(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("TRIALPROOF_LABELS", str(tmp_path / "nowhere"))
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    assert not at.exception
    assert any("label folder not found" in e.value for e in at.error)
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
