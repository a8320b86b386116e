"""Medians and rates of one trial, grouped by endpoint, the arms side by side with their CIs.

Bars run sideways so the label's own wording ("Response Duration ≥6 months, %") fits beside them
at any width; each arm has one name and one colour across a trial's figures. A median that was
not reached (NR) or is not estimable (NE) is written as such, never drawn as zero. Shares of
patients with an event ("PFS events (%)") are left to the measurements table: they sit beside
their counts and would crowd out the response rates.
"""

from __future__ import annotations

from collections.abc import Sequence

import plotly.graph_objects as go

from extractors.records import Measurement
from extractors.report import ci_text, value_text
from extractors.views.figures import BOTTOM_LEFT_LEGEND, escaped, top_left_title, trial_title, wrapped
from extractors.views.frames import arm_name, arm_names, where_text

ARM_COLOURS = ("#0969da", "#bc4c00", "#8250df", "#1a7f37", "#cf222e", "#57606a")
BAR_PX = 20  # height of one arm's bar
LINE_PX = 16  # height of one line of a group's label
GROUP_GAP_PX = 18


def _group(m: Measurement, share_row: bool) -> str:
    """A bar group's label: the endpoint, and what sets it apart: who assessed it, the row as
    printed when one endpoint has several rows (``share_row``), and on lines of its own, in grey,
    the subgroup (plotly reads this small subset of HTML; the label's words are escaped)."""
    head = m.row if share_row and m.row else (m.endpoint or m.statistic)
    lines = wrapped(head + (f" ({m.assessment})" if m.assessment else ""))
    if m.population:
        lines += [f'<span style="color:#6e7781">{line}</span>' for line in wrapped(m.population)]
    return "<br>".join(lines)


def _event_shares(measurements: Sequence[Measurement]) -> set[tuple[object, ...]]:
    """Where an arm's count of events is printed: a rate in the same cell is their share."""
    return {
        (m.source, m.table, m.row, m.column, m.arm)
        for m in measurements
        if m.statistic == "events" and m.table is not None
    }


def chosen_values(measurements: Sequence[Measurement], trial: str | None, statistic: str) -> list[Measurement]:
    """The trial's values of one statistic to draw, one per arm and group (a table's reading over
    the prose restating it)."""
    shares = _event_shares(measurements) if statistic == "rate" else set()
    chosen: dict[tuple[object, ...], Measurement] = {}
    for m in measurements:
        if m.statistic != statistic or m.trial != trial or m.arm is None or (m.value is None and not m.qualifier):
            continue
        if statistic == "rate" and (m.unit != "%" or (m.source, m.table, m.row, m.column, m.arm) in shares):
            continue
        key = (m.endpoint, m.population, m.assessment, m.row if statistic == "rate" else None, m.arm.casefold())
        if key not in chosen or (chosen[key].table is None and m.table is not None):
            chosen[key] = m
    return list(chosen.values())


def _groups(values: Sequence[Measurement]) -> dict[int, str]:
    """id(measurement) → its group label; rows printed under one endpoint and population are told apart by row."""
    rows: dict[tuple[object, ...], set[str | None]] = {}
    for m in values:
        rows.setdefault((m.endpoint, m.population, m.assessment), set()).add(m.row)
    return {id(m): _group(m, len(rows[(m.endpoint, m.population, m.assessment)]) > 1) for m in values}


def _group_px(groups: Sequence[str], arms: int) -> int:
    """Pixels per group: room for its bars, or for the longest label's lines if that is more."""
    lines = max(group.count("<br>") + 1 for group in groups)
    return max(arms * BAR_PX, lines * LINE_PX) + GROUP_GAP_PX


def _printed(m: Measurement) -> str:
    """The value and its CI as the label prints them, for the text beside a bar: "4 (2.3, 7.9)", "NR (38.8, NE)"."""
    return escaped(f"{value_text(m)} {ci_text(m)}".strip())


def arm_bar_figure(
    measurements: Sequence[Measurement], trial: str | None, statistic: str, title: str, unit: str
) -> go.Figure | None:
    """Sideways grouped bars of one statistic for one trial, one colour per arm, CIs as whiskers and
    the printed value beside each, or None.

    Bars sit at numeric positions (group index, offset by arm) rather than on a category axis, so
    the printed value can be placed just past each bar's whisker instead of on top of it.
    """
    values = chosen_values(measurements, trial, statistic)
    if not values:
        return None
    endpoints = list(dict.fromkeys(m.endpoint for m in values))
    values.sort(key=lambda m: endpoints.index(m.endpoint))  # grouped by endpoint, in the label's order
    names = arm_names(measurements)
    group_of = _groups(values)
    groups = list(dict.fromkeys(group_of[id(m)] for m in values))
    arms = list(dict.fromkeys(arm_name(names, m.trial, m.arm) for m in values))
    width = 0.8 / len(arms)
    figure = go.Figure()
    for slot, (colour, arm) in enumerate(zip(ARM_COLOURS * 4, arms, strict=False)):
        mine = [m for m in values if arm_name(names, m.trial, m.arm) == arm]
        ys = [groups.index(group_of[id(m)]) + (slot - (len(arms) - 1) / 2) * width for m in mine]
        figure.add_trace(_arm_bars(mine, ys, arm, colour, width))
        figure.add_trace(_printed_values(mine, ys, arm, colour))
    notes = " (NR = not reached, NE = not estimable)" if any(m.value is None for m in values) else ""
    _lay_out(figure, f"{escaped(trial_title(trial))}: {title}{notes}", groups, len(arms))
    _value_axis(figure, unit, max((m.ci_high or m.value or 0) for m in values) or 1.0)
    return figure


def _drawn(m: Measurement) -> float:
    """Where an arm's bar ends: its value, or zero for a median not reached or not estimable."""
    return m.value if m.value is not None else 0.0


def _arm_bars(mine: Sequence[Measurement], ys: Sequence[float], arm: str, colour: str, width: float) -> go.Bar:
    """One arm's bars at ``ys``, their CIs as whiskers, the value and where it was read on hover."""
    xs = [_drawn(m) for m in mine]
    return go.Bar(
        y=ys,
        x=xs,
        width=width * 0.92,
        orientation="h",
        name=escaped(arm),
        marker_color=colour,
        legendgroup=arm,
        error_x={
            "type": "data",
            "symmetric": False,
            "color": "#57606a",
            "thickness": 1.4,
            "width": 3,
            "array": [(m.ci_high or x) - x if m.value is not None else 0.0 for m, x in zip(mine, xs, strict=True)],
            "arrayminus": [x - (m.ci_low or x) if m.value is not None else 0.0 for m, x in zip(mine, xs, strict=True)],
            "visible": any(m.ci_high is not None for m in mine),
        },
        hovertext=[f"{escaped(arm)}: {_printed(m)} {escaped(m.unit)}<br>{escaped(where_text(m))}" for m in mine],
        hoverinfo="text",
    )


def _printed_values(mine: Sequence[Measurement], ys: Sequence[float], arm: str, colour: str) -> go.Scatter:
    """The printed value past the end of each bar or its whisker; NR/NE at zero."""
    return go.Scatter(
        y=ys,
        x=[max(_drawn(m), m.ci_high or 0.0) if m.value is not None else 0.0 for m in mine],
        mode="text",
        text=["\u2002" + _printed(m) for m in mine],  # an en space: clear of the whisker's cap
        textposition="middle right",
        textfont={"size": 11, "color": colour},
        legendgroup=arm,
        showlegend=False,
        hoverinfo="skip",
        cliponaxis=False,
    )


def _lay_out(figure: go.Figure, title: str, groups: Sequence[str], arms: int) -> None:
    """The title, a height that fits every group's bars and label, the legend below, the groups' axis."""
    figure.update_layout(
        title=top_left_title(title),
        height=len(groups) * _group_px(groups, arms) + 150,
        margin={"l": 8, "r": 24, "t": 56, "b": 90},
        legend=BOTTOM_LEFT_LEGEND,
        plot_bgcolor="white",
    )
    figure.update_yaxes(
        tickvals=list(range(len(groups))),
        ticktext=list(groups),
        range=[len(groups) - 0.5, -0.5],
        automargin=True,
        tickfont={"size": 12},
        zeroline=False,
        showgrid=False,
    )


def _value_axis(figure: go.Figure, unit: str, high: float) -> None:
    """The value axis from zero, with room past ``high`` (the longest whisker) for the printed values."""
    if unit.startswith("%"):  # room past 100 for the printed values, but no tick beyond it
        figure.update_xaxes(tickvals=[t for t in range(0, 101, 20) if t <= high * 1.45])
    figure.update_xaxes(
        title={"text": unit, "font": {"size": 12}},
        gridcolor="#eaeef2",
        range=[0, high * 1.45],  # room for the printed value past the longest whisker
        automargin=True,
        zeroline=True,
        zerolinecolor="#8c959f",
    )


def median_figure(measurements: Sequence[Measurement], trial: str | None) -> go.Figure | None:
    """One trial's median times by arm, grouped by endpoint, or None."""
    values = chosen_values(measurements, trial, "median")
    units = sorted({m.unit for m in values if m.unit})
    return arm_bar_figure(measurements, trial, "median", "median times", ", ".join(units) or "as printed")


def rate_figure(measurements: Sequence[Measurement], trial: str | None) -> go.Figure | None:
    """One trial's response and landmark rates (%) by arm with their CIs, or None."""
    return arm_bar_figure(measurements, trial, "rate", "rates", "% of patients")
