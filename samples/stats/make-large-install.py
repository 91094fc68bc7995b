#!/usr/bin/env python3
"""Writes dify-large-install.json: the statistics (schemaplan-stats/1) of a large Dify install.

The figures are illustrative, not measured: they follow what operators of big installs report (a
workflow_runs table of about 100 GB, mostly TOAST from the graph/inputs/outputs JSON, and 28 M node
executions) so that plans and CI gates can be tried on the bundled release schemas. Every table of every
bundled PostgreSQL release gets an entry (small ones get a small size), so no estimate is "unknown".

Usage: for f in samples/postgres/dify-*.sql; do scripts/schemaplan snapshot "$f" -o /tmp/snap-$(basename "$f" .sql).json; done
       python3 samples/stats/make-large-install.py /tmp/snap-*.json > samples/stats/dify-large-install.json
"""
import json
import sys

GB = 1 << 30
MB = 1 << 20
# table: (rows, heap bytes, toast bytes)
LARGE = {
    "workflow_runs": (12_500_000, 22 * GB, 78 * GB),
    "workflow_node_executions": (28_000_000, 40 * GB, 110 * GB),
    "messages": (21_000_000, 38 * GB, 24 * GB),
    "workflow_app_logs": (12_500_000, 2 * GB, 0),
    "conversations": (3_200_000, 2 * GB, 300 * MB),
    "message_files": (4_000_000, 1 * GB, 0),
    "message_agent_thoughts": (6_000_000, 9 * GB, 6 * GB),
    "documents": (900_000, 1 * GB, 200 * MB),
    "document_segments": (25_000_000, 30 * GB, 8 * GB),
    "embeddings": (25_000_000, 20 * GB, 60 * GB),
    "api_requests": (8_000_000, 3 * GB, 500 * MB),
    "end_users": (2_500_000, 500 * MB, 0),
    "saved_messages": (200_000, 30 * MB, 0),
    "message_feedbacks": (900_000, 150 * MB, 0),
    "operation_logs": (1_000_000, 300 * MB, 0),
    "tool_files": (1_500_000, 400 * MB, 0),
    "upload_files": (2_000_000, 700 * MB, 0),
}
SMALL = (5_000, 2 * MB, 0)
KEY_BYTES = 16  # most Dify keys are uuid; enough for an illustration


def index_bytes(rows, keys):
    return int(rows * (keys * KEY_BYTES + 12) / 0.9)


tables = {}
for path in sys.argv[1:]:
    schema = json.load(open(path))["schema"]
    for t in schema["tables"]:
        name = t["name"]
        idx = tables.setdefault(name, {})
        for c in t.get("constraints", []):
            if c["kind"] in ("PRIMARY_KEY", "UNIQUE"):
                idx[c["name"]] = len(c.get("columns", [])) or 1
        for i in t.get("indexes", []):
            idx[i["name"]] = len(i.get("keys", [])) or 1

out = []
for name in sorted(tables):
    rows, heap, toast = LARGE.get(name.split(".", 1)[1], SMALL)
    indexes = {n: index_bytes(rows, k) for n, k in sorted(tables[name].items())}
    out.append({"table": name, "rows": rows, "heapBytes": heap, "toastBytes": toast,
                "indexBytes": sum(indexes.values()), "indexes": indexes})

json.dump({"format": "schemaplan-stats/1", "serverVersion": "15.10", "maintenanceWorkMemBytes": 256 * MB,
           "maxParallelMaintenanceWorkers": 2, "blockSize": 8192, "tables": out}, sys.stdout, indent=2)
print()
