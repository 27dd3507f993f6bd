"""The DOT document a view draws into: nodes, clusters, edges, title and legend.

It only builds Graphviz source with the ``graphviz`` package; running the layout engine
is :mod:`aligngraph.render.engine`'s job. Every piece of user text goes through
:mod:`aligngraph.render.labels`, so it is escaped once, here.
"""

from __future__ import annotations

from collections.abc import Sequence

import graphviz

from ..graph import KEY_RESULT
from ..report import Report
from .changes import undrawn_rows
from .colour import Colouring
from .labels import badge_cell, escape, html_label, svg_id
from .theme import FONT, Theme, ink_on

SEVERITY_CLASS = "severity-{}"
BADGE_MEANING = "hygiene and wording findings (how many)"


class Canvas:
    """A Graphviz digraph being drawn for one view of one report."""

    def __init__(self, report: Report, view: str, theme: Theme, colouring: Colouring,
                 title: str | None, rankdir: str = "BT"):
        self.report, self.theme, self.colouring = report, theme, colouring
        self.graph = report.graph
        self._names: dict[str, str] = {}
        self._ids: set[str] = set()
        #: The keys of the nodes drawn so far, and the ids of the removed goals drawn.
        self.drawn: set[str] = set()
        self.ghosted: set[str] = set()
        self.dot = graphviz.Digraph(name=view, graph_attr=self._graph_attr(rankdir, title),
                                    node_attr=self._node_attr(), edge_attr=self._edge_attr())
        self.dot.attr(**{"class": f"aligngraph view-{view}"})

    def _graph_attr(self, rankdir: str, title: str | None) -> dict[str, str]:
        attr = {"rankdir": rankdir, "bgcolor": self.theme.background, "fontname": FONT,
                "fontcolor": self.theme.text, "compound": "true", "newrank": "true",
                "nodesep": "0.35", "ranksep": "0.6", "pad": "0.4",
                "outputorder": "edgesfirst"}
        if title:
            attr.update(label=html_label(title, ink=self.theme.text, width=80, max_lines=2,
                                         size=28),
                        labelloc="t", labeljust="l")
        return attr

    def _node_attr(self) -> dict[str, str]:
        return {"fontname": FONT, "fontsize": "14", "shape": "box",
                "style": "rounded,filled", "margin": "0.15,0.08",
                "color": self.theme.node_border, "fillcolor": self.theme.node_fill}

    def _edge_attr(self) -> dict[str, str]:
        return {"color": self.theme.edge, "fontname": FONT, "fontsize": "11",
                "fontcolor": self.theme.muted, "arrowsize": "0.7"}

    @property
    def badge_colours(self) -> tuple[str, str]:
        """Ink and fill of count badges: the theme's text colour, reversed."""
        return self.theme.background, self.theme.text

    # --- names ---------------------------------------------------------------------

    def name(self, key: str) -> str:
        """The DOT name of a node key: short, collision-free, never user markup."""
        if key not in self._names:
            self._names[key] = f"n{len(self._names)}"
        return self._names[key]

    def unique_id(self, key: str) -> str:
        """An SVG id for ``key`` that no other node of this picture has."""
        return self._unique_id(key)

    def _unique_id(self, key: str) -> str:
        base = candidate = svg_id(key)
        suffix = 1
        while candidate in self._ids:
            suffix += 1
            candidate = f"{base}-{suffix}"
        self._ids.add(candidate)
        return candidate

    # --- nodes ---------------------------------------------------------------------

    def node(self, target, key: str, title: str, *, caption: str = "", kind: str,
             severity: str | None = None, width: int = 28, shape: str | None = None,
             extra_class: str = "", size: int = 14, badge: int | None = None,
             chips: Sequence[tuple[str, str]] = (), chips_per_row: int = 6) -> str:
        """Draw one node into ``target`` (the digraph or a cluster); return its name.

        ``severity`` and ``badge`` override the node's own worst alignment finding and its
        count of other findings (the teams view sums them over a team's goals). ``chips``
        are ``(text, fill)`` boxes drawn under the title, ``chips_per_row`` to a row.
        """
        fill = self.colouring.fill(key, severity)
        badge = self.colouring.badges.get(key, 0) if badge is None else badge
        border, style, penwidth = self.colouring.border(key, severity)
        severity = severity or self.colouring.severity.get(key)
        marks = self.colouring.marks
        change = marks.status_of(self.graph, key) if marks is not None else None
        classes = " ".join(filter(None, (
            kind, SEVERITY_CLASS.format(severity) if severity else "",
            "other-findings" if badge else "", change, extra_class)))
        attrs = {"label": html_label(title, caption=caption, ink=ink_on(fill),
                                     muted=ink_on(fill) if fill != self.theme.node_fill
                                     else self.theme.muted, width=width, size=size,
                                     badge=badge, badge_colours=self.badge_colours,
                                     chips=self._chips(chips, chips_per_row)),
                 "fillcolor": fill, "color": border, "penwidth": f"{penwidth:g}",
                 "style": f"rounded,filled,{style}" if style != "solid" else "rounded,filled",
                 "id": self._unique_id(key), "class": classes,
                 "tooltip": graphviz.escape(f"{caption} {title}".strip() + _badge_note(badge))}
        if shape:
            attrs["shape"] = shape
        name = self.name(key)
        target.node(name, **attrs)
        self.drawn.add(key)
        return name

    def _chips(self, chips: Sequence[tuple[str, str]], per_row: int) -> str:
        """Rows of small coloured boxes, as an HTML-like table ('' when none)."""
        if not chips:
            return ""
        cells = [f'<TD BGCOLOR="{fill}" COLOR="{self.theme.node_border}">'
                 f'<FONT POINT-SIZE="11" COLOR="{ink_on(fill)}">{escape(text)}</FONT></TD>'
                 for text, fill in chips]
        rows = "".join(f"<TR>{''.join(cells[i:i + per_row])}</TR>"
                       for i in range(0, len(cells), per_row))
        return (f'<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="2" CELLPADDING="2">'
                f'{rows}</TABLE>')

    def goal(self, target, key: str, *, focus: bool = False) -> str:
        """Draw an objective or key result; ``focus`` marks what a focus view is on."""
        node = self.graph.nodes[key]
        is_kr = node["kind"] == KEY_RESULT
        return self.node(target, key, node["label"], caption=node["id"],
                         kind="key-result" if is_kr else "objective",
                         width=24 if is_kr else 28, size=12 if is_kr else 14,
                         extra_class="focus" if focus else "")

    def edge(self, tail: str, head: str, kind: str, **attrs: str) -> None:
        """Draw an edge between two drawn nodes, classed by its kind."""
        self.dot.edge(tail, head, **{"class": kind, **attrs})

    # --- frame ---------------------------------------------------------------------

    def cluster(self, key: str, label: str, severity: str | None = None):
        """A cluster for a team: use as a context manager, draw nodes into it."""
        border, style, penwidth = self.colouring.border(key, severity)
        cluster = self.dot.subgraph(name=f"cluster_{self.name(key)}")
        return _Cluster(cluster, {
            "label": f"<<B>{escape(label)}</B>>", "fontsize": "16", "fontcolor": self.theme.text,
            "style": f"rounded,filled,{style}" if style != "solid" else "rounded,filled",
            "fillcolor": self.theme.cluster_fill,
            "color": border if penwidth > 1 else self.theme.cluster_border,
            "penwidth": f"{max(penwidth, 1):g}", "labeljust": "l", "margin": "12",
            "id": self._unique_id(f"cluster:{key}"),
            "class": "team" + (f" {SEVERITY_CLASS.format(severity)}" if severity else "")})

    def legend(self, extra: Sequence[tuple[str, str, str]] = ()) -> None:
        """The legend: the colour mode's rows, then ``(style, colour, meaning)`` edge rows."""
        rows = [f'<TR><TD BGCOLOR="{colour}" WIDTH="18" HEIGHT="14"></TD>'
                f'<TD ALIGN="LEFT"><FONT COLOR="{self.theme.text}">{escape(meaning)}</FONT></TD></TR>'
                for colour, meaning in self.colouring.legend()]
        rows.append(f'<TR><TD>{badge_cell(3, *self.badge_colours)}</TD><TD ALIGN="LEFT"><FONT COLOR="{self.theme.text}">'
                    f'{escape(BADGE_MEANING)}</FONT></TD></TR>')
        marks = self.colouring.marks
        if marks is not None:
            extra = [*undrawn_rows(marks, self.ghosted, self.theme), *extra]
        rows += [f'<TR><TD><FONT COLOR="{colour}">{escape(symbol) or "&#160;"}</FONT></TD>'
                 f'<TD ALIGN="LEFT"><FONT COLOR="{self.theme.text}">{escape(meaning)}</FONT></TD></TR>'
                 for symbol, colour, meaning in extra]
        heading = {"findings": "Alignment findings (fill and border)",
                   "progress": "Progress (border: alignment findings)",
                   "level": "Level in the org (border: alignment findings)"}
        title = marks.heading() if marks is not None else heading[self.colouring.color_by]
        table = (f'<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="4" CELLPADDING="2">'
                 f'<TR><TD COLSPAN="2" ALIGN="LEFT"><B><FONT COLOR="{self.theme.text}">'
                 f'{escape(title)}</FONT></B></TD></TR>{"".join(rows)}</TABLE>>')
        self.dot.node("legend", label=table, shape="box", style="rounded,filled",
                      fillcolor=self.theme.background, color=self.theme.cluster_border,
                      id="legend", **{"class": "legend"})


def _badge_note(badge: int) -> str:
    return f" ({badge} hygiene or wording finding{'s' if badge != 1 else ''})" if badge else ""


def lay_in_rows(target, names: Sequence[str], per_row: int, gap: int = 1) -> None:
    """Lay drawn nodes out in rows of ``per_row``, in reading order: each row shares a
    rank, and invisible edges hold each node ``gap`` ranks from the one ``per_row`` after
    it (above it in a top-down picture, below in a bottom-up one)."""
    for start in range(0, len(names), per_row):
        with target.subgraph() as row:
            row.attr(rank="same")
            for name in names[start:start + per_row]:
                row.node(name)
    for above, below in zip(names, names[per_row:], strict=False):
        target.edge(above, below, style="invis", **({"minlen": str(gap)} if gap != 1 else {}))


class _Cluster:
    def __init__(self, context, attrs: dict[str, str]):
        self._context, self._attrs = context, attrs

    def __enter__(self):
        sub = self._context.__enter__()
        sub.attr(**self._attrs)
        return sub

    def __exit__(self, *exc):
        return self._context.__exit__(*exc)
