#!/usr/bin/env bash
# Conv layers (NB201-like ReLU -> Conv -> BN blocks, batch 128, forward + backward): connectome and
# PyTorch side by side in one run, one thread count at a time (connectome, then torch, so both see
# the same machine load), then the ratio connectome/torch per shape and thread count.
#
#   bench/run-conv.sh [steps]           build the bench jar, then run both
#   SKIP_BUILD=1 bench/run-conv.sh      reuse bench/<target>/benchmarks.jar
#   CONNECTOME_TARGET=target-x ...      build directory name (as -Dconnectome.target)
#   THREADS="1 2" SHAPES=all            a subset
#   ROUNDS=3                            interleaved repetitions (connectome, torch, connectome, ...);
#                                       the table gives the median over rounds of each figure
#   CONV_CP=dir-or-jar:...              run connectome from this class path instead of the jar
#                                       (e.g. engine/<target>/classes plus a compiled ConvBench)
set -euo pipefail
cd "$(dirname "$0")/.."
steps="${1:-10}"
target="${CONNECTOME_TARGET:-target}"
jar="bench/$target/benchmarks.jar"
shapes="${SHAPES:-all}"
cp="${CONV_CP:-$jar}"
if [ "${SKIP_BUILD:-0}" != 1 ] && [ -z "${CONV_CP:-}" ]; then
  mvn -q -B -DskipTests -Dconnectome.target="$target" -pl bench -am package
fi
out="$(mktemp)"
trap 'rm -f "$out"' EXIT
for r in $(seq "${ROUNDS:-1}"); do
  for t in ${THREADS:-1 2}; do
    java --add-modules jdk.incubator.vector -XX:+UseParallelGC -Xmx4g -cp "$cp" \
      dev.connectome.bench.ConvBench "$t" "$steps" "$shapes" 2>/dev/null | tee -a "$out"
    python3 bench/peers/conv_torch.py --threads "$t" --steps "$steps" --shapes "$shapes" 2>/dev/null | tee -a "$out"
  done
done
python3 - "$out" <<'PY'
import re, statistics, sys
runs = {}
for line in open(sys.argv[1]):
    m = re.match(r"(\S+) shape=(\S+) threads=(\d+) ms_median=([\d.]+) ms_best=([\d.]+) cpu_ms_median=([\d.]+)", line)
    if m:
        runs.setdefault((m.group(1), m.group(2), int(m.group(3))), []).append(
            tuple(float(m.group(i)) for i in (4, 5, 6)))
# Per figure, the median over the interleaved rounds.
ms = {key: tuple(statistics.median(r[i] for r in rs) for i in range(3)) for key, rs in runs.items()}
print("| shape | threads | connectome ms median / best / cpu | torch ms median / best / cpu | ratio median | ratio best | ratio cpu |")
print("|---|---|---|---|---|---|---|")
for (side, shape, t), (med, best, cpu) in sorted(ms.items(), key=lambda kv: (kv[0][2], kv[0][1])):
    if side != "connectome" or ("torch", shape, t) not in ms:
        continue
    tm, tb, tc = ms[("torch", shape, t)]
    print(f"| {shape} | {t} | {med:.1f} / {best:.1f} / {cpu:.1f} | {tm:.1f} / {tb:.1f} / {tc:.1f} "
          f"| {med / tm:.2f} | {best / tb:.2f} | {cpu / tc:.2f} |")
PY
