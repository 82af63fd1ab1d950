#!/usr/bin/env python3
"""Peer for SgemmBench: times numpy float32 matmul (OpenBLAS sgemm) on the same shapes.

The BLAS thread count is fixed by the environment before numpy loads, so run the script once per
thread count:  OPENBLAS_NUM_THREADS=2 OMP_NUM_THREADS=2 python3 sgemm_numpy.py --threads 2
Measures like the JMH side in run-sgemm.sh: 3 warm-up iterations of 1 s, then 30 measured
iterations of 100 ms; prints one JSON line per shape with the best (or median) iteration's time per call in microseconds and GFLOP/s (2*m*n*k per call).
"""
import argparse
import json
import os
import time

import numpy as np

SHAPES = [(128, 784, 200), (128, 200, 200), (512, 512, 512)]  # m x k x n


def iteration(a, b, c, seconds):
    calls = 0
    start = time.perf_counter()
    while True:
        for _ in range(10):
            np.matmul(a, b, out=c)
        calls += 10
        elapsed = time.perf_counter() - start
        if elapsed >= seconds:
            return elapsed / calls


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--threads", type=int, required=True,
                        help="the thread count set in OPENBLAS_NUM_THREADS (recorded in the output)")
    parser.add_argument("--shape", action="append",
                        help="m x k x n, e.g. 128x784x200 (repeatable; default: all three bench shapes)")
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--iterations", type=int, default=30)
    parser.add_argument("--seconds", type=float, default=0.1)
    parser.add_argument("--stat", choices=["best", "median"], default="best")
    args = parser.parse_args()
    env = os.environ.get("OPENBLAS_NUM_THREADS")
    if env != str(args.threads):
        parser.error(f"OPENBLAS_NUM_THREADS is {env!r} but --threads is {args.threads}; set both")
    rng = np.random.default_rng(42)
    shapes = [tuple(map(int, s.split("x"))) for s in args.shape] if args.shape else SHAPES
    for m, k, n in shapes:
        a = rng.uniform(-1, 1, (m, k)).astype(np.float32)
        b = rng.uniform(-1, 1, (k, n)).astype(np.float32)
        c = np.empty((m, n), dtype=np.float32)
        for _ in range(args.warmup):
            iteration(a, b, c, 1.0)
        times = [iteration(a, b, c, args.seconds) for _ in range(args.iterations)]
        t = min(times) if args.stat == "best" else sorted(times)[len(times) // 2]
        print(json.dumps({"shape": f"{m}x{k}x{n}", "threads": args.threads, "us": t * 1e6, "stat": args.stat,
                          "gflops": 2.0 * m * n * k / t / 1e9, "numpy": np.__version__,
                          "coretype": os.environ.get("OPENBLAS_CORETYPE", "auto")}), flush=True)


if __name__ == "__main__":
    main()
