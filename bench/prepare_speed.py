#!/usr/bin/python3
"""Speed of the data preparation nodes (issue 18) against pandas, on the
same files in the same run.

Data (deterministic, numpy seed 18, written to bench-data/prepare/ once):
orders.csv, ROWS rows (default 1,000,000: customer as an integer 0..99,999
and as text "c00042", an amount, a channel of 5 values, a store 0..999 and
a week 0..49), and customers.csv, 100,000 rows (id, the same text key, a
region of 10 values).

Each case runs `sluice-run -q --no-history` on a pipeline that reads the
files and applies one node (reading included, nothing written), and the
pandas equivalent (read_csv and the operation, in this process). Each side
is timed as the median of REPEAT runs (default 3) after one warm-up; the
table prints both and the ratio (pandas time / Sluice time: above 1 means
Sluice is faster). Issue 18's target is 2x or more.

The operation alone is timed too: Sluice's node time as the engine reports
it (`--json`, the node's seconds), pandas' operation on frames read once.
Reading a CSV costs both about the same, so the end-to-end ratio is bound
to stay near 1 unless the operation is most of the work.

Cases: join on the integer key and on the text key (inner, 1M x 100k),
remove duplicates on two columns, concatenate 4 x ROWS/4 (four files), a
stratified 10 % sample, group by store (1,000 groups) with five
aggregations, a 3-term arithmetic formula, a string formula, sort by two
columns, and pivot (store x week: 1,000 x 50 means). The sample's pandas
side is groupby().sample(), which draws other rows (numpy's generator): the
sizes match, not the rows.

Peak memory: before any timing, each side runs once in a process of its
own and reports its maximum resident set: sluice-run under /usr/bin/time,
the pandas side in a child forked from this still-small process (so its
figure includes the ~70 MB of Python with pandas imported).

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
        "store": rng.integers(0, 1000, rows),
        "week": rng.integers(0, 50, rows),
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
                      {"id": "n", "type": "transform.join", "title": "n", "position": [300, 0],
                       "params": {"left_keys": [left_key], "right_keys": [right_key]}}],
                     [(("o", "table"), ("n", "left")), (("c", "table"), ("n", "right"))])

        return (p, lambda: (pd.read_csv(orders), pd.read_csv(customers)),
                lambda d: len(d[0].merge(d[1], left_on=left_key, right_on=right_key,
                                         how="inner")))

    def one(node_type, params, pandas_op):
        p = pipeline([reader("o", orders, 0),
                      {"id": "n", "type": node_type, "title": "n", "position": [300, 0],
                       "params": params}],
                     [(("o", "table"), ("n", "table"))])
        return p, lambda: pd.read_csv(orders), lambda df: len(pandas_op(df))

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
        ("concatenate 4 x 1/4", concat, lambda: [pd.read_csv(p) for p in parts],
         lambda frames: len(pd.concat(frames, ignore_index=True))),
        ("sample 10 %, stratified",
         *one("transform.sample", {"fraction": 0.1, "stratify": "channel", "seed": 1},
              lambda df: df.groupby("channel", group_keys=False).sample(frac=0.1,
                                                                        random_state=1))),
        ("group by (1,000 groups, 5 aggs)",
         *one("transform.group_by",
              {"keys": ["store"],
               "aggregations": [{"column": "amount", "function": f} for f in
                                ("count", "sum", "mean", "min", "max")]},
              lambda df: df.groupby("store").agg(
                  amount_count=("amount", "count"), amount_sum=("amount", "sum"),
                  amount_mean=("amount", "mean"), amount_min=("amount", "min"),
                  amount_max=("amount", "max")).reset_index())),
        ("formula, 3-term arithmetic",
         *one("transform.formula",
              {"formulas": [{"name": "x", "expression": "amount * 1.2 + customer / 1000 - week"}]},
              lambda df: df.assign(x=df.amount * 1.2 + df.customer / 1000 - df.week))),
        ("formula, strings",
         *one("transform.formula",
              {"formulas": [{"name": "x", "expression": "upper(channel) + '-' + key"}]},
              lambda df: df.assign(x=df.channel.str.upper() + "-" + df.key))),
        ("sort by two columns",
         *one("transform.sort_rows", {"columns": ["channel", "amount"]},
              lambda df: df.sort_values(["channel", "amount"], kind="stable"))),
        ("pivot to 1,000 x 50",
         *one("transform.pivot", {"index": ["store"], "columns": "week", "values": "amount"},
              lambda df: df.pivot_table(index="store", columns="week", values="amount",
                                        aggfunc="mean").reset_index())),
    ]


def median_time(f, repeat):
    f()  # warm-up: page cache, imports
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        f()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def peak_mb_of_command(command):
    """The maximum resident set of one run of `command`, in MB (GNU time's
    %M: the command's own, not this Python's before the exec)."""
    out = subprocess.run(["/usr/bin/time", "-f", "%M"] + command, check=True,
                         capture_output=True, text=True)
    return int(out.stderr.strip().splitlines()[-1]) / 1024


def peak_mb_of_call(f):
    """The maximum resident set of a forked child running f(), in MB."""
    pid = os.fork()
    if pid == 0:
        f()
        os._exit(0)
    _, _, usage = os.wait4(pid, 0)
    return usage.ru_maxrss / 1024


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--sluice-run", default=os.path.join(ROOT, "build/app/runner/sluice-run"))
    a = ap.parse_args()
    folder = os.path.join(ROOT, "bench-data", "prepare2")  # with store and week
    make_data(folder, a.rows)
    print(f"{'case':32} {'Sluice s':>9} {'pandas s':>9} {'ratio':>7} "
          f"{'Sluice op':>10} {'pandas op':>10} {'ratio':>7} {'Sluice MB':>10} {'pandas MB':>10}")
    with tempfile.TemporaryDirectory() as work:
        runs = []
        for k, (name, graph, read, op) in enumerate(cases(folder, a.rows)):
            path = os.path.join(work, f"case{k}.sluice")
            with open(path, "w") as f:
                json.dump(graph, f)
            runs.append((name, [a.sluice_run, path, "-q", "--no-history"], read, op))
        # Memory first, while this process holds no data its children would inherit.
        peaks = [(peak_mb_of_command(run), peak_mb_of_call(lambda: op(read())))
                 for _, run, read, op in runs]
        for (name, run, read, op), (sluice_mb, pandas_mb) in zip(runs, peaks):
            sluice = median_time(lambda: subprocess.run(run, check=True), a.repeat)
            theirs = median_time(lambda: op(read()), a.repeat)
            report = os.path.join(work, "report.json")
            node_seconds = []
            for _ in range(a.repeat):
                subprocess.run(run + ["--json", report], check=True)
                with open(report) as f:
                    node_seconds.append(json.load(f)["nodes"]["n"]["seconds"])
            sluice_op = statistics.median(node_seconds)
            data = read()
            pandas_op = median_time(lambda: op(data), a.repeat)
            del data
            print(f"{name:32} {sluice:9.3f} {theirs:9.3f} {theirs / sluice:6.2f}x "
                  f"{sluice_op:10.3f} {pandas_op:10.3f} {pandas_op / sluice_op:6.2f}x "
                  f"{sluice_mb:10.0f} {pandas_mb:10.0f}", flush=True)


if __name__ == "__main__":
    main()
