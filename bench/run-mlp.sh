#!/usr/bin/env bash
# MLP epoch benchmark: connectome and PyTorch side by side in one run, then the ratio.
# Usage: bench/run-mlp.sh [repeats]
set -euo pipefail
cd "$(dirname "$0")/.."
repeats="${1:-3}"
mvn -q -B -DskipTests -pl bench -am package
out="$(mktemp)"
java --add-modules jdk.incubator.vector -XX:+UseParallelGC -Xmx4g -cp bench/target/benchmarks.jar \
  dev.connectome.bench.MlpEpochBench 1,2 "$repeats" 2>/dev/null | tee -a "$out"
python3 bench/peers/mlp_torch.py --threads 1,2 --repeats "$repeats" 2>/dev/null | tee -a "$out"
python3 - "$out" <<'PY'
import re, sys
ms = {}
for line in open(sys.argv[1]):
    m = re.match(r"(\S+).*threads=(\d+) epoch_ms_median=([\d.]+)", line)
    if m:
        ms[(m.group(1), int(m.group(2)))] = float(m.group(3))
for t in (1, 2):
    if ("connectome", t) in ms and ("torch", t) in ms:
        print(f"ratio threads={t} connectome/torch = {ms[('connectome', t)] / ms[('torch', t)]:.2f}")
PY
