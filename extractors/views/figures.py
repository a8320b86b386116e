"""Plotly figures for the dashboard: hazard ratios as forest plots, medians and rates by arm.

Figures show what the label states: a value that was not reached (NR) or is not estimable (NE) is
written as such on the chart, never drawn as zero. Label text is escaped before plotly reads it.
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence
from dataclasses import dataclass

import plotly.graph_objects as go

from extractors.records import Claim, Measurement
from extractors.report import ci_text, value_text
from extractors.views.frames import number_text, where_text
from extractors.views.highlight import VERDICT_STYLE, verdict_label

_INDENT = "\u2003\u2003"  # em spaces: plotly keeps them where it would trim ordinary spaces
_ARM_COLOURS = ("#0969da", "#bc4c00", "#8250df", "#1a7f37", "#cf222e", "#57606a")


def _t(text: str | None) -> str:
    """Label text for a plotly string: plotly reads a subset of HTML, so the label's characters are escaped."""
    return html.escape(text or "", quote=False)


# ---------------------------------------------------------------------------------------------
# Forest plot of hazard ratios
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ForestRow:
    label: str  # as shown on the axis; subgroups indented under their overall row
    measurement: Measurement


def _key(m: Measurement) -> tuple[object, ...]:
    return (m.trial, m.endpoint, m.population, (m.arm or "").casefold(), (m.comparator or "").casefold())


def forest_rows(measurements: Sequence[Measurement], trial: str | None) -> list[ForestRow]:
    """The hazard ratios of one trial: per endpoint, the overall result then its subgroups.

    A ratio stated twice (a table and the prose, or two sources) is shown once, preferring the
    reading with a CI.
    """
    chosen: dict[tuple[object, ...], Measurement] = {}
    for m in measurements:
        if m.statistic != "hr" or m.trial != trial or m.value is None or m.value <= 0:
            continue
        key = _key(m)
        if key not in chosen or (chosen[key].ci_low is None and m.ci_low is not None):
            chosen[key] = m
    endpoints: list[str | None] = []
    for m in chosen.values():
        if m.endpoint not in endpoints:
            endpoints.append(m.endpoint)
    rows = []
    for endpoint in endpoints:
        group = [m for m in chosen.values() if m.endpoint == endpoint]
        group.sort(key=lambda m: m.population is not None)  # overall first, then subgroups as stated
        for m in group:
            name = endpoint or "HR"
            if m.population is None:
                label = f"{_t(name)} · overall"
            elif any(g.population is None for g in group):
                label = f"{_INDENT}{_t(m.population)}"
            else:
                label = f"{_t(name)} · {_t(m.population)}"
            rows.append(ForestRow(label, m))
    return rows


def forest_trials(measurements: Sequence[Measurement], claims: Sequence[Claim] = ()) -> list[str | None]:
    """Trials with at least one hazard ratio: those the article's claims were checked against
    first, then the rest, each in order of first mention."""
    trials: list[str | None] = []
    for m in measurements:
        if m.statistic == "hr" and m.value is not None and m.trial not in trials:
            trials.append(m.trial)
    cited = [c.evidence.trial for c in claims if c.evidence is not None]
    return sorted(trials, key=lambda t: (t not in cited, trials.index(t)))


def forest_figure(
    measurements: Sequence[Measurement], trial: str | None, claims: Sequence[Claim] = ()
) -> go.Figure | None:
    """A forest plot of one trial's hazard ratios (log axis, a line at 1), or None if it has none.

    Where an article claim was checked against one of the ratios, the claimed value is drawn over
    it as a diamond in the claim's verdict colour.
    """
    rows = forest_rows(measurements, trial)
    if not rows:
        return None
    y = list(range(len(rows), 0, -1))
    xs = [r.measurement.value for r in rows]
    plus = [
        (r.measurement.ci_high - v) if r.measurement.ci_high is not None and v else 0
        for r, v in zip(rows, xs, strict=True)
    ]
    minus = [
        (v - r.measurement.ci_low) if r.measurement.ci_low is not None and v else 0
        for r, v in zip(rows, xs, strict=True)
    ]
    hover = [
        f"{_t(r.measurement.endpoint)} {_t(r.measurement.population or 'overall')}<br>"
        f"HR {_t(value_text(r.measurement))} {_t(ci_text(r.measurement))}<br>{_t(where_text(r.measurement))}"
        for r in rows
    ]
    figure = go.Figure()
    figure.add_trace(
        go.Scatter(
            x=xs,
            y=y,
            mode="markers",
            marker={"symbol": "square", "size": 10, "color": "#1f2328"},
            error_x={
                "type": "data",
                "symmetric": False,
                "array": plus,
                "arrayminus": minus,
                "thickness": 2,
                "width": 6,
                "color": "#1f2328",
            },
            name="label (HR, 95% CI)",
            hovertext=hover,
            hoverinfo="text",
        )
    )
    # The article's claimed values, on the row of the measurement they were checked against.
    row_of = {id(r.measurement): yy for r, yy in zip(rows, y, strict=True)}
    by_key = {_key(r.measurement): yy for r, yy in zip(rows, y, strict=True)}
    for verdict in VERDICT_STYLE:
        cx, cy, ctext = [], [], []
        for claim in claims:
            ev = claim.evidence
            if (
                claim.verdict != verdict
                or ev is None
                or ev.statistic != "hr"
                or claim.value is None
                or claim.value <= 0
            ):
                continue
            yy = row_of.get(id(ev), by_key.get(_key(ev)))
            if yy is None:
                continue
            cx.append(claim.value)
            cy.append(yy)
            ctext.append(f"article: HR {number_text(claim.value)} — {verdict_label(verdict)}")
        if cx:
            figure.add_trace(
                go.Scatter(
                    x=cx,
                    y=cy,
                    mode="markers",
                    name=f"article ({verdict_label(verdict)})",
                    marker={
                        "symbol": "diamond-open",
                        "size": 14,
                        "line": {"width": 2.5},
                        "color": VERDICT_STYLE[verdict][1],
                    },
                    hovertext=ctext,
                    hoverinfo="text",
                )
            )
    values = (
        [v for v in xs if v] + [r.measurement.ci_low or 0 for r in rows] + [r.measurement.ci_high or 0 for r in rows]
    )
    positive = [v for v in values if v > 0]
    low, high = min([*positive, 1.0]), max([*positive, 1.0])
    figure.add_vline(x=1, line={"color": "#8c959f", "dash": "dash", "width": 1})
    figure.update_xaxes(
        type="log",
        range=[math.log10(low) - 0.15, math.log10(high) + 0.15],
        title="hazard ratio (log scale)",
        tickvals=[0.1, 0.2, 0.3, 0.5, 0.7, 1, 1.5, 2, 3, 5],
        zeroline=False,
    )
    ticks = [f"{r.label}  <b>{_t(value_text(r.measurement))}</b> {_t(ci_text(r.measurement))}" for r in rows]
    figure.update_yaxes(tickvals=y, ticktext=ticks, range=[0.4, len(rows) + 0.6])
    figure.update_layout(
        title=f"Hazard ratios — {_t(trial or 'trial not named')}",
        height=140 + 34 * len(rows),
        margin={"l": 10, "r": 10, "t": 40, "b": 50},
        showlegend=len(figure.data) > 1,
        legend={"orientation": "h", "y": -0.35},
        plot_bgcolor="white",
    )
    return figure


# ---------------------------------------------------------------------------------------------
# Medians by arm
# ---------------------------------------------------------------------------------------------


def _median_group(m: Measurement, name_trial: bool) -> str:
    """An x-axis group: endpoint (and trial) over the population, on two short lines."""
    head = " ".join(x for x in ((m.trial if name_trial else None), m.endpoint) if x)
    population = (m.population or "overall").removesuffix(" subgroup").strip("‘’'\" ")
    if len(population) > 16:
        population = population[:15] + "…"
    return f"{_t(head)}<br>{_t(population)}" if head else _t(population)


def median_figure(measurements: Sequence[Measurement]) -> go.Figure | None:
    """Grouped bars of median times by arm, one group per trial/endpoint/population, or None.

    Not-reached or not-estimable medians get no bar: the group shows ``NR``/``NE`` as text at
    the axis. CI whiskers are drawn where the label gives a CI.
    """
    return arm_bar_figure(measurements, "median", "Median by arm")


def rate_figure(measurements: Sequence[Measurement]) -> go.Figure | None:
    """Grouped bars of response and event rates (%) by arm with their CIs, or None."""
    return arm_bar_figure([m for m in measurements if m.unit == "%"], "rate", "Rates by arm")


def arm_bar_figure(measurements: Sequence[Measurement], statistic: str, title: str) -> go.Figure | None:
    """Grouped bars of one statistic by arm (one group per trial/endpoint/population), or None."""
    chosen: dict[tuple[object, ...], Measurement] = {}
    for m in measurements:
        if m.statistic != statistic or m.arm is None or (m.value is None and not m.qualifier):
            continue
        key = _key(m) + (m.unit,)
        if key not in chosen or (chosen[key].table is None and m.table is not None):
            chosen[key] = m
    if not chosen:
        return None
    trials = {m.trial for m in chosen.values()}
    groups: list[str] = []
    arms: dict[str, str] = {}  # casefolded arm → name as first printed
    for m in chosen.values():
        group = _median_group(m, len(trials) > 1)
        if group not in groups:
            groups.append(group)
        arms.setdefault((m.arm or "").casefold(), m.arm or "")
    units = sorted({m.unit or "" for m in chosen.values()})
    figure = go.Figure()
    peak = max((m.ci_high or m.value or 0) for m in chosen.values()) or 1.0
    for colour, (folded, arm) in zip(_ARM_COLOURS * 4, arms.items(), strict=False):
        xs, ys, labels, plus, minus, hover = [], [], [], [], [], []
        nr_x, nr_text = [], []
        for m in chosen.values():
            if (m.arm or "").casefold() != folded:
                continue
            group = _median_group(m, len(trials) > 1)
            if m.value is None:
                nr_x.append(group)
                nr_text.append(_t(m.qualifier or "NR"))
                continue
            xs.append(group)
            ys.append(m.value)
            labels.append(_t(value_text(m)))
            plus.append(m.ci_high - m.value if m.ci_high is not None else float("nan"))
            minus.append(m.value - m.ci_low if m.ci_low is not None else float("nan"))
            hover.append(f"{_t(arm)}: {_t(value_text(m))} {_t(m.unit)} {_t(ci_text(m))}<br>{_t(where_text(m))}")
        figure.add_trace(
            go.Bar(
                x=xs,
                y=ys,
                name=_t(arm),
                marker_color=colour,
                text=labels,
                textposition="outside",
                error_y={
                    "type": "data",
                    "symmetric": False,
                    "array": plus,
                    "arrayminus": minus,
                    "color": "#57606a",
                    "visible": any(not math.isnan(v) for v in plus),
                },
                hovertext=hover,
                hoverinfo="text",
                offsetgroup=folded,
                legendgroup=folded,
            )
        )
        if nr_x:
            figure.add_trace(
                go.Bar(
                    x=nr_x,
                    y=[peak * 0.04] * len(nr_x),
                    name=f"{_t(arm)} (not reached)",
                    marker_color="rgba(0,0,0,0)",
                    marker_line={"color": colour, "width": 1.5},
                    text=nr_text,
                    textposition="outside",
                    textfont={"color": colour, "size": 13},
                    hovertext=[f"{_t(arm)}: {_t(t)} (not a value)" for t in nr_text],
                    hoverinfo="text",
                    offsetgroup=folded,
                    legendgroup=folded,
                    showlegend=False,
                )
            )
    figure.update_layout(
        barmode="group",
        title=title
        + (" (NR = not reached, NE = not estimable)" if any(m.value is None for m in chosen.values()) else ""),
        yaxis_title=f"{statistic} ({_t(', '.join(u for u in units if u)) or 'as printed'})",
        height=360,
        margin={"l": 10, "r": 10, "t": 60, "b": 40},
        legend={"orientation": "h", "y": 1.02, "yanchor": "bottom", "x": 1, "xanchor": "right"},
        plot_bgcolor="white",
    )
    figure.update_xaxes(categoryorder="array", categoryarray=groups)
    figure.update_yaxes(gridcolor="#eaeef2", rangemode="tozero")
    return figure
