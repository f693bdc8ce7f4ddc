#!/usr/bin/python3
"""Soak of sluice-run --watch (issue 24): 1,000 changes of a watched CSV.

Starts `sluice-run PIPELINE --watch --watch-interval 0` on a small pipeline
(Read CSV -> Select columns -> Write CSV) in a temporary folder, rewrites
the input N times (default 1000), each time waiting for the run it triggers
to be recorded in the history, and samples the process's resident memory,
threads and open file descriptors from /proc. Then interrupts it and checks
the exit code and that every history record is whole JSON with a status
and every node done. Targets: RSS grows < 5% after the warm-up (run 50);
threads and descriptors end where they were then. Prints figures; exits 1
when a target is missed. Not part of ctest (about 10 minutes: the watch
waits 0.5 s for a changed file to settle).

Usage: bench/soak_watch.py [--triggers N] [--sluice-run PATH]
"""
import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def stats(pid):
    rss = threads = 0
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                rss = int(line.split()[1])
            elif line.startswith("Threads:"):
                threads = int(line.split()[1])
    return rss, threads, len(os.listdir(f"/proc/{pid}/fd"))


def pipeline():
    def node(id_, type_, x, params):
        return {"id": id_, "type": type_, "title": id_, "position": [x, 0], "params": params}
    return {"format": "sluice.pipeline", "version": 1, "meta": {"name": "watch soak"},
            "nodes": [node("read", "data.read_csv", 0, {"path": "input.csv"}),
                      node("select", "transform.select_columns", 200, {"drop": ["b"]}),
                      node("write", "data.write_csv", 400, {"path": "output.csv"})],
            "edges": [{"from": ["read", "table"], "to": ["select", "table"]},
                      {"from": ["select", "table"], "to": ["write", "table"]}]}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--triggers", type=int, default=1000)
    ap.add_argument("--sluice-run", default=os.path.join(ROOT, "build/app/runner/sluice-run"))
    args = ap.parse_args()
    work = tempfile.mkdtemp(prefix="sluice-soak-watch.")
    path = os.path.join(work, "soak.sluice")
    with open(path, "w") as f:
        json.dump(pipeline(), f)
    runs_dir = os.path.join(work, ".sluice-runs", "soak")

    def write_input(i):
        tmp = os.path.join(work, "input.tmp")
        with open(tmp, "w") as f:
            f.write("a,b,c\n")
            for r in range(20 + i % 7):  # the size changes too
                f.write(f"{i},{r},x{r}\n")
        os.replace(tmp, os.path.join(work, "input.csv"))

    def records():
        return len(os.listdir(runs_dir)) if os.path.isdir(runs_dir) else 0

    write_input(0)
    env = dict(os.environ)
    env.pop("SLUICE_RUN_HISTORY", None)
    proc = subprocess.Popen([args.sluice_run, path, "--watch", "--watch-interval", "0", "-q"],
                            cwd=work, env=env, stderr=subprocess.PIPE, text=True)
    deadline = time.time() + 60
    while records() < 1 and time.time() < deadline:
        time.sleep(0.05)
    warm = 50
    at_warm = None
    print(f"{'run':>5} {'RSS (KB)':>10} {'threads':>8} {'fds':>5}")
    for i in range(1, args.triggers + 1):
        before = records()
        write_input(i)
        deadline = time.time() + 30
        while records() <= before and time.time() < deadline:
            time.sleep(0.02)
        if records() <= before:
            print(f"trigger {i}: no run recorded within 30 s")
            proc.kill()
            return 1
        s = stats(proc.pid)
        if i == warm:
            at_warm = s
        if i in (1, warm) or i % 100 == 0:
            print(f"{i:>5} {s[0]:>10} {s[1]:>8} {s[2]:>5}", flush=True)
    # The watch may hold a file open for a moment (a record being written):
    # descriptors and threads are the fewest of a few samples, at rest.
    samples = []
    for _ in range(5):
        time.sleep(0.1)
        samples.append(stats(proc.pid))
    last = (samples[-1][0], min(s[1] for s in samples), min(s[2] for s in samples))
    proc.send_signal(signal.SIGINT)
    try:
        _, err = proc.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        err = "did not stop on SIGINT"
    whole = broken = 0
    for name in os.listdir(runs_dir):
        try:
            with open(os.path.join(runs_dir, name)) as f:
                record = json.load(f)
            ok = (record.get("status") == "ok" and len(record.get("nodes", [])) == 3
                  and all(n.get("status") == "done" for n in record["nodes"]))
        except (OSError, ValueError):
            ok = False
        whole += ok
        broken += not ok
    at_warm = at_warm or last
    growth = 100.0 * (last[0] - at_warm[0]) / at_warm[0]
    print(f"after warm-up (run {warm}): RSS {growth:+.1f}%, threads {last[1] - at_warm[1]:+d}, "
          f"fds {last[2] - at_warm[2]:+d}; history: {whole + broken} records, {whole} whole, "
          f"{broken} not; exit code on SIGINT {proc.returncode}")
    met = (growth < 5.0 and last[1] <= at_warm[1] and last[2] <= at_warm[2] and broken == 0
           and whole >= args.triggers)
    print("targets met" if met else "TARGET MISSED")
    if not met and err:
        print(err[-2000:], file=sys.stderr)
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
