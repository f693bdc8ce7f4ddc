#!/usr/bin/python3
"""Speed of the data preparation nodes (issue 18) against pandas, on the
same files in the same run.

Data (deterministic, numpy seed 18, written to bench-data/prepare/ once):
orders.csv, ROWS rows (default 1,000,000: customer as an integer 0..99,999
and as text "c00042", an amount, a channel of 5 values), and
customers.csv, 100,000 rows (id, the same text key, a region of 10 values).

Each case runs `sluice-run -q --no-history` on a pipeline that reads the
files and applies one node (reading included, nothing written), and the
pandas equivalent (read_csv and the operation, in this process). Each side
is timed as the median of REPEAT runs (default 3) after one warm-up; the
table prints both and the ratio (pandas time / Sluice time: above 1 means
Sluice is faster). Issue 18's target is 2x or more.

Cases: join on the integer key and on the text key (inner, 1M x 100k),
remove duplicates on two columns, concatenate 4 x ROWS/4 (four files), and
a stratified 10 % sample. The sample's pandas side is groupby().sample(),
which draws other rows (numpy's generator): the sizes match, not the rows.

Usage: /usr/bin/python3 bench/prepare_speed.py [--rows N] [--repeat K]
       [--sluice-run PATH]
"""
import argparse
import json
import os
import statistics
import subprocess
import tempfile
import time

import numpy as np
import pandas as pd

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def make_data(folder, rows):
    os.makedirs(folder, exist_ok=True)
    orders = os.path.join(folder, f"orders_{rows}.csv")
    if os.path.exists(orders):
        return
    rng = np.random.default_rng(18)
    customer = rng.integers(0, 100_000, rows)
    pd.DataFrame({
        "customer": customer,
        "key": [f"c{c:05d}" for c in customer],
        "amount": np.round(rng.gamma(2.0, 30.0, rows), 2),
        "channel": rng.choice(["web", "shop", "phone", "mail", "app"], rows),
    }).to_csv(orders, index=False)
    for part in range(4):
        pd.read_csv(orders, skiprows=range(1, 1 + part * rows // 4), nrows=rows // 4).to_csv(
            os.path.join(folder, f"orders_{rows}_part{part}.csv"), index=False)
    ids = np.arange(100_000)
    pd.DataFrame({
        "id": ids,
        "key": [f"c{c:05d}" for c in ids],
        "region": rng.choice([f"r{k}" for k in range(10)], 100_000),
    }).to_csv(os.path.join(folder, "customers.csv"), index=False)


def reader(node_id, path, y):
    return {"id": node_id, "type": "data.read_csv", "title": node_id, "position": [0, y],
            "params": {"path": path}}


def pipeline(nodes, edges):
    return {"format": "sluice.pipeline", "version": 1, "meta": {"name": "bench"},
            "nodes": nodes,
            "edges": [{"from": list(a), "to": list(b)} for a, b in edges]}


def cases(folder, rows):
    orders = os.path.join(folder, f"orders_{rows}.csv")
    customers = os.path.join(folder, "customers.csv")
    parts = [os.path.join(folder, f"orders_{rows}_part{k}.csv") for k in range(4)]

    def join(left_key, right_key):
        p = pipeline([reader("o", orders, 0), reader("c", customers, 200),
                      {"id": "j", "type": "transform.join", "title": "j", "position": [300, 0],
                       "params": {"left_keys": [left_key], "right_keys": [right_key]}}],
                     [(("o", "table"), ("j", "left")), (("c", "table"), ("j", "right"))])

        def pandas_side():
            o, c = pd.read_csv(orders), pd.read_csv(customers)
            return len(o.merge(c, left_on=left_key, right_on=right_key, how="inner"))
        return p, pandas_side

    def one(node_type, params, pandas_op):
        p = pipeline([reader("o", orders, 0),
                      {"id": "n", "type": node_type, "title": "n", "position": [300, 0],
                       "params": params}],
                     [(("o", "table"), ("n", "table"))])
        return p, lambda: len(pandas_op(pd.read_csv(orders)))

    concat = pipeline([reader(f"p{k}", parts[k], 200 * k) for k in range(4)] +
                      [{"id": "n", "type": "transform.concatenate", "title": "n",
                        "position": [300, 0], "params": {}}],
                      [((f"p{k}", "table"), ("n", f"table_{k + 1}")) for k in range(4)])
    return [
        ("join, integer key", *join("customer", "id")),
        ("join, text key", *join("key", "key")),
        ("remove duplicates (2 columns)",
         *one("transform.remove_duplicates", {"columns": ["customer", "channel"]},
              lambda df: df.drop_duplicates(subset=["customer", "channel"]))),
        ("concatenate 4 x 1/4", concat,
         lambda: len(pd.concat([pd.read_csv(p) for p in parts], ignore_index=True))),
        ("sample 10 %, stratified",
         *one("transform.sample", {"fraction": 0.1, "stratify": "channel", "seed": 1},
              lambda df: df.groupby("channel", group_keys=False).sample(frac=0.1,
                                                                        random_state=1))),
    ]


def median_time(f, repeat):
    f()  # warm-up: page cache, imports
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        f()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--sluice-run", default=os.path.join(ROOT, "build/app/runner/sluice-run"))
    a = ap.parse_args()
    folder = os.path.join(ROOT, "bench-data", "prepare")
    make_data(folder, a.rows)
    print(f"{'case':32} {'Sluice s':>9} {'pandas s':>9} {'pandas/Sluice':>14}")
    with tempfile.TemporaryDirectory() as work:
        for name, graph, pandas_side in cases(folder, a.rows):
            path = os.path.join(work, "case.sluice")
            with open(path, "w") as f:
                json.dump(graph, f)
            run = [a.sluice_run, path, "-q", "--no-history"]
            sluice = median_time(lambda: subprocess.run(run, check=True), a.repeat)
            theirs = median_time(pandas_side, a.repeat)
            print(f"{name:32} {sluice:9.3f} {theirs:9.3f} {theirs / sluice:13.2f}x", flush=True)


if __name__ == "__main__":
    main()
