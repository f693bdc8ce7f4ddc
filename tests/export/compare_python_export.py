#!/usr/bin/env python3
"""Runs a pipeline with sluice-run and as its exported Python script, and
compares every score.

Steps: sluice-run export-python PIPELINE -o WORK/NAME.py; sluice-run PIPELINE
--json WORK/NAME.json; python3 WORK/NAME.py (this interpreter, which must
have pandas and scikit-learn: Debian's python3-pandas and python3-sklearn).
Every metric Sluice reports for an Evaluate node (Score, Confusion matrix,
ROC curve, Cross-validate) must be printed by the script, and the two must
agree within TOLERANCE: absolutely for scores up to 1 in size (accuracy,
R², AUC...), relative to Sluice's value for larger ones (MSE, RMSE, MAE in
the target's units). Nodes named by --unchecked (learners whose randomness
comes from numpy in the script) must report the same metrics, but their
values are only printed.

With --copy the pipeline's folder is copied into WORK first, for pipelines
that write files beside themselves.

Tables: every file a Write CSV node writes is written by both; Sluice's is
kept aside and the two must hold the same columns and rows, numbers within
1e-9 (relative), texts equal, missing where missing.

Prints one line per metric (and per table) with both values and the
difference; exits 0 when all agree, 1 when not, 77 (ctest's skip code) when
this interpreter lacks pandas or scikit-learn.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys

EVALUATE = ("evaluate.score", "evaluate.confusion_matrix", "evaluate.roc_curve",
            "evaluate.cross_validate")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sluice-run", required=True)
    ap.add_argument("--pipeline", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--tolerance", type=float, default=0.02)
    ap.add_argument("--unchecked", default="")
    ap.add_argument("--copy", action="store_true",
                    help="run a copy of the pipeline's folder in WORK (for pipelines that "
                         "write files beside themselves)")
    a = ap.parse_args()
    try:
        import pandas  # noqa: F401
        import sklearn  # noqa: F401
    except ImportError as e:
        print(f"skipped: {sys.executable} lacks {e.name} (install python3-pandas and "
              "python3-sklearn)")
        return 77

    os.makedirs(a.work, exist_ok=True)
    if a.copy:
        copy = os.path.join(a.work, "pipeline")
        shutil.rmtree(copy, ignore_errors=True)
        shutil.copytree(os.path.dirname(os.path.abspath(a.pipeline)), copy)
        a.pipeline = os.path.join(copy, os.path.basename(a.pipeline))
    name = os.path.splitext(os.path.basename(a.pipeline))[0]
    script = os.path.join(a.work, name + ".py")
    results = os.path.join(a.work, name + ".json")
    subprocess.run([a.sluice_run, "export-python", a.pipeline, "-o", script], check=True)
    # --no-history: the pipeline may be in the source tree; a test leaves no trace.
    subprocess.run([a.sluice_run, a.pipeline, "--json", results, "--quiet", "--no-history"],
                   check=True)
    written = written_tables(a.pipeline)
    for path in written:
        os.replace(path, path + ".sluice")
    run = subprocess.run([sys.executable, script], capture_output=True, text=True, cwd=a.work)
    if run.returncode != 0:
        print(run.stderr)
        print(f"FAIL: the exported script {script} exited with {run.returncode}")
        return 1

    exported = {}
    for line in run.stdout.splitlines():
        r = json.loads(line)
        if "metric" in r:
            exported[(r["node"], r["metric"])] = r["value"]
    unchecked = set(filter(None, a.unchecked.split(",")))
    ok, compared = True, 0
    for node_id, node in json.load(open(results))["nodes"].items():
        if node["type"] not in EVALUATE:
            continue
        if node["status"] != "done":
            print(f"FAIL: Sluice's node {node_id} did not finish: {node['message']}")
            ok = False
        for metric, ours in sorted(node["metrics"].items()):
            theirs = exported.get((node_id, metric))
            if theirs is None:
                print(f"FAIL: {node_id} {metric}: the script does not report it")
                ok = False
                continue
            diff = theirs - ours
            allowed = a.tolerance * max(1.0, abs(ours))
            verdict = "unchecked" if node_id in unchecked else \
                "ok" if abs(diff) <= allowed else "FAIL"
            ok = ok and verdict != "FAIL"
            compared += 1
            print(f"{verdict:9} {node_id:18} {metric:44} sluice {ours:12.6g}  "
                  f"python {theirs:12.6g}  diff {diff:+.2e}")
    for path in written:
        same, why = same_table(path + ".sluice", path)
        ok = ok and same
        compared += 1
        print(f"{'ok' if same else 'FAIL':9} table {os.path.basename(path):42} {why}")
    if compared == 0:
        print("FAIL: no metric or table to compare")
        ok = False
    return 0 if ok else 1


def written_tables(pipeline):
    """The files the pipeline's Write CSV nodes write (absolute paths)."""
    doc = json.load(open(pipeline))
    base = os.path.dirname(os.path.abspath(pipeline))
    return [os.path.join(base, n["params"]["path"]) for n in doc["nodes"]
            if n["type"] == "data.write_csv"]


def same_table(ours_path, theirs_path):
    """(equal, what differs) of two CSV files read alike."""
    import numpy as np
    import pandas as pd

    def read(path):
        with open(path) as f:
            sep = ";" if ";" in f.readline() else ","
        return pd.read_csv(path, sep=sep, keep_default_na=False, na_values=[""])

    if not os.path.exists(theirs_path):
        return False, "the script did not write it"
    ours, theirs = read(ours_path), read(theirs_path)
    if list(ours.columns) != list(theirs.columns):
        return False, f"columns {list(ours.columns)} != {list(theirs.columns)}"
    if len(ours) != len(theirs):
        return False, f"{len(ours)} rows != {len(theirs)} rows"
    for c in ours.columns:
        x, y = ours[c], theirs[c]
        if (x.isna() != y.isna()).any():
            row = int(np.argmax((x.isna() != y.isna()).to_numpy()))
            return False, f"column {c}, row {row + 1}: {x[row]!r} != {y[row]!r}"
        both = x.notna()
        if pd.api.types.is_numeric_dtype(x) and pd.api.types.is_numeric_dtype(y):
            a, b = x[both].to_numpy(float), y[both].to_numpy(float)
            bad = ~np.isclose(a, b, rtol=1e-9, atol=1e-12)
        else:
            a = x[both].map(str).to_numpy()
            b = y[both].map(str).to_numpy()
            bad = a != b
        if bad.any():
            i = int(np.argmax(bad))
            return False, f"column {c}: {a[i]!r} != {b[i]!r}"
    return True, f"{len(ours)} rows x {len(ours.columns)} columns agree"


if __name__ == "__main__":
    sys.exit(main())
