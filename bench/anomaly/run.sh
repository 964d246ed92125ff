#!/usr/bin/env bash
# Times scikit-learn's IsolationForest and PyOD's ECOD against `riskml anomaly` on the
# same 1,000,000 x 8 table, and prints times, peak memory and ratios. riskml runs each
# detector three ways: fit-and-score (the peers' equivalent, CSV parsing included), fit
# to a model file, and streaming score with that model (on the whole table and on its
# first 100,000 rows, to show that peak memory does not grow with the rows scored).
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

[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/pip" install --quiet scikit-learn pyod
if [ ! -f "$table" ]; then
  "$venv/bin/python" "$root/bench/anomaly/peer.py" generate "$table" "$rows"
fi

echo "== peers (2 jobs) on $table"
"$venv/bin/python" "$root/bench/anomaly/peer.py" time "$table" | tee "$out/anomaly_peer.txt"

echo "== riskml (release, 2 threads)"
(cd "$root" && swift build -c release --product riskml >/dev/null)
riskml="$root/.build/release/riskml"
common=(--no-config --exclude is_anomaly --seed 0 --threads 2)
head -n 100001 "$table" >"$out/anomaly_head100k.csv"
: >"$out/anomaly_riskml.txt"

# timed NAME COMMAND...: runs COMMAND under /usr/bin/time -v and appends one line.
timed() {
  local name="$1"
  shift
  /usr/bin/time -v "$@" 2>"$out/anomaly_time_$name.txt" || {
    echo "$name failed; see $out/anomaly_time_$name.txt"
    return 0
  }
  local wall rss
  wall=$(grep "Elapsed (wall clock)" "$out/anomaly_time_$name.txt" | awk '{print $NF}')
  rss=$(grep "Maximum resident set size" "$out/anomaly_time_$name.txt" | awk '{print $NF}')
  echo "$name wall=$wall peak_rss_mib=$((rss / 1024))" | tee -a "$out/anomaly_riskml.txt"
}

for algorithm in isolation-forest ecod; do
  timed "riskml-$algorithm" "$riskml" anomaly --algorithm "$algorithm" "${common[@]}" \
    "$table" -o "$out/anomaly_$algorithm.jsonl"
  timed "fit-$algorithm" "$riskml" anomaly fit --algorithm "$algorithm" "${common[@]}" \
    "$table" -o "$out/anomaly_$algorithm.model.json"
  timed "score-$algorithm" "$riskml" anomaly score --model "$out/anomaly_$algorithm.model.json" \
    --threads 2 --no-config "$table" -o "$out/anomaly_scored_$algorithm.jsonl"
  timed "score100k-$algorithm" "$riskml" anomaly score \
    --model "$out/anomaly_$algorithm.model.json" --threads 2 --no-config \
    "$out/anomaly_head100k.csv" -o "$out/anomaly_scored100k_$algorithm.jsonl"
done

echo "== riskml ROC-AUC (fit-and-score output)"
"$venv/bin/python" - "$out" <<'PY'
import json
import sys

from sklearn.metrics import roc_auc_score

for algorithm in ["isolation-forest", "ecod"]:
    labels, scores = [], []
    with open(f"{sys.argv[1]}/anomaly_{algorithm}.jsonl") as lines:
        for line in lines:
            record = json.loads(line)
            labels.append(int(record["is_anomaly"]))
            scores.append(record["anomaly_score"])
    print(f"riskml-{algorithm} auc={roc_auc_score(labels, scores):.4f}")
PY

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
    if not name.startswith("riskml-"):
        continue
    fields = dict(f.split("=") for f in rest)
    key = {"riskml-isolation-forest": "sklearn-iforest", "riskml-ecod": "pyod-ecod"}[name]
    ratio = float(peer[key]["total_s"]) / seconds(fields["wall"])
    print(f"{key} / {name}: {ratio:.2f}x faster; peak RSS "
          f"{peer[key]['peak_rss_mib']} MiB vs {fields['peak_rss_mib']} MiB")
PY
