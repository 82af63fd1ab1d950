#!/usr/bin/env bash
# WANN population evaluation (960 genomes x 6 shared weights x 1,000 MNIST256 images):
# connectome (1 and 2 threads) and the WANNRelease-style numpy peer interleaved in one run (the
# peer runs after every round of Java timings), with per-round and median ratios.
# Usage: bench/run-wann-eval.sh [--from-dir DIR_OF_OUT_FILES | --from-study STUDY.db] [other WannEvalBench options]
# Needs MNIST under $CONNECTOME_DATA (default ../shared/data). PEER_STRIDE=k: the peer evaluates every k-th genome.
set -euo pipefail
cd "$(dirname "$0")/.."
target="${CONNECTOME_TARGET:-target}"
mvn -q -B -o -DskipTests -Dconnectome.target="$target" -pl bench -am package
java --add-modules jdk.incubator.vector -XX:+UseParallelGC -Xmx4g -cp bench/"$target"/benchmarks.jar \
  dev.connectome.bench.WannEvalBench --work bench/"$target"/wann-eval --repeats "${ROUNDS:-5}" \
  --peer "python3 bench/peers/wann_eval_numpy.py" --peer-stride "${PEER_STRIDE:-20}" "$@" 2>/dev/null
