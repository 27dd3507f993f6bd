"""Hidden dependency: a goal that names work with another team but declares no dependency.

Rationale
---------
"Deliver the integration in conjunction with the Quality team" is cross-team work. Written
only in the title, nobody on the Quality team knows they are on the hook, no liaison is
named, and the goal stalls between the two teams. Declared with ``depends_on``, it shows
in both teams' views, and missing-liaison asks who will unstick it.

Fires when
----------
A goal's title has a collaboration cue ("in conjunction with", "in partnership with",
"partner with", "collaborate with", "coordinate with", "work with", "together with",
"interlock with", "align with", "between ... and ...") followed, within eight words and
before the clause moves on ("to", "for", "while", a full stop...), by the name of another
team of the organisation (not one the goal's own team also answers to), and neither the goal nor its objective
lists that team in ``depends_on``. A team is named by its name or id less role words
("VP of Global Channels" is "global channels"), any word form ("channel" or "channels"),
or by the last word of that name followed by "team" ("the Channel team"). When several
teams answer to a name, the one nearest the root is meant; a name that stays ambiguous
is left alone.

Measured precision (read by hand, 2026-12): GitLab FY21-Q1 3 of 3 ("in conjunction with
the Quality team", "Partner with Channel team", "Work with GitLab's infrastructure team");
Sourcegraph FY23-Q1 1 of 1 ("in partnership with Marketing"); GitLab FY20-Q4 1 of 1
("Rebase interlock with Customer Success"). Known misses: "Collaborate with Product" where
several teams answer to "product", and "with the Sales Team" where no team is named
"Sales".
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

import networkx as nx

from ..graph import DEPENDS_ON, GOAL_KINDS, TEAM, nodes_of, objective_of, targets, team_of
from ..text import lemma, normalise, quoted
from .base import Finding

SLUG = "hidden-dependency"
CODE = "AG107"
TITLE = "Cross-team work not declared"
SEVERITY = "warning"
FAMILY = "alignment"
OPTIONS: dict = {}

_CUE = re.compile(
    r"\b(?:in (?:conjunction|partnership|collaboration|coordination) with"
    r"|(?:partner|partnering|partnered|collaborate|collaborating|coordinate|coordinating"
    r"|work|working|interlock|align|aligning) (?:closely )?with|together with|jointly with"
    r"|between)\b")
_ROLE_WORDS = frozenset("""
ceo cfo cto cmo cro clo cpo coo ciso chief officer vp svp evp director senior sr manager
head interim principal distinguished fellow lead of the and team department dept group
""".split())
_GENERIC = frozenset("company business org organisation organization a an the our".split())
_WINDOW = 8
#: Where the words that name the partner end: "with Forrester to complete the data ...".
_STOP = frozenset("to on for by so that which while around about who where".split())


def check(graph: nx.DiGraph) -> Iterator[Finding]:
    """Yield a finding for every goal whose title names work with an undeclared team.

    Parameters
    ----------
    graph : networkx.DiGraph
        A frozen alignment graph.

    Yields
    ------
    Finding
        One per goal, naming the teams in ``related``.
    """
    names = _TeamNames(graph)
    for kind in GOAL_KINDS:
        for goal in nodes_of(graph, kind):
            title = graph._node[goal]["label"]
            if not _has_cue(title.lower()):
                continue
            own = team_of(graph, goal)
            declared = {*targets(graph, goal, DEPENDS_ON),
                        *targets(graph, objective_of(graph, goal), DEPENDS_ON)}
            named = [t for t in names.after_cues(title, own) if t not in declared]
            if named:
                yield _finding(graph, goal, named)


def _has_cue(text: str) -> bool:
    # Every cue ends in "with" or is "between": a title with neither skips the regex, the
    # bulk of this check's time on a large organisation.
    return ("with" in text or "between" in text) and _CUE.search(text) is not None


class _TeamNames:
    """Each team's names as word sequences in dictionary form, and where titles cite them."""

    def __init__(self, graph: nx.DiGraph):
        self.graph = graph
        self.full: dict[tuple[str, ...], set[str]] = defaultdict(set)
        self.head: dict[str, set[str]] = defaultdict(set)
        for team in nodes_of(graph, TEAM):
            node = graph._node[team]
            for text in {node["label"], node["id"].replace("-", " ")}:
                for part in re.split(r"[(),/&;]", text):
                    words = tuple(lemma(w) for w in normalise(part).split()
                                  if w not in _ROLE_WORDS and len(w) > 1)
                    if words and not set(words) <= _GENERIC:
                        self.full[words].add(team)
                        self.head[words[-1]].add(team)
        self.longest = max((len(k) for k in self.full), default=0)

    def after_cues(self, title: str, own: str) -> list[str]:
        """The other teams named within a few words after each collaboration cue of a
        title; a name the goal's own team answers to is its own."""
        found: list[str] = []
        text = title.lower()
        for cue in _CUE.finditer(text):
            clause = re.split(r"[.;:!?]", text[cue.end():], maxsplit=1)[0]
            words = []
            for word in normalise(clause).split()[:_WINDOW]:
                if word in _STOP:
                    break
                words.append(lemma(word))
            for team in self._named_in(words, own):
                if team not in found:
                    found.append(team)
        return found

    def _named_in(self, words: list[str], own: str) -> Iterator[str]:
        index = 0
        while index < len(words):
            for size in range(min(self.longest, len(words) - index), 0, -1):
                key = tuple(words[index:index + size])
                teams = self.full.get(key)
                if not teams and size == 1 and index + 1 < len(words) and words[index + 1] == "team":
                    teams = self.head.get(key[0])
                if teams:
                    chosen = None if own in teams else self._nearest_root(teams)
                    if chosen:
                        yield chosen
                    index += size - 1
                    break
            index += 1

    def _nearest_root(self, teams: set[str]) -> str | None:
        depth = min(self.graph._node[t].get("depth", 0) for t in teams)
        nearest = [t for t in teams if self.graph._node[t].get("depth", 0) == depth]
        return nearest[0] if len(nearest) == 1 else None


def _finding(graph: nx.DiGraph, goal: str, teams: list[str]) -> Finding:
    node = graph._node[goal]
    ids = [graph._node[t]["id"] for t in teams]
    named = " and ".join(quoted(graph._node[t]["label"]) for t in teams)
    kind = "Objective" if node["kind"] == "objective" else "Key result"
    return Finding(
        subject=node["id"], subject_kind=node["kind"], related=tuple(ids),
        message=(f"{kind} {node['id']} {quoted(node['label'])} of "
                 f"{quoted(graph._node[node['team']]['label'])} names work with {named}, but "
                 f"declares no dependency. Add depends_on: [{', '.join(ids)}] and name a "
                 "liaison to unstick it when it stalls."),
        data={"teams": ids})
