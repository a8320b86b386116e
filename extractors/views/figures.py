"""Forest plots of one trial's hazard ratios, laid out like a journal's: the row labels on the left
(endpoint, who assessed it, subgroups indented under their endpoint), the ratios on a log axis in
the middle with a line at 1 and a "favours" note under it, the numbers as printed on the right.

Figures show what the label states, one trial at a time, so a label with forty trials stays
readable. Label text is escaped before plotly reads it (plotly reads a subset of HTML). Titles and
legends sit in margins of their own, so neither covers the other at any width.
"""

from __future__ import annotations

import html
import math
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass

import plotly.graph_objects as go

from extractors.records import Claim, Measurement
from extractors.report import ci_text, value_text
from extractors.views.frames import arm_key, arm_name, arm_names, number_text, where_text
from extractors.views.highlight import VERDICT_STYLE, verdict_label

INDENT = "\u2003\u2003"  # em spaces: plotly keeps them where it collapses ordinary spaces
LABEL_WIDTH = 30  # characters per line of a row label before it wraps
LABEL_DOMAIN = (0.0, 0.40)  # paper x: row labels, plot, printed numbers
PLOT_DOMAIN = (0.42, 0.78)
NUMBER_X = 0.80
LOG_TICKS = (0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50)  # each at least twice the last: no collisions
LINE_PX = 15  # height of one line of label text
ROW_GAP_PX = 14


# Every figure's legend sits under its plot, flush left, so it never covers a bar or a point
BOTTOM_LEFT_LEGEND = {"orientation": "h", "yref": "container", "y": 0, "yanchor": "bottom", "x": 0, "xanchor": "left"}


def top_left_title(text: str) -> dict[str, object]:
    """A figure title flush with the page's left edge at the top of the figure, as every plot has it."""
    return {
        "text": text,
        "x": 0,
        "xanchor": "left",
        "yref": "container",
        "y": 1,
        "yanchor": "top",
        "pad": {"t": 8},
        "font": {"size": 15},
    }


def escaped(text: str | None) -> str:
    """Label text for a plotly string: its characters escaped, since plotly reads a subset of HTML."""
    return html.escape(text or "", quote=False)


def wrapped(text: str, width: int = LABEL_WIDTH, indent: str = "") -> list[str]:
    """``text`` escaped and wrapped into lines of at most ``width`` characters (as plotly ``<br>`` lines)."""
    lines = textwrap.wrap(" ".join(text.split()), width=width, break_long_words=True) or [""]
    return [indent + escaped(line) for line in lines]


def trial_title(trial: str | None) -> str:
    return trial or "trial not named"


@dataclass(frozen=True, slots=True)
class ForestRow:
    """One line of a forest plot: its label lines, and the ratio drawn on it (None for a heading)."""

    lines: tuple[str, ...]
    measurement: Measurement | None
    subgroup: bool = False


def _key(m: Measurement) -> tuple[object, ...]:
    """A ratio stated twice (a table and the prose restating it) has one key; another value does not."""
    return (m.endpoint, m.population, arm_key(m.arm or ""), m.assessment, m.value)


def _hazard_ratios(measurements: Sequence[Measurement], trial: str | None) -> list[Measurement]:
    chosen: dict[tuple[object, ...], Measurement] = {}
    for m in measurements:
        if m.statistic != "hr" or m.trial != trial or m.value is None or m.value <= 0:
            continue
        key = _key(m)
        if key not in chosen or (chosen[key].ci_low is None and m.ci_low is not None):
            chosen[key] = m
    return list(chosen.values())


def _head(m: Measurement, twins: bool) -> str:
    """An overall row's label: endpoint, who assessed it, and where it is stated when another
    ratio has the same label (an interim and a final analysis, say)."""
    parts = [m.endpoint or "HR"]
    if m.assessment:
        parts.append(f"({m.assessment})")
    if twins:
        parts.append(f"· {where_text(m)}")
    return " ".join(parts)


def forest_rows(measurements: Sequence[Measurement], trial: str | None) -> list[ForestRow]:
    """The hazard ratios of one trial: per endpoint, the overall results, then the subgroups
    indented under them (under a heading of the endpoint alone when the label states no overall
    ratio for it)."""
    ratios = _hazard_ratios(measurements, trial)
    endpoints = list(dict.fromkeys(m.endpoint for m in ratios))
    rows: list[ForestRow] = []
    for endpoint in endpoints:
        group = [m for m in ratios if m.endpoint == endpoint]
        overall = [m for m in group if m.population is None]
        labels = [(m.assessment, m.population) for m in group]
        if not overall:
            assessed = {m.assessment for m in group}
            heading = (endpoint or "HR") + (
                f" ({assessed.pop()})" if len(assessed) == 1 and None not in assessed else ""
            )
            rows.append(ForestRow(tuple(wrapped(heading)), None))
        for m in overall:
            twins = labels.count((m.assessment, m.population)) > 1
            rows.append(ForestRow(tuple(wrapped(_head(m, twins))), m))
        for m in group:
            if m.population is None:
                continue
            said = {o.assessment for o in overall} if overall else {g.assessment for g in group}
            text = m.population + (f" ({m.assessment})" if m.assessment and said != {m.assessment} else "")
            rows.append(ForestRow(tuple(wrapped(text, LABEL_WIDTH - 2, INDENT)), m, subgroup=True))
    return rows


def _sides(measurements: Sequence[Measurement], ratios: Sequence[Measurement]) -> tuple[str, str] | None:
    """The experimental and control arm most of the trial's ratios compare, each under its one name."""
    names = arm_names(measurements)
    pairs = [
        (arm_name(names, m.trial, m.arm), arm_name(names, m.trial, m.comparator))
        for m in ratios
        if m.arm and m.comparator
    ]
    if not pairs:
        return None
    return max(pairs, key=pairs.count)


def _log_range(rows: Sequence[ForestRow]) -> tuple[float, float]:
    values = [1.0]
    for row in rows:
        m = row.measurement
        if m is not None:
            values += [v for v in (m.value, m.ci_low, m.ci_high) if v is not None and v > 0]
    low, high = math.log10(min(values)), math.log10(max(values))
    pad = max(0.12, (high - low) * 0.08)
    return low - pad, high + pad


def _claim_traces(rows: Sequence[ForestRow], ys: Sequence[float], claims: Sequence[Claim]) -> list[go.Scatter]:
    """The article's claimed ratios as diamonds in the claim's verdict colour, on the row of the ratio
    each was checked against."""
    row_of = {id(r.measurement): y for r, y in zip(rows, ys, strict=True) if r.measurement is not None}
    key_of = {_key(r.measurement): y for r, y in zip(rows, ys, strict=True) if r.measurement is not None}
    traces = []
    for verdict, (_icon, colour, _background) in VERDICT_STYLE.items():
        xs, yy, texts = [], [], []
        for number, claim in enumerate(claims, start=1):
            ev = claim.evidence
            if claim.verdict != verdict or ev is None or ev.statistic != "hr" or not claim.value or claim.value <= 0:
                continue
            y = row_of.get(id(ev), key_of.get(_key(ev)))
            if y is not None:
                xs.append(claim.value)
                yy.append(y)
                texts.append(
                    f"claim {number}: the article says HR {number_text(claim.value)} — {verdict_label(verdict)}"
                )
        if xs:
            traces.append(
                go.Scatter(
                    x=xs,
                    y=yy,
                    mode="markers",
                    name=f"article: {verdict_label(verdict)}",
                    marker={"symbol": "diamond-open", "size": 14, "line": {"width": 2.5}, "color": colour},
                    hovertext=texts,
                    hoverinfo="text",
                )
            )
    return traces


def _row_positions(rows: Sequence[ForestRow]) -> tuple[list[float], float]:
    """Each row's y (in pixels from the top, negated so the first row is highest) and the total height."""
    ys, cursor = [], 0.0
    for row in rows:
        height = len(row.lines) * LINE_PX + ROW_GAP_PX
        ys.append(-(cursor + height / 2))
        cursor += height
    return ys, cursor


def _annotations(rows: Sequence[ForestRow], ys: Sequence[float]) -> list[dict[str, object]]:
    notes: list[dict[str, object]] = []
    for row, y in zip(rows, ys, strict=True):
        heading = row.measurement is None
        label = "<br>".join(f"<b>{line}</b>" if heading else line for line in row.lines)
        notes.append(
            {
                "x": LABEL_DOMAIN[0],
                "y": y,
                "xref": "paper",
                "yref": "y",
                "text": label,
                "align": "left",
                "xanchor": "left",
                "showarrow": False,
                "font": {"size": 12, "color": "#57606a" if row.subgroup else "#1f2328"},
            }
        )
        if row.measurement is not None:
            printed = f"{escaped(value_text(row.measurement))} {escaped(ci_text(row.measurement))}"
            notes.append(
                {
                    "x": NUMBER_X,
                    "y": y,
                    "xref": "paper",
                    "yref": "y",
                    "text": printed,
                    "align": "left",
                    "xanchor": "left",
                    "showarrow": False,
                    "font": {"size": 12, "color": "#1f2328"},
                }
            )
    for x, text in ((LABEL_DOMAIN[0], "<b>Endpoint, subgroup</b>"), (NUMBER_X, "<b>HR (95% CI)</b>")):
        notes.append(
            {
                "x": x,
                "y": 1,
                "xref": "paper",
                "yref": "paper",
                "yanchor": "bottom",
                "xanchor": "left",
                "text": text,
                "showarrow": False,
                "font": {"size": 11, "color": "#57606a"},
            }
        )
    return notes


FAVOURS_TOP_PX = 22  # below the tick labels
NOTE_LINE_PX = 14


def _favours(sides: tuple[str, str] | None) -> tuple[list[dict[str, object]], int]:
    """The notes under the axis: which side of 1 favours which arm, then what the axis is; and the
    pixels they take below the plot. (Annotation x on a log axis is log10 of the value: 0 is 1.)"""
    notes: list[dict[str, object]] = []
    lines = 0
    if sides is not None:
        texts = (("right", f"← favours {sides[0]}"), ("left", f"favours {sides[1]} →"))
        for anchor, text in texts:
            wrapped_lines = wrapped(text, 28)
            lines = max(lines, len(wrapped_lines))
            notes.append(
                {
                    "x": 0,
                    "xref": "x",
                    "y": 0,
                    "yref": "paper",
                    "yanchor": "top",
                    "yshift": -FAVOURS_TOP_PX,
                    "xanchor": anchor,
                    "xshift": -6 if anchor == "right" else 6,
                    "showarrow": False,
                    "text": "<br>".join(wrapped_lines),
                    "align": anchor,
                    "font": {"size": 11, "color": "#1f2328"},
                }
            )
    axis_top = FAVOURS_TOP_PX + lines * NOTE_LINE_PX + 6
    notes.append(
        {
            "x": 0,
            "xref": "x",
            "y": 0,
            "yref": "paper",
            "yanchor": "top",
            "yshift": -axis_top,
            "showarrow": False,
            "text": "hazard ratio, log scale",
            "font": {"size": 11, "color": "#57606a"},
        }
    )
    return notes, axis_top + NOTE_LINE_PX + 8


def forest_figure(
    measurements: Sequence[Measurement], trial: str | None, claims: Sequence[Claim] = ()
) -> go.Figure | None:
    """A forest plot of one trial's hazard ratios, or None if it has none.

    Where an article claim was checked against one of the ratios, the claimed value is drawn over
    it as a diamond in the claim's verdict colour, named in the legend by icon and word.
    """
    rows = forest_rows(measurements, trial)
    if not any(r.measurement is not None for r in rows):
        return None
    ys, height = _row_positions(rows)
    points = [r.measurement for r in rows if r.measurement is not None]
    ratio_y = [y for r, y in zip(rows, ys, strict=True) if r.measurement is not None]
    figure = go.Figure(_ratio_trace(points, ratio_y))
    for trace in _claim_traces(rows, ys, claims):
        figure.add_trace(trace)
    _ratio_axis(figure, rows)
    figure.update_yaxes(visible=False, range=[-height, 0], fixedrange=True)
    legend = len(figure.data) > 1
    notes, below = _favours(_sides(measurements, points))
    bottom = below + (30 if legend else 0)
    figure.update_layout(
        title=top_left_title(f"{escaped(trial_title(trial))}: hazard ratios"),
        height=int(height) + 56 + bottom,
        margin={"l": 8, "r": 8, "t": 56, "b": bottom},
        showlegend=legend,
        legend=BOTTOM_LEFT_LEGEND,
        annotations=_annotations(rows, ys) + notes,
        plot_bgcolor="white",
        hovermode="closest",
    )
    return figure


def _ratio_trace(points: Sequence[Measurement], ys: Sequence[float]) -> go.Scatter:
    """The label's hazard ratios at ``ys`` as squares with their CIs, what and where on hover."""
    values = [m.value or 1.0 for m in points]
    plus = [(m.ci_high - v) if m.ci_high is not None else 0 for m, v in zip(points, values, strict=True)]
    minus = [(v - m.ci_low) if m.ci_low is not None else 0 for m, v in zip(points, values, strict=True)]
    hover = [
        f"{escaped(m.endpoint)} {escaped(m.population or 'overall')} {escaped(m.assessment)}<br>"
        f"HR {escaped(value_text(m))} {escaped(ci_text(m))}<br>{escaped(where_text(m))}"
        for m in points
    ]
    return go.Scatter(
        x=values,
        y=list(ys),
        mode="markers",
        name="label: HR and 95% CI",
        marker={"symbol": "square", "size": 9, "color": "#1f2328"},
        error_x={
            "type": "data",
            "symmetric": False,
            "array": plus,
            "arrayminus": minus,
            "thickness": 1.6,
            "width": 5,
            "color": "#1f2328",
        },
        hovertext=hover,
        hoverinfo="text",
    )


def _ratio_axis(figure: go.Figure, rows: Sequence[ForestRow]) -> None:
    """The log-scale ratio axis over every row's CI, ticked where it reads well, a dashed line at 1."""
    low, high = _log_range(rows)
    figure.add_vline(x=1, line={"color": "#8c959f", "dash": "dash", "width": 1})
    figure.update_xaxes(
        type="log",
        range=[low, high],
        domain=list(PLOT_DOMAIN),
        zeroline=False,
        showgrid=True,
        gridcolor="#eaeef2",
        tickvals=[t for t in LOG_TICKS if low <= math.log10(t) <= high],
        tickfont={"size": 11},
    )


def trials_with_results(measurements: Sequence[Measurement], claims: Sequence[Claim] = ()) -> list[str | None]:
    """Trials with a hazard ratio, a median or a rate to draw: those the article's claims were
    checked against first, then the rest, each in order of first mention."""
    trials: list[str | None] = []
    for m in measurements:
        if m.statistic in ("hr", "median", "rate") and m.trial not in trials:
            trials.append(m.trial)
    cited = [c.evidence.trial for c in claims if c.evidence is not None]
    return sorted(trials, key=lambda t: (t not in cited, trials.index(t)))
