#!/usr/bin/env python3
"""The roll-up with networkx: every node (unit or member) a vertex of a DiGraph, edges from
superior to subordinate and from unit to member, totals computed in a depth-first postorder
from the root. Reads the text of zeren_bench_dump; prints one JSON object (seconds for the
roll-up, not counting the load)."""
import json
import sys
import time

import networkx as nx

OWN, SUB, MEMBERS_WEIGHT = 0.7, 0.3, 0.2
FIRST, LAST = 19000, 19364


def load(path):
    g = nx.DiGraph()
    units = members = 0
    with open(path) as f:
        for line in f:
            kind, *rest = line.split()
            if kind == "U":
                g.add_node(("u", int(rest[0])), members=float(rest[1]), daily=float(rest[2]),
                           weighted=float(rest[3]), weights=float(rest[4]))
                units += 1
            elif kind == "E":
                g.add_edge(("u", int(rest[0])), ("u", int(rest[1])), weight=float(rest[2]))
            else:
                node = ("m", members)
                g.add_node(node, appraisal=float(rest[1]), held_from=int(rest[2]),
                           held_to=int(rest[3]))
                g.add_edge(("u", int(rest[0])), node, weight=1.0)
                members += 1
    return g, units, members


def roll_up(g):
    nodes = g.nodes
    for v in nx.dfs_postorder_nodes(g, ("u", 0)):
        if v[0] == "m":
            continue
        x = nodes[v]
        s = below = weights = weighted = 0.0
        count = 0
        for c, edge in g[v].items():
            y = nodes[c]
            if c[0] == "m":
                if y["held_from"] <= LAST and FIRST < y["held_to"]:
                    s += y["appraisal"]
                    count += 1
                continue
            w = edge["weight"] * y["m"]
            below += w
            weights += w
            weighted += w * y["total"]
        ow, ows = x["weighted"], x["weights"]
        if count:
            ow += MEMBERS_WEIGHT * (s / count)
            ows += MEMBERS_WEIGHT
        own = ow / ows if ows > 0 else x["daily"]
        x["m"] = x["members"] + below
        x["total"] = own if weights == 0 else OWN * own + SUB * weighted / weights


def main():
    start = time.perf_counter()
    g, units, members = load(sys.argv[1])
    loaded = time.perf_counter()
    cpu = time.process_time()
    roll_up(g)
    done = time.perf_counter()
    cpu = time.process_time() - cpu
    print(json.dumps({"name": "networkx_dfs_postorder", "units": units, "members": members,
                      "nodes": units + members, "load_seconds": loaded - start,
                      "rollup_seconds": done - loaded,
                      "ns_per_node": (done - loaded) * 1e9 / (units + members),
                      "cpu_ns_per_node": cpu * 1e9 / (units + members),
                      "root_total": g.nodes[("u", 0)]["total"],
                      "networkx": nx.__version__}))


if __name__ == "__main__":
    main()
