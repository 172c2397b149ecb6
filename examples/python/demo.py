"""zeren from Python: load the demo organization, print a chain, account for an incident,
assess. Run: PYTHONPATH=bindings/python python3 examples/python/demo.py [organ.json]"""
import os, sys
import zeren

path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "../data/organ.json")
with zeren.Model.load(path) as model, model.snapshot(as_of="2025-06-30") as snapshot:
    for entry in snapshot.chain("d11").entries():  # who answers for unit d11, and why
        print(f"{entry.kind:10} {entry.person or '-':6} {entry.reason}")
    for party in snapshot.account("i1").parties:  # who is accountable for incident i1
        print(party["party"], party["category"], party["degree"], party["form"])
    for unit in snapshot.assess().units[:5]:  # the period's integrated assessment
        print(unit["unit"], round(unit["total"], 2), unit["grade"], "rank", unit["rank"])
