#!/usr/bin/env bash
# SGEMM: connectome (JMH) and numpy/OpenBLAS on the same shapes in one run, one line per
# shape x threads with both GFLOP/s figures and their ratio (connectome / numpy).
# Each shape x threads pair is measured back to back (JMH, then numpy) so that both sides see
# the same machine load. Both sides warm up for 3 x 1 s, then time 30 iterations of 100 ms and
# report the best iteration (STAT=best, default: the figure least disturbed by other processes on
# a shared machine) or the median one (STAT=median).
# numpy runs twice: with the OpenBLAS kernel it picks itself, and with OPENBLAS_CORETYPE=SkylakeX
# (AVX-512 kernels). On AMD Zen 4/5 the wheel's OpenBLAS picks its Haswell (AVX2) kernels, which
# understates what OpenBLAS can do there; the forced AVX-512 run is the stronger peer.
# Set PEER_CORETYPES="" to skip the forced run.
#
#   bench/run-sgemm.sh                 build the bench jar, then run both
#   SKIP_BUILD=1 bench/run-sgemm.sh    reuse bench/<target>/benchmarks.jar
#   CONNECTOME_TARGET=target-x ...     build directory name (as -Dconnectome.target)
#   SHAPES="512x512x512" THREADS="1"   a subset
set -euo pipefail
cd "$(dirname "$0")/.."
target="${CONNECTOME_TARGET:-target}"
jar="bench/$target/benchmarks.jar"
shapes="${SHAPES:-128x784x200 128x200x200 512x512x512}"
threads_list="${THREADS:-1 2}"
stat="${STAT:-best}"
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  mvn -q -DskipTests -Dconnectome.target="$target" -pl bench -am package
fi
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

coretypes="${PEER_CORETYPES-SkylakeX}"
corename="$(python3 - <<'PY'
import ctypes, glob, os, numpy
libs = glob.glob(os.path.join(os.path.dirname(numpy.__file__), os.pardir, "numpy.libs", "*openblas*"))
name = "?"
for lib in libs:
    dll = ctypes.CDLL(lib)
    for sym in ("scipy_openblas_get_corename64_", "openblas_get_corename64_", "openblas_get_corename"):
        if hasattr(dll, sym):
            f = getattr(dll, sym); f.restype = ctypes.c_char_p; name = f().decode(); break
print(name)
PY
)"
header="$(printf '%-18s %7s %11s %17s %6s' 'shape (m x k x n)' threads 'connectome' "numpy($corename)" ratio)"
for ct in $coretypes; do header="$header $(printf '%17s %6s' "numpy($ct)" ratio)"; done
echo "GFLOP/s (2*m*n*k per call, $stat of 30 x 100 ms); ratio = connectome / numpy"
echo "$header"
for shape in $shapes; do
  for t in $threads_list; do
    java -jar "$jar" 'dev.connectome.bench.SgemmBench' -p shape="$shape" -p threads="$t" \
      -f 1 -wi 3 -i 30 -w 1s -r 100ms -rf json -rff "$out/jmh.json" > "$out/jmh.log" \
      || { cat "$out/jmh.log" >&2; exit 1; }
    OPENBLAS_NUM_THREADS=$t OMP_NUM_THREADS=$t MKL_NUM_THREADS=$t \
      python3 bench/peers/sgemm_numpy.py --threads "$t" --shape "$shape" --stat "$stat" > "$out/numpy.json"
    for ct in $coretypes; do
      OPENBLAS_CORETYPE=$ct OPENBLAS_NUM_THREADS=$t OMP_NUM_THREADS=$t MKL_NUM_THREADS=$t \
        python3 bench/peers/sgemm_numpy.py --threads "$t" --shape "$shape" --stat "$stat" >> "$out/numpy.json"
    done
    python3 - "$out/jmh.json" "$out/numpy.json" "$stat" <<'PY'
import json, statistics, sys
r = json.load(open(sys.argv[1]))[0]
peers = [json.loads(line) for line in open(sys.argv[2])]
shape, threads = r["params"]["shape"], int(r["params"]["threads"])
m, k, n = map(int, shape.split("x"))
raw = [x for fork in r["primaryMetric"]["rawData"] for x in fork]
us = min(raw) if sys.argv[3] == "best" else statistics.median(raw)
ours = 2.0 * m * n * k / (us * 1e-6) / 1e9
line = f"{shape:<18} {threads:>7} {ours:>11.1f}"
for peer in peers:
    line += f" {peer['gflops']:>17.1f} {ours / peer['gflops']:>6.2f}"
print(line, flush=True)
PY
  done
done
