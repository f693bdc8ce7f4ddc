#!/usr/bin/env python3
"""Times pandas.read_csv on a file (best of N) and prints peak memory.

Usage: pandas_read_csv.py FILE [--repeat N]
Last line, machine-readable: RESULT seconds=<best> peak_mb=<peak> rows=<rows>
Needs Debian's python3-pandas; run with /usr/bin/python3.
"""
import argparse
import os
import resource
import time

import pandas as pd


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("file")
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
    mb = os.path.getsize(a.file) / 1e6
    best, rows = float("inf"), 0
    for r in range(a.repeat):
        t0 = time.perf_counter()
        df = pd.read_csv(a.file)
        s = time.perf_counter() - t0
        best = min(best, s)
        rows = len(df)
        del df
        print(f"run {r + 1}: {s:.3f} s", flush=True)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    print(f"pandas {pd.__version__}: {rows} rows, {mb:.1f} MB, best {best:.3f} s: "
          f"{rows / best / 1e6:.2f} M rows/s, {mb / best:.0f} MB/s, peak RSS {peak:.0f} MB")
    print(f"RESULT seconds={best:.4f} peak_mb={peak:.1f} rows={rows}")


if __name__ == "__main__":
    main()
