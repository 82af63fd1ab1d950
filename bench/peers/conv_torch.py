#!/usr/bin/env python3
"""Peer for ConvBench: two ReLU -> Conv 3x3 (pad 1, no bias) -> BatchNorm2d (training mode) blocks,
batch 128, loss = output.sum(), forward + backward with gradients for the input and all parameters,
on the CPU with torch.set_num_threads(T). Shapes as ConvBench. Prints one line per shape and
thread count:
  torch shape=S threads=T ms_median=... ms_best=... cpu_ms_median=...
(cpu_ms_median: CPU time of the calling thread; with one thread torch computes on it.)"""
import argparse
import statistics
import time

import torch

SHAPES = [("c16_32x32_k3", 16, 32, 3), ("c32_16x16_k3", 32, 16, 3), ("c64_8x8_k3", 64, 8, 3),
          ("c16_32x32_k1", 16, 32, 1)]


def block(c, k):
    return [torch.nn.ReLU(), torch.nn.Conv2d(c, c, k, padding=k // 2, bias=False), torch.nn.BatchNorm2d(c)]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--threads", default="1,2")
    ap.add_argument("--steps", type=int, default=10)
    ap.add_argument("--shapes", default="all")
    args = ap.parse_args()
    for t in [int(s) for s in args.threads.split(",")]:
        torch.set_num_threads(t)
        for name, c, size, k in SHAPES:
            if args.shapes != "all" and name not in args.shapes.split(","):
                continue
            torch.manual_seed(0)
            net = torch.nn.Sequential(*block(c, k), *block(c, k))
            x = torch.randn(128, c, size, size, requires_grad=True)

            def step():
                x.grad = None
                net.zero_grad(set_to_none=False)
                net(x).sum().backward()

            for _ in range(3):
                step()
            times, cpu = [], []
            for _ in range(args.steps):
                c0 = time.thread_time()
                t0 = time.perf_counter()
                step()
                times.append((time.perf_counter() - t0) * 1e3)
                cpu.append((time.thread_time() - c0) * 1e3)
            print(f"torch shape={name} threads={t} ms_median={statistics.median(times):.2f} "
                  f"ms_best={min(times):.2f} cpu_ms_median={statistics.median(cpu):.2f}", flush=True)


if __name__ == "__main__":
    main()
