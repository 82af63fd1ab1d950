#!/usr/bin/env python3
"""Peer for Nb201NetBench: the NAS-Bench-201 network skeleton (nas-bench-201.md: stem Conv3x3+BN,
3 stages of N cells, ResNet reduction blocks, head BN-ReLU-GAP-Linear) written from the reference
facts in PyTorch, for two things:
  --params : print the parameter count of a cell's network (checks Nb201Network's count);
  timing   : median time of one forward+backward (softmax cross-entropy) at batch B in train mode,
             per thread count, one line each:
             torch threads=T cell=... batch=B fwd_bwd_ms_median=... runs=[...]
Inputs are random normal values of CIFAR-10's shape; time does not depend on the values."""
import argparse
import statistics
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

OPS = ["none", "skip_connect", "nor_conv_1x1", "nor_conv_3x3", "avg_pool_3x3"]


def relu_conv_bn(cin, cout, k, stride, pad):
    return nn.Sequential(nn.ReLU(), nn.Conv2d(cin, cout, k, stride, pad, bias=False), nn.BatchNorm2d(cout))


class Cell(nn.Module):
    def __init__(self, ops, c):
        super().__init__()
        self.ops = ops
        mods = []
        for op in ops:
            if op == "none":
                mods.append(None)
            elif op == "skip_connect":
                mods.append(nn.Identity())
            elif op == "nor_conv_1x1":
                mods.append(relu_conv_bn(c, c, 1, 1, 0))
            elif op == "nor_conv_3x3":
                mods.append(relu_conv_bn(c, c, 3, 1, 1))
            else:
                mods.append(nn.AvgPool2d(3, 1, 1, count_include_pad=False))
        self.edges = nn.ModuleList([m if m is not None else nn.Identity() for m in mods])
        self.none = [m is None for m in mods]

    def forward(self, x):
        nodes = [x]
        e = 0
        for j in range(1, 4):
            s = None
            for i in range(j):
                if not self.none[e]:
                    y = self.edges[e](nodes[i])
                    s = y if s is None else s + y
                e += 1
            nodes.append(s if s is not None else torch.zeros_like(x))
        return nodes[3]


class Reduction(nn.Module):
    def __init__(self, cin, cout):
        super().__init__()
        self.a = relu_conv_bn(cin, cout, 3, 2, 1)
        self.b = relu_conv_bn(cout, cout, 3, 1, 1)
        self.shortcut = nn.Sequential(nn.AvgPool2d(2, 2), nn.Conv2d(cin, cout, 1, bias=False))

    def forward(self, x):
        return self.b(self.a(x)) + self.shortcut(x)


class Net(nn.Module):
    def __init__(self, arch, c=16, n=5, classes=10):
        super().__init__()
        ops = [tok.split("~")[0] for tok in arch.replace("+", "").split("|") if tok]
        assert len(ops) == 6 and all(o in OPS for o in ops), arch
        self.stem = nn.Sequential(nn.Conv2d(3, c, 3, padding=1, bias=False), nn.BatchNorm2d(c))
        blocks = []
        ch = c
        for stage in range(3):
            if stage > 0:
                blocks.append(Reduction(ch, ch * 2))
                ch *= 2
            blocks += [Cell(ops, ch) for _ in range(n)]
        self.blocks = nn.Sequential(*blocks)
        self.head = nn.Sequential(nn.BatchNorm2d(ch), nn.ReLU(), nn.AdaptiveAvgPool2d(1), nn.Flatten(),
                                  nn.Linear(ch, classes))

    def forward(self, x):
        return self.head(self.blocks(self.stem(x)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cell", default="|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_1x1~2|")
    ap.add_argument("--params", action="store_true")
    ap.add_argument("--threads", default="1,2")
    ap.add_argument("--batch", type=int, default=128)
    ap.add_argument("--repeats", type=int, default=7)
    ap.add_argument("--c", type=int, default=16)
    ap.add_argument("--n", type=int, default=5)
    args = ap.parse_args()
    torch.manual_seed(0)
    if args.params:
        for arch in args.cell.split(","):
            print(f"torch cell={arch} params={sum(p.numel() for p in Net(arch, args.c, args.n).parameters())}")
        return
    net = Net(args.cell, args.c, args.n)
    x = torch.randn(args.batch, 3, 32, 32)
    y = torch.randint(0, 10, (args.batch,))
    net.train()
    for t in [int(s) for s in args.threads.split(",")]:
        torch.set_num_threads(t)
        runs = []
        for r in range(args.repeats + 1):
            t0 = time.perf_counter()
            net.zero_grad(set_to_none=False)
            F.cross_entropy(net(x), y).backward()
            ms = (time.perf_counter() - t0) * 1e3
            if r > 0:  # first run warms up allocators
                runs.append(round(ms, 1))
        print(f"torch threads={t} cell={args.cell} batch={args.batch} fwd_bwd_ms_median={statistics.median(runs):.1f} runs={runs}")


if __name__ == "__main__":
    main()
