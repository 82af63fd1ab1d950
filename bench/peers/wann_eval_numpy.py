#!/usr/bin/env python3
"""WANN population evaluation on MNIST256 the way WANNRelease does it (peer of WannEvalBench).

Follows ../shared/reference/wann.md "How WANN evaluates a file" literally: load the .out matrix,
NaN -> 0, mask C = (W != 0), for each shared weight w use w*C, node[0] = 1, node[1..nIn] = inputs,
for i = nIn+1 .. N-1: node[:, i] = act(aVec[i], node @ W[:, i]) (float64, as numpy defaults),
outputs = last nOut nodes; fitness = -mean cross-entropy of softmax(outputs).
Evaluates every STRIDE-th genome of the work directory written by WannEvalBench and extrapolates
the time to the whole population; also checks its fitness against the Java values.
"""
import argparse, glob, os, time
import numpy as np

WEIGHTS = [-2.0, -1.0, -0.5, 0.5, 1.0, 2.0]


def apply_act(act_id, x):
    if act_id == 1:
        return x
    if act_id == 2:
        return 1.0 * (x > 0.0)
    if act_id == 3:
        return np.sin(np.pi * x)
    if act_id == 4:
        return np.exp(-np.multiply(x, x) / 2.0)
    if act_id == 5:
        return np.tanh(x)
    if act_id == 6:
        return (np.tanh(x / 2.0) + 1.0) / 2.0
    if act_id == 7:
        return -x
    if act_id == 8:
        return abs(x)
    if act_id == 9:
        return np.maximum(0, x)
    if act_id == 10:
        return np.cos(np.pi * x)
    if act_id == 11:
        return x ** 2
    return x


def act(w_mat, a_vec, n_in, n_out, x):
    n_nodes = w_mat.shape[0]
    node = np.zeros((x.shape[0], n_nodes))
    node[:, 0] = 1
    node[:, 1:n_in + 1] = x
    for i in range(n_in + 1, n_nodes):
        raw = np.dot(node, w_mat[:, i]).squeeze()
        node[:, i] = apply_act(a_vec[i], raw)
    return node[:, -n_out:]


def fitness(out, labels):
    z = out - out.max(axis=1, keepdims=True)
    logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
    return float(logp[np.arange(len(labels)), labels].mean())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--work", default="bench/target/wann-eval")
    ap.add_argument("--stride", type=int, default=20)
    a = ap.parse_args()
    files = sorted(glob.glob(os.path.join(a.work, "genomes", "*.out")))
    x = np.fromfile(os.path.join(a.work, "images.f32"), dtype="<f4").reshape(-1, 256).astype(np.float64)
    labels = np.fromfile(os.path.join(a.work, "labels.i32"), dtype="<i4")
    java = np.loadtxt(os.path.join(a.work, "fitness_java.csv"), delimiter=",", ndmin=2)
    subset = list(range(0, len(files), a.stride))
    worst = 0.0
    nets = []
    for g in subset:  # parsing the files is not part of the timed evaluation
        m = np.loadtxt(files[g], delimiter=",")
        nets.append((g, m[:, :-1].copy(), m[:, -1].astype(int)))
    t0 = time.perf_counter()
    c0 = time.process_time()
    for g, w_mat, a_vec in nets:
        w_mat[np.isnan(w_mat)] = 0
        conn = (w_mat != 0).astype(np.float64)
        for k, w in enumerate(WEIGHTS):
            f = fitness(act(w * conn, a_vec, 256, 10, x), labels)
            if np.isfinite(f) and np.isfinite(java[g, k]):
                worst = max(worst, abs(f - java[g, k]) / (1 + abs(f)))
    secs = time.perf_counter() - t0
    cpu = time.process_time() - c0
    evals = len(subset) * len(WEIGHTS)
    per = secs / evals
    print(f"numpy genomes_evaluated={len(subset)} of {len(files)} images={len(labels)} seconds={secs:.3f} "
          f"ms_per_eval={per * 1e3:.4f} extrapolated_population_s={per * len(files) * len(WEIGHTS):.2f} "
          f"cpu_s={cpu:.3f} cpu_ms_per_eval={cpu / evals * 1e3:.4f} "
          f"max_rel_fitness_diff_vs_java={worst:.2e}")


if __name__ == "__main__":
    main()
