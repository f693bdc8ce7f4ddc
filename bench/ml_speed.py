#!/usr/bin/env python3
"""Fit and predict times of Sluice's learners next to scikit-learn's.

Both sides get the same data: the first 80% of the rows of the benchmark CSV
train, the rest test; numeric columns mean-imputed, categorical ones one-hot
encoded (missing -> all zeros), then everything standardized. Only the
estimator's fit and predict are timed. Configs: bench/ml_speed_configs.json.

Usage: bench/ml_speed.py [--data DIR] [--build DIR] [--threads N] [--only KIND]
Needs Debian's python3-sklearn (and libopenblas0-pthread, what most users'
scikit-learn runs on); run with /usr/bin/python3.
"""
import argparse
import json
import os
import subprocess
import time

import numpy as np
import pandas as pd
import sklearn
from sklearn.cluster import *  # noqa: F401,F403 (the configs name estimators)
from sklearn.ensemble import *  # noqa: F401,F403
from sklearn.linear_model import *  # noqa: F401,F403
from sklearn.metrics import accuracy_score, r2_score
from sklearn.naive_bayes import *  # noqa: F401,F403
from sklearn.neighbors import *  # noqa: F401,F403
from sklearn.neural_network import *  # noqa: F401,F403
from sklearn.preprocessing import StandardScaler
from sklearn.tree import *  # noqa: F401,F403

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def prepare(path, target):
    df = pd.read_csv(path)
    y = df.pop(target)
    cut = len(df) * 8 // 10
    train, test = df.iloc[:cut], df.iloc[cut:]
    parts_train, parts_test = [], []
    for col in df.columns:
        if df[col].dtype == object:
            levels = [v for v in pd.unique(train[col]) if isinstance(v, str)]
            for lv in sorted(levels, key=list(df[col].dropna().unique()).index):
                parts_train.append((train[col] == lv).astype(float).values)
                parts_test.append((test[col] == lv).astype(float).values)
        else:
            mean = train[col].mean()
            parts_train.append(train[col].fillna(mean).values)
            parts_test.append(test[col].fillna(mean).values)
    Xtr, Xte = np.column_stack(parts_train), np.column_stack(parts_test)
    scaler = StandardScaler().fit(Xtr)
    return scaler.transform(Xtr), scaler.transform(Xte), y.iloc[:cut].values, y.iloc[cut:].values


def blas_name():
    try:
        from threadpoolctl import threadpool_info
        return ", ".join(f"{i['internal_api']} {i.get('version', '')} ({i['num_threads']} threads)"
                         for i in threadpool_info() if i["user_api"] == "blas")
    except Exception:  # threadpoolctl missing
        return "numpy's BLAS"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=os.environ.get("SLUICE_BENCH_DATA", os.path.join(ROOT, "bench-data")))
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--threads", default="0")
    ap.add_argument("--only", default="")
    a = ap.parse_args()
    configs_path = os.path.join(ROOT, "bench", "ml_speed_configs.json")
    configs = json.load(open(configs_path))
    cmd = [os.path.join(a.build, "bench", "bench_ml_fit"), configs_path, a.data, "--threads", a.threads]
    if a.only:
        cmd += ["--only", a.only]
    ours = {}
    for line in subprocess.run(cmd, check=True, capture_output=True, text=True).stdout.splitlines():
        r = json.loads(line)
        ours[r["kind"]] = r

    print(f"scikit-learn {sklearn.__version__} with {blas_name()}; Sluice with Eigen (no BLAS), "
          f"threads={a.threads or 'all'}; {os.cpu_count()} cores")
    print(f"{'learner':28} {'data':16} {'sklearn s':>10} {'sluice s':>9} {'speed-up':>8} "
          f"{'sk score':>8} {'our score':>9}")
    cache = {}
    for c in configs:
        if a.only and c["kind"] != a.only:
            continue
        key = (c["data"], c["target"])
        if key not in cache:
            cache[key] = prepare(os.path.join(a.data, c["data"]), c["target"])
        Xtr, Xte, ytr, yte = cache[key]
        est = eval(c["sklearn"])  # noqa: S307 - our own config file
        t0 = time.perf_counter()
        est.fit(Xtr, ytr)
        fit_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        pred = est.predict(Xte)
        pred_s = time.perf_counter() - t0
        if hasattr(est, "cluster_centers_"):
            score = float("nan")  # clusters: nothing to score against
        else:
            score = accuracy_score(yte, pred) if ytr.dtype == object else r2_score(yte, pred)
        us = ours[c["kind"]]
        if us["score"] is None:
            us["score"] = float("nan")
        sk_total, our_total = fit_s + pred_s, us["fit_seconds"] + us["predict_seconds"]
        print(f"{c['kind']:28} {c['data']:16} {sk_total:10.3f} {our_total:9.3f} "
              f"{sk_total / our_total:7.2f}x {score:8.4f} {us['score']:9.4f}")


if __name__ == "__main__":
    main()
