#!/usr/bin/env python3
"""Peer for MnistAccuracy: 784-200-200-10 ReLU MLP, Adam(1e-3), batch 128, 10 epochs on all 60,000
MNIST training images (pixels / 255, standardised with the
training set's mean and std, shuffled each epoch), test accuracy on the 10,000 test images.
Usage: mnist_mlp_torch.py DATA_DIR [seeds=1,2,3]"""
import gzip
import statistics
import sys

import numpy as np
import torch


def idx(path):
    with gzip.open(path, "rb") as f:
        raw = f.read()
    ndim = raw[3]
    dims = [int.from_bytes(raw[4 + 4 * i:8 + 4 * i], "big") for i in range(ndim)]
    return np.frombuffer(raw, dtype=np.uint8, offset=4 + 4 * ndim).reshape(dims)


def main():
    d = sys.argv[1] + "/mnist/"
    seeds = [int(s) for s in (sys.argv[2] if len(sys.argv) > 2 else "1,2,3").split(",")]
    xtr = torch.from_numpy(idx(d + "train-images-idx3-ubyte.gz").reshape(-1, 784).astype(np.float32) / 255)
    ytr = torch.from_numpy(idx(d + "train-labels-idx1-ubyte.gz").astype(np.int64))
    xte = torch.from_numpy(idx(d + "t10k-images-idx3-ubyte.gz").reshape(-1, 784).astype(np.float32) / 255)
    yte = torch.from_numpy(idx(d + "t10k-labels-idx1-ubyte.gz").astype(np.int64))
    mean, std = xtr.mean(), xtr.std()  # same standardisation as MnistAccuracy
    xtr, xte = (xtr - mean) / std, (xte - mean) / std
    torch.set_num_threads(2)
    accs = []
    for seed in seeds:
        torch.manual_seed(seed)
        model = torch.nn.Sequential(torch.nn.Linear(784, 200), torch.nn.ReLU(), torch.nn.Linear(200, 200),
                                    torch.nn.ReLU(), torch.nn.Linear(200, 10))
        opt = torch.optim.Adam(model.parameters(), lr=1e-3)
        loss_fn = torch.nn.CrossEntropyLoss()
        for _ in range(10):
            perm = torch.randperm(xtr.shape[0])
            for s in range(0, xtr.shape[0], 128):
                i = perm[s:s + 128]
                opt.zero_grad()
                loss_fn(model(xtr[i]), ytr[i]).backward()
                opt.step()
        with torch.no_grad():
            acc = 100 * (model(xte).argmax(1) == yte).float().mean().item()
        accs.append(acc)
        print(f"torch seed={seed} test_accuracy={acc:.2f}%", flush=True)
    print(f"torch mean {statistics.mean(accs):.2f} ± {statistics.stdev(accs) if len(accs) > 1 else 0:.2f}%")


if __name__ == "__main__":
    main()
