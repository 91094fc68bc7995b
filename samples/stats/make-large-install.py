#!/usr/bin/env python3
"""Writes dify-large-install.json: the statistics (schemaplan-stats/1) of a large Dify install.

The figures are illustrative, not measured: they follow what operators of big installs report (a
workflow_runs table of about 100 GB, mostly TOAST from the graph/inputs/outputs JSON, and 28 M node
executions) so that plans and CI gates can be tried on the bundled release schemas. Every table of every
bundled PostgreSQL release gets an entry (small ones get a small size), so no estimate is "unknown".

Usage: for f in samples/postgres/dify-*.sql; do scripts/schemaplan snapshot "$f" -o /tmp/snap-$(basename "$f" .sql).json; done
       python3 samples/stats/make-large-install.py /tmp/snap-*.json > samples/stats/dify-large-install.json
       (MySQL: snapshots of samples/mysql/*.sql, and --mysql first, > dify-large-install-mysql.json)
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
# Rows are appended over time, so a created_at key follows the heap's order (pg_stats.correlation near 1);
# an index on it gets new entries in as many places as its preceding key columns have distinct values,
# assumed here (heapOrderedIndexes). Every other index counts as scattered (uuid keys).
DISTINCT = {"app_id": 2_000, "tenant_id": 500, "workflow_id": 5_000, "node_id": 20}
ORDERED = ("created_at", "run_created_at")
# Checkpoint settings: a large install raises max_wal_size (16 GB) and checkpoint_timeout (15 min) from the
# stock 1 GB and 5 min, as tuning guides for write-heavy servers advise; MySQL has no page images in its redo.
CHECKPOINTS = {"maxWalSizeBytes": 16 * GB, "checkpointTimeoutSeconds": 900, "checkpointCompletionTarget": 0.9,
               "fullPageWrites": True}


def prefixes(keys):
    """The distinct prefixes before the first heap-ordered key column, or None when there is none."""
    n = 1
    for k in keys:
        column = k.split()[0]
        if column in ORDERED:
            return n
        n *= DISTINCT.get(column, 1_000)
    return None


def index_bytes(rows, keys):
    return int(rows * (keys * KEY_BYTES + 12) / 0.9)


mysql = sys.argv[1] == "--mysql"
paths = sys.argv[2:] if mysql else sys.argv[1:]
tables = {}
ordered = {}
for path in paths:
    schema = json.load(open(path))["schema"]
    for t in schema["tables"]:
        name = t["name"]
        idx = tables.setdefault(name, {})
        for c in t.get("constraints", []):
            if c["kind"] in ("PRIMARY_KEY", "UNIQUE"):
                idx[c["name"]] = len(c.get("columns", [])) or 1
        for i in t.get("indexes", []):
            idx[i["name"]] = len(i.get("keys", [])) or 1
            p = prefixes([k.get("text", "") for k in i.get("keys", [])])
            if p is not None:
                ordered.setdefault(name, {})[i["name"]] = p

out = []
for name in sorted(tables):
    rows, heap, toast = LARGE.get(name.split(".", 1)[-1], SMALL)
    if mysql:
        heap, toast = heap + toast, 0  # InnoDB keeps long values off-page inside DATA_LENGTH
    indexes = {n: index_bytes(rows, k) for n, k in sorted(tables[name].items())}
    entry = {"table": name, "rows": rows, "heapBytes": heap, "toastBytes": toast,
             "indexBytes": sum(indexes.values()), "indexes": indexes}
    if not mysql and ordered.get(name):
        entry["heapOrderedIndexes"] = {n: p for n, p in sorted(ordered[name].items()) if n in indexes}
    out.append(entry)

if mysql:
    head = {"serverVersion": "10.11.9-MariaDB", "maintenanceWorkMemBytes": 1 * MB, "maxParallelMaintenanceWorkers": 0,
            "blockSize": 16384, "checkpoints": {**CHECKPOINTS, "fullPageWrites": False}}
else:
    head = {"serverVersion": "15.10", "maintenanceWorkMemBytes": 256 * MB, "maxParallelMaintenanceWorkers": 2,
            "blockSize": 8192, "checkpoints": CHECKPOINTS}
json.dump({"format": "schemaplan-stats/1", **head, "tables": out}, sys.stdout, indent=2)
print()
