#!/usr/bin/env python3
"""Peer for NaswotSpeed: NASWOT scoring of NB201 cells in PyTorch, the protocol of the authors'
score_networks.py (Mellor et al. 2021) on the skeleton of nb201_torch.py: one output class, the
network in train mode (batch-statistics BatchNorm), a forward hook on every nn.ReLU that adds the
batch's binary codes to K = c·cᵀ + (1−c)·(1−c)ᵀ, score = slogdet(K)[1]. Under torch.no_grad() (the
authors also run a backward pass, which NASWOT does not need; leaving it out favours the peer).

Reads architecture strings (one per line) from --cells FILE; prints one summary line:
  torch naswot cells=N threads=T batch=B wall_s=... cpu_s=... per_cell_ms=...
Inputs are random normal images of CIFAR-10's shape (time does not depend on the values)."""
import argparse
import os
import sys
import time

import numpy as np
import torch
import torch.nn as nn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from nb201_torch import Net  # noqa: E402


def score(net, x):
    k = torch.zeros(x.shape[0], x.shape[0], dtype=torch.float64)

    def hook(module, inp, out):
        c = (inp[0].reshape(inp[0].shape[0], -1) > 0).float()
        k.add_((c @ c.t() + (1 - c) @ (1 - c).t()).double())

    hooks = [m.register_forward_hook(hook) for m in net.modules() if isinstance(m, nn.ReLU)]
    with torch.no_grad():
        net(x)
    for h in hooks:
        h.remove()
    return np.linalg.slogdet(k.numpy())[1]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cells", required=True)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--batch", type=int, default=128)
    ap.add_argument("--c", type=int, default=16)
    ap.add_argument("--n", type=int, default=5)
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(1)
    cells = [l.strip() for l in open(args.cells) if l.strip()]
    if args.limit:
        cells = cells[:args.limit]
    x = torch.randn(args.batch, 3, 32, 32)
    score(Net(cells[0], args.c, args.n, 1).train(), x)  # warm-up
    c0, w0 = time.process_time(), time.perf_counter()
    for arch in cells:
        score(Net(arch, args.c, args.n, 1).train(), x)
    wall, cpu = time.perf_counter() - w0, time.process_time() - c0
    print(f"torch naswot cells={len(cells)} threads={args.threads} batch={args.batch} wall_s={wall:.2f} "
          f"cpu_s={cpu:.2f} per_cell_ms={wall / len(cells) * 1e3:.1f}")


if __name__ == "__main__":
    main()
