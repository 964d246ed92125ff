#!/usr/bin/env bash
# Times scikit-learn's IsolationForest and PyOD's ECOD against `riskml anomaly` on the
# same 1,000,000 x 8 table, and prints times, peak memory and ratios.
#
# Usage: bench/anomaly/run.sh [ROWS]    (from the repository root; default 1000000)
# Needs python3 with venv, network access to PyPI the first time, and a Swift toolchain.
set -euo pipefail

rows="${1:-1000000}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
venv="$root/bench/.venv"
out="$root/bench/out"
table="$out/anomaly_${rows}x8.csv"
mkdir -p "$out"

if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet scikit-learn pyod
fi
if [ ! -f "$table" ]; then
  "$venv/bin/python" "$root/bench/anomaly/peer.py" generate "$table" "$rows"
fi

echo "== peers (2 jobs) on $table"
"$venv/bin/python" "$root/bench/anomaly/peer.py" time "$table" | tee "$out/anomaly_peer.txt"

echo "== riskml (release, 2 threads)"
(cd "$root" && swift build -c release --product riskml >/dev/null)
riskml="$root/.build/release/riskml"
: >"$out/anomaly_riskml.txt"
for algorithm in isolation-forest ecod; do
  /usr/bin/time -v "$riskml" anomaly --algorithm "$algorithm" --threads 2 "$table" \
    -o "$out/anomaly_$algorithm.jsonl" 2>"$out/anomaly_time_$algorithm.txt" || {
      echo "riskml anomaly --algorithm $algorithm failed; see $out/anomaly_time_$algorithm.txt"
      continue
    }
  wall=$(grep "Elapsed (wall clock)" "$out/anomaly_time_$algorithm.txt" | awk '{print $NF}')
  rss=$(grep "Maximum resident set size" "$out/anomaly_time_$algorithm.txt" | awk '{print $NF}')
  echo "riskml-$algorithm wall=$wall peak_rss_mib=$((rss / 1024))" \
    | tee -a "$out/anomaly_riskml.txt"
done

echo "== ratios (peer total / riskml wall)"
"$venv/bin/python" - "$out/anomaly_peer.txt" "$out/anomaly_riskml.txt" <<'PY'
import sys

def seconds(text):
    parts = [float(p) for p in text.split(":")]
    return sum(p * 60 ** i for i, p in enumerate(reversed(parts)))

peer = {}
for line in open(sys.argv[1]):
    fields = dict(f.split("=") for f in line.split()[1:] if "=" in f)
    peer[line.split()[0]] = fields
for line in open(sys.argv[2]):
    name, *rest = line.split()
    fields = dict(f.split("=") for f in rest)
    key = {"riskml-isolation-forest": "sklearn-iforest", "riskml-ecod": "pyod-ecod"}[name]
    ratio = float(peer[key]["total_s"]) / seconds(fields["wall"])
    print(f"{key} / {name}: {ratio:.2f}x faster; peak RSS "
          f"{peer[key]['peak_rss_mib']} MiB vs {fields['peak_rss_mib']} MiB")
PY
