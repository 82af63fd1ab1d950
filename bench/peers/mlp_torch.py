#!/usr/bin/env python3
"""Peer for MlpEpochBench: the same 784-200-200-10 ReLU MLP, softmax cross-entropy, Adam(1e-3),
batch 128, one epoch of 60,000 samples, in PyTorch on the CPU. Prints one line per thread count:
  torch threads=T epoch_ms_median=... epochs=[...]
Data is synthetic (uniform pixels, random labels) with the same shapes as MNIST: time per epoch
does not depend on the values, and both sides then read identical-sized batches from memory."""
import argparse
import statistics
import time

import numpy as np
import torch


def epoch(model, opt, x, y, batch):
    loss_fn = torch.nn.CrossEntropyLoss()
    n = x.shape[0]
    for start in range(0, n - batch + 1, batch):
        xb = x[start:start + batch]
        yb = y[start:start + batch]
        opt.zero_grad(set_to_none=False)
        loss = loss_fn(model(xb), yb)
        loss.backward()
        opt.step()
    return float(loss.detach())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--threads", default="1,2")
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--samples", type=int, default=60000)
    ap.add_argument("--batch", type=int, default=128)
    args = ap.parse_args()
    rng = np.random.default_rng(0)
    x = torch.from_numpy(rng.random((args.samples, 784), dtype=np.float32))
    y = torch.from_numpy(rng.integers(0, 10, args.samples).astype(np.int64))
    for t in [int(s) for s in args.threads.split(",")]:
        torch.set_num_threads(t)
        torch.manual_seed(0)
        model = torch.nn.Sequential(
            torch.nn.Linear(784, 200), torch.nn.ReLU(),
            torch.nn.Linear(200, 200), torch.nn.ReLU(),
            torch.nn.Linear(200, 10))
        opt = torch.optim.Adam(model.parameters(), lr=1e-3)
        epoch(model, opt, x, y, args.batch)  # warm-up
        times = []
        for _ in range(args.repeats):
            t0 = time.perf_counter()
            epoch(model, opt, x, y, args.batch)
            times.append((time.perf_counter() - t0) * 1000)
        print(f"torch {torch.__version__} threads={t} epoch_ms_median={statistics.median(times):.1f} "
              f"epochs={[round(v, 1) for v in times]}", flush=True)


if __name__ == "__main__":
    main()
