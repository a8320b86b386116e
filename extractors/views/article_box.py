"""The article pane's behaviour in the browser: a Streamlit (components v2) script, kept here as a
constant so the dashboard stays layout only and the script can be read and tested beside the HTML
it drives.

The pane receives ``data = {html, doc, selected, reveal, reveal_id}`` from Python (its height is
the page's ``--tp-pane-height``):

- ``html`` is `highlight.highlight_article` output (every character of the article escaped), set
  as the pane's content when it changes;
- a new ``doc`` (another article or other labels) scrolls the pane to the top;
- each new ``reveal_id`` asks for one scroll: ``"evidence"`` (a claim picked by clicking its
  highlight, which is in view) scrolls the evidence pane (``.st-key-tp-evidence-pane``) to the
  top of the claim's panel (``[data-evidence-claim=N]``, drawn by the same run) and then the
  number marked in the label's table or sentence into view; ``"claim"`` (a claim picked in the
  list) does that and also brings the claim's highlight into the article pane's view;
- a click on a highlight or its badge sends the trigger ``picked`` with the claim's number.

Nothing from the article reaches the script but the HTML built by `highlight_article`; the
script itself is constant.
"""

from __future__ import annotations

ARTICLE_SCRIPT = """
function revealClaim(box, number) {
  const mark = box.querySelector(`.tp-claim[data-claim="${number}"]`);
  if (!mark) return;
  const view = box.getBoundingClientRect();
  const spot = mark.getBoundingClientRect();
  if (spot.top < view.top + 8 || spot.bottom > view.bottom - 8) {
    box.scrollTop += spot.top - view.top - box.clientHeight / 3;
  }
}

function revealAcross(box, number) {
  // A claim in a wide table: scroll the table (not the article) sideways to it. Drawing the pane
  // anew puts every table back at its left edge, so this runs after each drawing.
  const mark = box.querySelector(`.tp-table-wrap .tp-claim[data-claim="${number}"]`);
  if (!mark) return;
  const wrap = mark.closest(".tp-table-wrap");
  const view = wrap.getBoundingClientRect();
  const spot = mark.getBoundingClientRect();
  if (spot.left < view.left + 8 || spot.right > view.right - 8) {
    wrap.scrollLeft += spot.left - view.left - wrap.clientWidth / 3;
  }
}

function bringIntoView(element, margin) {
  // Scroll each scrolling ancestor just enough to show the element (the evidence pane, then the
  // page), without centring it: the clicked highlight in the article should stay where it is.
  for (let box = element.parentElement; box; box = box.parentElement) {
    const style = getComputedStyle(box);
    if (!/auto|scroll/.test(style.overflowY) || box.scrollHeight <= box.clientHeight) continue;
    const view = box.getBoundingClientRect();
    const spot = element.getBoundingClientRect();
    const top = Math.max(view.top, 0) + margin;
    const bottom = Math.min(view.bottom, window.innerHeight) - margin;
    if (spot.bottom > bottom) box.scrollTop += Math.min(spot.bottom - bottom, spot.top - top);
    else if (spot.top < top) box.scrollTop -= top - spot.top;
  }
}

function revealEvidence(number, tries) {
  // The selected claim's panel is drawn by the same run, maybe a moment after the pane: wait for it.
  const panel = document.querySelector(`[data-evidence-claim="${number}"]`);
  if (!panel) {
    if (tries > 0) setTimeout(() => revealEvidence(number, tries - 1), 100);
    return;
  }
  const pane = panel.closest(".st-key-tp-evidence-pane");
  if (pane) pane.scrollTop = 0;
  const cited = panel.querySelector(".tp-evidence mark") || panel;
  bringIntoView(cited, 24);
  setTimeout(() => bringIntoView(cited, 24), 300);  // once more, after late layout (fonts, tables)
}

export default function (component) {
  const { data, parentElement, setTriggerValue } = component;
  // Where the reader is survives the pane being drawn anew (Streamlit remounts an element whose
  // place in the page changed): one record per page, keyed by the document shown.
  const seen = (window.tpArticlePane = window.tpArticlePane || { doc: null, scrollTop: 0, reveal: null });
  let box = parentElement.querySelector(".tp-article-box");
  if (!box) {
    box = document.createElement("div");
    box.className = "tp-article-box";
    box.tabIndex = 0;
    box.setAttribute("role", "region");
    box.setAttribute("aria-label", "Article with claims highlighted");
    parentElement.appendChild(box);
    box.addEventListener("click", (event) => {
      const mark = event.target.closest("[data-claim]");
      if (mark && box.contains(mark)) box.tpPick(Number(mark.dataset.claim));
    });
    box.addEventListener("scroll", () => { seen.scrollTop = box.scrollTop; }, { passive: true });
  }
  box.tpPick = (number) => setTriggerValue("picked", number);
  if (box.tpHtml !== data.html) {
    box.innerHTML = data.html;
    box.tpHtml = data.html;
    if (data.selected) requestAnimationFrame(() => revealAcross(box, data.selected));
  }
  if (seen.doc !== data.doc) {  // another article or other labels: open at the top
    seen.doc = data.doc;
    seen.reveal = data.reveal_id;
    seen.scrollTop = 0;
  }
  if (box.scrollTop !== seen.scrollTop) box.scrollTop = seen.scrollTop;
  if (seen.reveal === data.reveal_id) return;
  seen.reveal = data.reveal_id;
  if (data.reveal === "claim") requestAnimationFrame(() => revealClaim(box, data.selected));
  if (data.reveal) revealEvidence(data.selected, 30);
}
"""

ARTICLE_BOX_CSS = """
.tp-article-box { height: var(--tp-pane-height, 60vh); overflow-y: auto; border: 1px solid #d0d7de; border-radius: 6px; padding: 0.6em 0.9em;
  background: #fff; }
.tp-article-box:focus { outline: 2px solid #0969da; outline-offset: 1px; }
"""
