#!/usr/bin/env python3
"""Make the class-balanced MNIST sample embedded in the connectome jar.

Selection rule: from the MNIST training set take 1,000 images of each digit and from the
test set 200 of each digit (10,000 + 2,000). Within each class the images are chosen
uniformly without replacement by numpy.random.RandomState(SEED).choice; the chosen indices
are kept in their original file order. The output is four gzip'd IDX files (gzip mtime 0,
so reruns give identical bytes) plus README.md recording the source SHA-256 sums.

Usage: python3 nas/scripts/make_mnist_sample.py [SOURCE_DIR] [OUT_DIR]
defaults: ../shared/data/mnist (relative to the repo root) and
nas/src/main/resources/dev/connectome/nas/data/mnist-sample
"""
import gzip
import hashlib
import io
import os
import struct
import sys

import numpy as np

SEED = 20260101
PER_CLASS = {"train": 1000, "t10k": 200}
REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def content_sha256(path):
    with gzip.open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def read_idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    magic, = struct.unpack(">I", data[:4])
    ndim = magic & 0xFF
    dims = struct.unpack(">" + "I" * ndim, data[4:4 + 4 * ndim])
    arr = np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * ndim)
    return arr.reshape(dims)


def write_idx_gz(path, arr, magic):
    header = struct.pack(">I", magic) + b"".join(struct.pack(">I", d) for d in arr.shape)
    raw = io.BytesIO()
    # mtime=0 and no file name keep the bytes reproducible.
    with gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=9, mtime=0) as g:
        g.write(header + arr.astype(np.uint8).tobytes())
    with open(path, "wb") as f:
        f.write(raw.getvalue())


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(REPO), "shared", "data", "mnist")
    out = sys.argv[2] if len(sys.argv) > 2 else os.path.join(
        REPO, "nas", "src", "main", "resources", "dev", "connectome", "nas", "data", "mnist-sample")
    os.makedirs(out, exist_ok=True)
    rng = np.random.RandomState(SEED)
    sums = []
    counts = {}
    for part in ("train", "t10k"):
        img_name, lbl_name = f"{part}-images-idx3-ubyte.gz", f"{part}-labels-idx1-ubyte.gz"
        images, labels = read_idx(os.path.join(src, img_name)), read_idx(os.path.join(src, lbl_name))
        sums += [(n, sha256(os.path.join(src, n)), content_sha256(os.path.join(src, n))) for n in (img_name, lbl_name)]
        chosen = []
        for digit in range(10):
            candidates = np.flatnonzero(labels == digit)
            chosen.append(rng.choice(candidates, PER_CLASS[part], replace=False))
        idx = np.sort(np.concatenate(chosen))
        counts[part] = len(idx)
        write_idx_gz(os.path.join(out, img_name), images[idx], 0x00000803)
        write_idx_gz(os.path.join(out, lbl_name), labels[idx], 0x00000801)
    out_sums = [(n, sha256(os.path.join(out, n))) for n, _, _ in sums]
    with open(os.path.join(out, "README.md"), "w") as f:
        f.write("# Embedded MNIST sample\n\n")
        f.write("A class-balanced subset of MNIST (LeCun, Cortes and Burges) shipped inside the jar so that\n")
        f.write("every command has a default data set without a download. Made by\n")
        f.write("`python3 nas/scripts/make_mnist_sample.py` from the four MNIST IDX files in `shared/data/mnist`.\n\n")
        f.write(f"Selection rule: {PER_CLASS['train']} training images per digit from the 60,000 training images\n")
        f.write(f"({counts['train']} in all) and {PER_CLASS['t10k']} test images per digit from the 10,000 test images\n")
        f.write(f"({counts['t10k']} in all); within each class chosen uniformly without replacement by\n")
        f.write(f"`numpy.random.RandomState({SEED}).choice` (classes 0..9 in order, training set first),\n")
        f.write("kept in their original file order. Pixels and labels are unchanged.\n\n")
        f.write("Source files: SHA-256 of the gzip files as read, and of their decompressed IDX content\n")
        f.write("(the gzip sums differ from those of the files on the public MNIST mirrors, e.g. 440fcabf... for\n")
        f.write("train-images, so these copies were recompressed; the decompressed content is what was used):\n\n")
        f.write("| source file | sha256 (gzip) | sha256 (decompressed) |\n|---|---|---|\n")
        for n, s, c in sums:
            f.write(f"| {n} | {s} | {c} |\n")
        f.write("\nFiles here (gzip with mtime 0, so a rerun reproduces them byte for byte):\n\n")
        f.write("| file | sha256 |\n|---|---|\n")
        for n, s in out_sums:
            f.write(f"| {n} | {s} |\n")
    print("wrote", out, counts)


if __name__ == "__main__":
    main()
