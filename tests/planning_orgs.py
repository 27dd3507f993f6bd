"""Small organisations for the diff and what-if tests: a base, and a next version with
one change of every kind."""

BASE = """
cycle: {name: 2026-Q3, start: 2026-07-01, end: 2026-09-30, as_of: 2026-08-01}
teams:
  - {id: co, name: Company, lead: ceo}
  - {id: eng, name: Engineering, parent: co, lead: ana}
  - {id: web, name: Web, parent: eng}
  - {id: app, name: App, parent: eng}
  - {id: ops, name: Operations, parent: co, lead: ops}
people:
  - {id: ceo, team: co}
  - {id: ana, team: eng}
  - {id: bo, team: web}
  - {id: cy, team: app}
  - {id: ops, name: Olga of Ops, team: ops}
objectives:
  - id: C1
    team: co
    title: Grow revenue in Europe
    owner: ceo
    key_results:
      - {id: C1.1, title: Reach 5M ARR, target: 5, owner: ceo}
  - id: E1
    team: eng
    title: Ship a reliable platform
    owner: ana
    aligns_to: C1.1
    key_results:
      - {id: E1.1, title: Keep uptime at 99.9%, target: 99.9, owner: ana}
      - {id: E1.2, title: Cut p95 latency to 200ms, target: 200, owner: ana, contributors: [bo, cy]}
  - id: W1
    team: web
    title: Launch the new checkout
    owner: bo
    aligns_to: E1
    depends_on: app
    key_results:
      - {id: W1.1, title: Convert 3% of visitors, target: 3, owner: bo, liaison: cy}
  - id: A1
    team: app
    title: Release the offline mode
    owner: cy
    aligns_to: E1.1
  - id: O1
    team: ops
    title: Halve the support backlog
    owner: ops
    aligns_to: C1
"""

# Every kind of change: team mkt added, ops removed (with O1), app moved under co; goal M1
# added, W1 retitled, A1 re-aligned, E1.2 moved to W1, E1.1 edited (target), and W1 gets
# its liaison while A1 gains a dependency without one.
NEXT = """
cycle: {name: 2026-Q3, start: 2026-07-01, end: 2026-09-30, as_of: 2026-08-01}
teams:
  - {id: co, name: Company, lead: ceo}
  - {id: eng, name: Engineering, parent: co, lead: ana}
  - {id: web, name: Web, parent: eng}
  - {id: app, name: App, parent: co}
  - {id: mkt, name: Marketing, parent: co}
people:
  - {id: ceo, team: co}
  - {id: ana, team: eng}
  - {id: bo, team: web}
  - {id: cy, team: app}
objectives:
  - id: C1
    team: co
    title: Grow revenue in Europe
    owner: ceo
    key_results:
      - {id: C1.1, title: Reach 5M ARR, target: 5, owner: ceo}
  - id: E1
    team: eng
    title: Ship a reliable platform
    owner: ana
    aligns_to: C1.1
    key_results:
      - {id: E1.1, title: Keep uptime at 99.9%, target: 99.95, owner: ana}
  - id: W1
    team: web
    title: Launch the one-page checkout
    owner: bo
    aligns_to: E1
    depends_on: app
    liaison: cy
    key_results:
      - {id: W1.1, title: Convert 3% of visitors, target: 3, owner: bo, liaison: cy}
      - {id: E1.2, title: Cut p95 latency to 200ms, target: 200, owner: ana, contributors: [bo, cy]}
  - id: A1
    team: app
    title: Release the offline mode
    owner: cy
    aligns_to: C1.1
    depends_on: web
  - id: M1
    team: mkt
    title: Launch the brand in Spain
    aligns_to: C1
"""
