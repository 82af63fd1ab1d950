#!/usr/bin/env bash
# WANN population evaluation (960 genomes x 6 shared weights x 1,000 MNIST256 images):
# connectome (1 and 2 threads) and the WANNRelease-style numpy peer side by side in one run.
# Usage: bench/run-wann-eval.sh [--from-dir DIR_OF_OUT_FILES] [other WannEvalBench options]
# Needs MNIST under $CONNECTOME_DATA (default ../shared/data).
set -euo pipefail
cd "$(dirname "$0")/.."
target="${CONNECTOME_TARGET:-target}"
mvn -q -B -o -DskipTests -Dconnectome.target="$target" -pl bench -am package
work=bench/"$target"/wann-eval
out="$(mktemp)"
java --add-modules jdk.incubator.vector -XX:+UseParallelGC -Xmx4g -cp bench/"$target"/benchmarks.jar \
  dev.connectome.bench.WannEvalBench --work "$work" "$@" 2>/dev/null | tee -a "$out"
OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 \
  python3 bench/peers/wann_eval_numpy.py --work "$work" --stride "${PEER_STRIDE:-20}" | tee -a "$out"
python3 - "$out" <<'PY'
import re, sys
java, peer = {}, None
for line in open(sys.argv[1]):
    m = re.match(r"connectome threads=(\d+).* ms_per_eval=([\d.]+) .*cpu_ms_per_eval=([\d.]+)", line)
    if m:
        java[int(m.group(1))] = (float(m.group(2)), float(m.group(3)))
    m = re.match(r"numpy .* ms_per_eval=([\d.]+) .*cpu_ms_per_eval=([\d.]+)", line)
    if m:
        peer = (float(m.group(1)), float(m.group(2)))
for t, (wall, cpu) in sorted(java.items()):
    print(f"speed-up threads={t} numpy(1 thread)/connectome: wall {peer[0] / wall:.1f}x, cpu time {peer[1] / cpu:.1f}x")
PY
