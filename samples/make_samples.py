"""Write the bundled samples (samples/*.yaml) from their compact sources.

    python samples/make_samples.py

The sources in samples/source/*.okr hold what a person designed: the org tree, the goals,
how they align and which problems are planted. This script adds what is tedious to write
by hand and easy to derive: people, owners, weekly check-ins and end-of-cycle scores. It
is deterministic, so the committed YAML only changes when a source does.

Source syntax, one item a line:

    @team-id CODE parent-id | Team name | profile [| lead=person-id]
    O objective title  [^CODE1 ^CODE1.2 ...] [!intentional reason] [{top-down}] [{unowned}]
                       [~depends:team,team] [&liaison:person-id or @lead]
    K metric|unit|baseline|target     a measurable key result
    K text                            an activity, with no target
    + person-id                       a contributor to the key result above
    = person-id                       the owner of the key result above

``^NIM1.2`` aligns to key result 2 of objective 1 of the team coded NIM; ``{unowned}``
leaves the objective and its key results without owners. The profile sets
how the team's key results progress: normal, sandbag, overreach, stale, silent,
missed-review, trigger or solo (a one-person team).
"""

from __future__ import annotations

import datetime as dt
import random
import re
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).parent
CYCLE = {"name": "2026-Q3", "start": dt.date(2026, 7, 1), "end": dt.date(2026, 9, 30),
         "as_of": dt.date(2026, 9, 23)}
FIRST = ("Ana Ben Chen Dara Emil Farah Gus Hana Ivo Jana Kofi Lena Mats Nora Omar Pia Quinn "
         "Rosa Sami Tara Umar Vera Wim Xena Yusuf Zoe Aiko Bruno Carla Dmitri Esme Felix "
         "Greta Hugo Iris Jonas Kira Luca Mira Nils").split()
LAST = ("Adler Berg Costa Diaz Eriksen Fontaine Gallo Hansen Ilic Jensen Kaya Lind Moreau "
        "Novak Olsen Petrov Quist Rossi Silva Tanaka Ueda Vidal Wagner Yilmaz Zeller").split()
NAMED = {"priya-raman": ("Priya Raman", "data-platform"),
         "nadia-okafor": ("Nadia Okafor", "forecasting"),
         "leon-fischer": ("Leon Fischer", "recruiting"),
         "elena-weber": ("Elena Weber", "partner-api"),
         "chloe-bernard": ("Chloé Bernard", "partner-api"),
         "ines-duarte": ("Inês Duarte", "nimbus"),
         "leo-marchetti": ("Leo Marchetti", "engineering")}


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def parse(text: str) -> list[dict]:
    teams: list[dict] = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        tag, rest = line[0], line[1:].strip()
        if tag == "@":
            teams.append(_team(rest))
        elif tag == "O":
            teams[-1]["objectives"].append(_objective(rest))
        elif tag == "K":
            teams[-1]["objectives"][-1]["krs"].append(_key_result(rest))
        elif tag == "+":
            teams[-1]["objectives"][-1]["krs"][-1]["contributors"].append(rest)
        elif tag == "=":
            teams[-1]["objectives"][-1]["krs"][-1]["owner"] = rest
        else:
            sys.exit(f"cannot read source line: {raw}")
    return teams


def _team(rest: str) -> dict:
    head, name, profile, *extra = [part.strip() for part in rest.split("|")]
    team_id, code, parent = head.split()
    lead = extra[0].removeprefix("lead=") if extra else None
    return {"id": team_id, "code": code, "parent": None if parent == "-" else parent,
            "name": name, "profile": profile, "lead": lead, "objectives": []}


def _objective(rest: str) -> dict:
    title = re.split(r"\s{2,}", rest)[0]
    tail = rest[len(title):]
    intentional = re.search(r"!(.+?)(?=\s{2,}|$)", tail)
    depends = re.search(r"~depends:(\S+)", tail)
    liaison = re.search(r"&liaison:(\S+)", tail)
    return {"title": title, "aligns": re.findall(r"\^(\S+)", tail),
            "intentional": intentional.group(1).strip() if intentional else None,
            "top_down": "{top-down}" in tail, "unowned": "{unowned}" in tail,
            "depends": depends.group(1).split(",") if depends else [],
            "liaison": liaison.group(1) if liaison else None, "krs": []}


def _key_result(rest: str) -> dict:
    parts = rest.split("|")
    kr = {"title": parts[0], "contributors": [], "owner": None, "measure": None}
    if len(parts) == 4:
        kr["measure"] = (parts[1], float(parts[2]), float(parts[3]))
    return kr


def build(teams: list[dict], seed: int) -> dict:
    rng = random.Random(seed)
    codes = {t["code"]: t for t in teams}
    people = _people(teams, rng)
    objectives = []
    for team in teams:
        for o_index, objective in enumerate(team["objectives"], 1):
            objectives.append(_objective_record(team, o_index, objective, codes, rng))
    doc = {"cycle": {k: v for k, v in CYCLE.items()},
           "teams": [_team_record(t) for t in teams], "people": people,
           "objectives": objectives}
    return doc


def _people(teams: list[dict], rng: random.Random) -> list[dict]:
    names = iter(rng.sample([f"{first} {last}" for first in FIRST for last in LAST], 600))
    people = []
    for team in teams:
        named = [pid for pid, (_, home) in NAMED.items() if home == team["id"]]
        lead = team["lead"]
        if lead is None:
            lead = slug(next(names))
            people.append({"id": lead, "name": _display(lead), "team": team["id"]})
        else:
            people.append({"id": lead, "name": NAMED[lead][0], "team": team["id"]})
        team["lead"] = lead
        members = [pid for pid in named if pid != lead]
        count = 0 if team["profile"] == "solo" else 3
        while len(members) < count:
            members.append(slug(next(names)))
        for member in members:
            name = NAMED[member][0] if member in NAMED else _display(member)
            people.append({"id": member, "name": name, "team": team["id"]})
        team["members"] = members or [lead]
    return people


def _display(person_id: str) -> str:
    return " ".join(part.capitalize() for part in person_id.split("-"))


def _team_record(team: dict) -> dict:
    record = {"id": team["id"], "name": team["name"]}
    if team["parent"]:
        record["parent"] = team["parent"]
    record["lead"] = team["lead"]
    return record


def _objective_record(team, o_index, objective, codes, rng) -> dict:
    record = {"id": f"{team['code']}{o_index}", "title": objective["title"],
              "team": team["id"], "owner": team["lead"],
              "origin": "top-down" if objective["top_down"] else "team"}
    if objective["unowned"]:
        del record["owner"]
    if objective["aligns"]:
        record["aligns_to"] = [_target(ref, codes) for ref in objective["aligns"]]
    if objective["intentional"]:
        record["intentional"] = objective["intentional"]
    if objective["depends"]:
        record["depends_on"] = objective["depends"]
    if objective["liaison"]:
        liaison = objective["liaison"]
        record["liaison"] = team["lead"] if liaison == "@lead" else liaison
    record["key_results"] = [
        _kr_record(team, record["id"], k_index, kr, rng)
        for k_index, kr in enumerate(objective["krs"], 1)
    ]
    if objective["unowned"]:
        for kr in record["key_results"]:
            del kr["owner"]
    return record


def _target(ref: str, codes: dict) -> str:
    match = re.fullmatch(r"([A-Z0-9]+?)(\d+)(?:\.(\d+))?", ref)
    code, objective, kr = match.groups()
    if code not in codes:
        sys.exit(f"unknown team code in ^{ref}")
    return f"{code}{objective}" + (f".{kr}" if kr else "")


def _kr_record(team, objective_id, k_index, kr, rng) -> dict:
    members = team["members"]
    record = {"id": f"{objective_id}.{k_index}", "title": _kr_title(kr),
              "owner": kr["owner"] or members[(k_index + int(objective_id[-1])) % len(members)]}
    if kr["contributors"]:
        record["contributors"] = kr["contributors"]
    progress = _progress(team["profile"], k_index, rng)
    if kr["measure"]:
        unit, baseline, target = kr["measure"]
        record.update({"baseline": _num(baseline), "target": _num(target),
                       "current": _num(_value(baseline, target, progress))})
        if unit:
            record["unit"] = unit
    record["score"] = round(min(progress, 1.0), 2)
    record["confidence"] = round(rng.uniform(0.5, 0.9), 1)
    check_ins = _check_ins(team["profile"], kr["measure"], progress, rng)
    if check_ins:
        record["check_ins"] = check_ins
    return record


def _kr_title(kr: dict) -> str:
    if not kr["measure"]:
        return kr["title"]
    unit, baseline, target = kr["measure"]
    verb = "Raise" if target > baseline else "Cut"
    show = lambda v: f"{_num(v)}{unit if unit in ('%', 'ms', 's') else (' ' + unit if unit else '')}"  # noqa: E731
    title = kr["title"]
    if not title[1:2].isupper():  # keep acronyms such as "ETA" or "DACH" as written
        title = title[0].lower() + title[1:]
    return f"{verb} {title} from {show(baseline)} to {show(target)}"


def _progress(profile: str, k_index: int, rng: random.Random) -> float:
    if profile == "sandbag":
        return 1.0
    if profile == "overreach":
        return round(rng.uniform(0.05, 0.25), 2)
    if profile == "trigger" and k_index == 1:
        return 1.6
    return round(rng.uniform(0.45, 0.85), 2)


def _value(baseline: float, target: float, progress: float) -> float:
    return round(baseline + (target - baseline) * progress, 2)


def _num(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value


def _check_ins(profile, measure, progress, rng) -> list[dict]:
    if profile == "silent":
        return []
    weeks = (CYCLE["as_of"] - CYCLE["start"]).days // 7
    last = 5 if profile == "stale" else weeks
    skipped = range(5, 8) if profile == "missed-review" else ()
    check_ins = []
    for week in range(1, last + 1):
        if week in skipped:
            continue
        day = CYCLE["start"] + dt.timedelta(days=7 * week)
        entry = {"date": day, "confidence": round(rng.uniform(0.4, 0.9), 1)}
        if measure:
            share = progress * week / weeks
            entry["value"] = _num(_value(measure[1], measure[2], share))
        check_ins.append(entry)
    return check_ins


def main() -> None:
    for name, seed in (("nimbus", 7), ("meridian", 11)):
        source = (HERE / "source" / f"{name}.okr").read_text(encoding="utf-8")
        doc = build(parse(source), seed)
        header = source.splitlines()[0].lstrip("# ")
        text = yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=100)
        (HERE / f"{name}.yaml").write_text(
            f"# {header}\n# Generated by samples/make_samples.py from samples/source/{name}.okr;"
            " edit the source, not this file.\n" + text, encoding="utf-8")
        print(f"wrote samples/{name}.yaml")


if __name__ == "__main__":
    main()
