"""Synthetic organisations in the v1 format, for benchmarks and trying the tool at scale.

Deterministic for a given seed. Every kind of problem the checks look for is planted at
a controlled rate (``problem_rate``), so a large organisation exercises every check. Each
kind of problem draws from its own random stream, and the shape of the organisation from
another, so planting a new kind of problem shifts no other.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import deque
from typing import Any

AREAS = ("Platform", "Payments", "Search", "Mobile", "Data", "Growth", "Billing", "Identity",
         "Logistics", "Support", "Sales", "Marketing", "Finance", "Security", "Partners",
         "Onboarding", "Pricing", "Content", "Risk", "Infrastructure")
OBJECTIVE_STEMS = ("Make {a} effortless for our customers", "Win the mid-market with {a}",
                   "Turn {a} into a reason to stay", "Run {a} at half the cost",
                   "Make {a} the most reliable in the market", "Grow {a} profitably")
METRICS = (("conversion", "%", 12, 18), ("weekly active users", "k", 40, 55),
           ("p95 latency", "ms", 900, 400), ("monthly churn", "%", 4, 2.5),
           ("NPS", "", 28, 40), ("cost per order", "€", 1.9, 1.3),
           ("tickets per 1,000 orders", "", 14, 8), ("revenue", "€M", 3, 4.2))
ACTIVITIES = ("Launch the new {a} page", "Hold a {a} offsite", "Write the {a} playbook")
METRIC_OBJECTIVES = ("{a} NPS", "{a} ARR", "{a} predictability")
TASK_OBJECTIVES = ("Complete the {a} audit", "Hold the {a} offsite", "Hire {a} to plan")
CYCLE_START = dt.date(2026, 7, 1)


def generate(teams: int, *, seed: int = 0, problem_rate: float = 0.05) -> dict[str, Any]:
    """A synthetic organisation of ``teams`` teams, as a v1 document (plain data)."""
    if teams < 1:
        raise ValueError("an organisation needs at least one team")
    return _Generator(seed, problem_rate).build(teams)


class _Generator:
    def __init__(self, seed: int, rate: float):
        self.seed, self.rate = seed, rate
        self.rng = random.Random(seed)  # the shape: tree, sizes, titles, values
        self._streams: dict[str, random.Random] = {}
        self.teams: list[dict] = []
        self.people: list[dict] = []
        self.objectives: list[dict] = []
        self.members: dict[str, list[str]] = {}
        self.goals_of: dict[str, list[str]] = {}
        self.children: dict[str, list[str]] = {}
        self.names: dict[str, str] = {}
        self.profile = "normal"
        self.end = CYCLE_START + dt.timedelta(weeks=13)
        self.as_of = self.end - dt.timedelta(days=7)

    def stream(self, name: str) -> random.Random:
        """The random stream of one kind of problem, seeded from the seed and its name."""
        stream = self._streams.get(name)
        if stream is None:
            stream = self._streams[name] = random.Random(f"{self.seed}:{name}")
        return stream

    def chance(self, problem: str, times: float = 1.0) -> bool:
        """Whether to plant ``problem`` here, drawn from that problem's own stream.

        The shape is always drawn first and a planted problem overrides it, so that a
        plant never changes how many draws the shape's stream makes.
        """
        return self.stream(problem).random() < self.rate * times

    def build(self, count: int) -> dict[str, Any]:
        for team, parent in self._tree(count):
            self._team(team, parent)
        for team in self.teams:
            self._objectives(team)
        return {"cycle": {"name": "2026-Q3", "start": CYCLE_START.isoformat(),
                          "end": self.end.isoformat(), "as_of": self.as_of.isoformat()},
                "teams": self.teams, "people": self.people, "objectives": self.objectives}

    def _tree(self, count: int):
        queue: deque[str] = deque(["t0"])
        yield "t0", None
        made = 1
        while made < count:
            parent = queue.popleft()
            for _ in range(self.rng.randint(4, 8)):
                if made == count:
                    break
                team = f"t{made}"
                made += 1
                queue.append(team)
                yield team, parent

    def _team(self, team: str, parent: str | None) -> None:
        area = AREAS[int(team[1:]) % len(AREAS)]
        size = self.rng.randint(4, 8)
        if self.chance("one-person team", 0.5):
            size = 1
        people = [f"{team}-p{i}" for i in range(size)]
        self.members[team] = people
        self.people += [{"id": p, "name": f"Person {p}", "team": team} for p in people]
        record = {"id": team, "name": f"{area} {team[1:]}", "lead": people[0]}
        self.names[team] = record["name"]
        if parent:
            record["parent"] = parent
            self.children.setdefault(parent, []).append(team)
        self.teams.append(record)

    def _objectives(self, team: dict) -> None:
        tid = team["id"]
        if "parent" in team and self.chance("no objectives", 0.5):
            return  # a team with no objectives: an orphan
        self.profile = ("sandbag" if self.chance("sandbagging") else
                        "quiet mid-cycle" if self.chance("missed review") else "normal")
        count = self.rng.randint(2, 3)
        if self.chance("too many objectives"):
            count = self.stream("too many objectives").randint(4, 6)
        parent_goals = self.goals_of.get(team.get("parent", ""), [])
        self.goals_of[tid] = []
        for index in range(1, count + 1):
            self.objectives.append(self._objective(team, f"{tid}-o{index}", parent_goals))

    def _objective(self, team: dict, oid: str, parent_goals: list[str]) -> dict:
        rng, tid = self.rng, team["id"]
        area = team["name"].split()[0]
        record: dict[str, Any] = {
            "id": oid, "team": tid, "owner": team["lead"],
            "title": self._objective_title(team, rng.choice(OBJECTIVE_STEMS)),
            "origin": "top-down" if self.chance("top-down", 2) else "team"}
        self._plant_in_title(record, team)
        target = rng.choice(parent_goals) if parent_goals else None
        if target and not self.chance("unaligned", 3):
            record["aligns_to"] = [target]
        elif "parent" in team and self.chance("intentional", 2):
            record["intentional"] = "an exploratory bet"
        siblings = self.children.get(team.get("parent", ""), [])[:8]
        if self.chance("dependency", 2) and len(siblings) > 1:
            dependency = self.stream("dependency")
            record["depends_on"] = [dependency.choice([s for s in siblings if s != tid])]
            if dependency.random() < 0.5:
                record["liaison"] = dependency.choice(self.members[tid])
            elif self.chance("dangling liaison", 2):
                # maybe from nowhere near the teams involved
                record["liaison"] = self.stream("dangling liaison").choice(self.people)["id"]
        krs = rng.randint(2, 4)
        if self.chance("too many key results"):
            krs = self.stream("too many key results").randint(6, 7)
        used: set[str] = set()
        record["key_results"] = [self._key_result(team, f"{oid}.{k}", area, used)
                                 for k in range(1, krs + 1)]
        if self.chance("unowned goal"):
            for goal in (record, *record["key_results"]):
                del goal["owner"]
        self.goals_of[tid] += [oid, *(kr["id"] for kr in record["key_results"])]
        return record

    def _objective_title(self, team: dict, stem: str) -> str:
        """A stem about the team, another stem if a sibling objective has it already:
        titles repeat only where a duplicate is planted."""
        taken = {o["title"] for o in self.objectives if o["team"] == team["id"]}
        start = OBJECTIVE_STEMS.index(stem)
        for step in range(len(OBJECTIVE_STEMS)):
            title = OBJECTIVE_STEMS[(start + step) % len(OBJECTIVE_STEMS)].format(a=team["name"])
            if title not in taken:
                return title
        return title

    def _plant_in_title(self, record: dict, team: dict) -> None:
        """Duplicate, metric, task and hidden-dependency objectives, each its own stream."""
        if self.chance("duplicate goal") and self.objectives:
            record["title"] = self.objectives[-1]["title"]
        elif self.chance("metric objective"):
            record["title"] = self.stream("metric objective").choice(METRIC_OBJECTIVES).format(
                a=team["name"])
        elif self.chance("task objective"):
            record["title"] = self.stream("task objective").choice(TASK_OBJECTIVES).format(
                a=team["name"])
        siblings = [s for s in self.children.get(team.get("parent", ""), [])[:8] if s != team["id"]]
        if self.chance("hidden dependency") and siblings:
            other = self.stream("hidden dependency").choice(siblings)
            record["title"] += f", together with {self.names[other]}"

    def _key_result(self, team: dict, kid: str, area: str, used: set[str]) -> dict:
        rng = self.rng
        members = self.members[team["id"]]
        record: dict[str, Any] = {"id": kid, "owner": rng.choice(members)}
        metric = METRICS.index(rng.choice(METRICS))
        while METRICS[metric][0] in used and len(used) < len(METRICS):
            metric = (metric + 1) % len(METRICS)  # one metric once per objective
        name, unit, baseline, target = METRICS[metric]
        used.add(name)
        current = round(baseline + (target - baseline) * self._progress(), 2)
        if self.chance("activity key result"):
            record["title"] = self.stream("activity key result").choice(ACTIVITIES).format(
                a=f"{team['name']} {kid}")
        elif self.chance("unmeasurable key result"):
            record["title"] = f"Happier customers for {team['name']} goal {kid}"
        else:
            record.update(title=f"{name.capitalize()} of {team['name']} goal {kid.rsplit('.', 1)[0]} "
                                f"from {baseline}{unit} to {target}{unit}",
                          baseline=baseline, target=target, unit=unit, current=current)
        score = round(min(self._progress(), 1.0), 2)
        record["score"] = 1.0 if self.profile == "sandbag" else score
        if self.chance("contributor", 2) and len(self.people) > len(members):
            record["contributors"] = [self.stream("contributor").choice(self.people)["id"]]
        record["check_ins"] = self._check_ins()
        return record

    def _progress(self) -> float:
        progress = round(self.rng.uniform(0.1, 1.0), 2)
        return 1.4 if self.chance("far past target") else progress

    def _check_ins(self) -> list[dict]:
        if self.chance("no check-ins"):
            return []
        last_week = 6 if self.chance("stale check-ins") else 12
        weeks = ((2, 3, 9, 12) if self.profile == "quiet mid-cycle"
                 else range(3, last_week + 1, 3))
        confidence = self.stream("check-in confidence")
        return [{"date": (CYCLE_START + dt.timedelta(weeks=w)).isoformat(),
                 "confidence": round(confidence.uniform(0.4, 0.9), 1)} for w in weeks]
