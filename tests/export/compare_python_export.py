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

Prints one line per metric with both values and the difference; exits 0 when
all agree, 1 when not, 77 (ctest's skip code) when this interpreter lacks
pandas or scikit-learn.
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
    if compared == 0:
        print("FAIL: no metric to compare")
        ok = False
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
