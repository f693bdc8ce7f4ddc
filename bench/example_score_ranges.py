#!/usr/bin/python3
"""What scikit-learn scores on the bundled example pipelines, on exactly the
rows Sluice uses: the figures test_examples holds Sluice's own runs of
resources/examples/*.sluice to.

Method
------
Each example is exported with `sluice-run export-python` (the same export
users get, model/export/) and the script is run with Debian's pandas and
scikit-learn. The script reads the same files, builds the same synthetic
data draw for draw, and splits and folds with a port of Sluice's random
generator, so every learner sees the rows Sluice's learner sees; every
score is printed as a JSON line {"node", "title", "metric", "value"}.
For a k-means node the script is also made to report the fitted model's
inertia, so an example without a score node still has a figure.

Learners with randomness (forests, boosting, networks, k-means) draw from
numpy in the script, not from Sluice's generator. For them the script is run
again with every random_state=K replaced by random_state=1000+r for r in
0..SEEDS-1, and each metric keeps the spread over all runs.

Each metric's range in the fixture is [min - tol, max + tol] of the values
seen (one value when no seed changes it), where tol = TOLERANCE * max(1,
|value|): 0.02 absolute for metrics on a unit scale (accuracy, F1, AUC, R^2,
log loss), 2 % relative for errors in the target's units (MSE, RMSE, MAE,
inertia). Scores bounded by 1 are not widened past 1, errors not below 0.
Sluice's seeded run must fall inside: for a learner without randomness that
is "within 0.02 of scikit-learn on the same rows"; for the others it is one
more draw from the same experiment.

Usage: /usr/bin/python3 bench/example_score_ranges.py [--seeds N] [--only FILE]
       [--build DIR]
Needs Debian's python3-sklearn and python3-pandas (not a pyenv Python) and
a built sluice-run. Writes tests/examples/fixtures/example_score_ranges.json
(with --only, only that file's entry is replaced).
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

# One thread for OpenMP and BLAS: on small data their pools only add
# overhead on a busy 2-core machine; scores do not depend on it.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXAMPLES = os.path.join(ROOT, "resources", "examples")
FIXTURE = os.path.join(ROOT, "tests", "examples", "fixtures", "example_score_ranges.json")
TOLERANCE = 0.02
SEEDS = 10
# Examples whose scikit-learn runs are costly (the MLP on 100,000 rows).
MAX_SEEDS = {"mlp_synthetic.sluice": 3}
# Metrics in the target's units: widened relatively, never below 0.
UNBOUNDED = ("mse", "rmse", "mae", "inertia")


def run_script(script, env):
    out = subprocess.run([sys.executable, script], capture_output=True, text=True, env=env,
                         cwd=os.path.dirname(script))
    if out.returncode != 0:
        raise SystemExit(f"{script} failed:\n{out.stderr[-3000:]}")
    values = {}
    for line in out.stdout.splitlines():
        line = line.strip()
        if not line.startswith("{"):
            continue
        r = json.loads(line)
        if "metric" in r:
            values[(r["node"], r["metric"])] = float(r["value"])
    return values


def kmeans_reports(pipeline):
    """Lines reporting each k-means node's fitted inertia."""
    lines = []
    for node in pipeline["nodes"]:
        if node["type"] == "train.kmeans":
            var = re.sub(r"\W", "_", node["id"])
            if var[0].isdigit():
                var = "_" + var
            lines.append(f'report({json.dumps(node["id"])}, {json.dumps(node.get("title", ""))},'
                         f' "inertia", {var}_model.estimator.inertia_)')
    return lines


def ranges_for(name, sluice_run, seeds, work):
    path = os.path.join(EXAMPLES, name)
    pipeline = json.load(open(path))
    script = os.path.join(work, name.replace(".sluice", ".py"))
    subprocess.run([sluice_run, "export-python", path, "-o", script], check=True)
    text = open(script).read() + "\n" + "\n".join(kmeans_reports(pipeline)) + "\n"
    env = dict(os.environ, SLUICE_DATASETS_DIR=os.path.join(ROOT, "resources", "datasets"))
    runs = []
    variants = [text]
    if "random_state=" in text:
        for r in range(min(seeds, MAX_SEEDS.get(name, seeds)) - 1):
            variants.append(re.sub(r"random_state=\d+", f"random_state={1000 + r}", text))
    for i, variant in enumerate(variants):
        with open(script, "w") as f:
            f.write(variant)
        runs.append(run_script(script, env))
        print(f"  {name}: run {i + 1} of {len(variants)}", file=sys.stderr)
    entry = {}
    for (node, metric), value in sorted(runs[0].items()):
        seen = [r[(node, metric)] for r in runs if (node, metric) in r]
        tol = TOLERANCE * max(1.0, abs(value))
        lo, hi = min(seen) - tol, max(seen) + tol
        unbounded = any(metric == m or metric.endswith(" " + m) or metric.endswith("_" + m)
                        for m in UNBOUNDED)
        if unbounded:
            lo = max(lo, 0.0)
        elif max(seen) <= 1.0 and "log_loss" not in metric:
            hi = min(hi, 1.0)
        entry.setdefault(node, {})[metric] = {
            "min": round(lo, 6), "max": round(hi, 6),
            "sklearn_mean": round(sum(seen) / len(seen), 6), "runs": len(seen)}
    return entry


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seeds", type=int, default=SEEDS)
    ap.add_argument("--only")
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    a = ap.parse_args()
    sluice_run = os.path.join(a.build, "app", "runner", "sluice-run")
    names = [a.only] if a.only else sorted(f for f in os.listdir(EXAMPLES)
                                           if f.endswith(".sluice"))
    fixture = json.load(open(FIXTURE)) if a.only and os.path.exists(FIXTURE) else {}
    examples = fixture.get("examples", {})
    import sklearn
    with tempfile.TemporaryDirectory() as work:
        for name in names:
            examples[name] = ranges_for(name, sluice_run, a.seeds, work)
    out = {
        "about": "scikit-learn's score of every metric of the example pipelines on the rows "
                 "Sluice uses (each example's exported script), over seeds where the learner "
                 "has randomness, widened by the tolerance; written by "
                 "bench/example_score_ranges.py (see its header), checked by "
                 "tests/examples/test_examples.cpp",
        "sklearn_version": sklearn.__version__,
        "tolerance": TOLERANCE,
        "examples": examples,
    }
    with open(FIXTURE, "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")
    print(f"wrote {FIXTURE}")


if __name__ == "__main__":
    sys.exit(main())
