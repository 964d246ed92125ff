#!/usr/bin/env bash
# Times PyPortfolioOpt and scikit-learn against `riskml portfolio` on the same synthetic
# data, in one run, and prints times, ratios and the answers side by side. Needs
# bench/.venv with
#   pip install pyportfolioopt scikit-learn
# riskml's time is the whole command (reading the CSV, estimating, optimising, the risk
# report and writing); the peers' is the library call on data already in memory.
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -x bench/.venv/bin/python ] || python3 -m venv bench/.venv
bench/.venv/bin/pip install --quiet pyportfolioopt scikit-learn pandas
python=bench/.venv/bin/python
out=bench/out/portfolio
mkdir -p "$out"

"$python" bench/portfolio/peer.py "$out" | tee "$out/peer.jsonl"

swift build -c release --product riskml >/dev/null
riskml=$(swift build -c release --show-bin-path)/riskml

# Best of five wall-clock runs of a riskml command, in seconds.
best_of_five() {
  local best=""
  for _ in 1 2 3 4 5; do
    local start end
    start=$(date +%s.%N)
    "$@" >/dev/null
    end=$(date +%s.%N)
    best=$(echo "$start $end $best" | awk '{t = $2 - $1; if ($3 == "" || t < $3) print t; else print $3}')
  done
  echo "$best"
}

peer_seconds() { grep "\"$1\"" "$out/peer.jsonl" | sed 's/.*"seconds": \([0-9.e-]*\).*/\1/'; }

# One task: its peer key, the returns file, then the riskml portfolio options.
run_task() {
  local task=$1 file=$2
  shift 2
  local command=("$riskml" portfolio --no-config --returns "$@" "$out/$file")
  local ours theirs
  ours=$(best_of_five "${command[@]}")
  "${command[@]}" --summary "$out/$task.summary.json" >"$out/$task.jsonl"
  theirs=$(peer_seconds "$task")
  awk -v t="$task" -v a="$ours" -v b="$theirs" \
    'BEGIN { printf "%-18s riskml %.4f s  peer %.4f s  ratio %.2fx\n", t, a, b, b / a }'
}

run_task min-variance-500 returns_500.csv --objective min-variance
run_task hrp-200 returns_200.csv --objective hrp
run_task ledoit-wolf-2000 returns_2000.csv --cov ledoit-wolf --weights equal

"$python" - "$out" <<'PY'
import json, sys
out = sys.argv[1]
peer = {r["task"]: r for r in map(json.loads, open(f"{out}/peer.jsonl"))}
def weights(task):
    return [json.loads(line)["weight"] for line in open(f"{out}/{task}.jsonl")]
mv = json.load(open(f"{out}/min-variance-500.summary.json"))
print("min-variance-500  volatility riskml %.10f  peer %.10f  held %d / %d" % (
    mv["volatility"], peer["min-variance-500"]["volatility"],
    sum(w > 1e-6 for w in weights("min-variance-500")), peer["min-variance-500"]["nonzero"]))
print("hrp-200           max weight riskml %.10f  peer %.10f" % (
    max(weights("hrp-200")), peer["hrp-200"]["max_weight"]))
lw = json.load(open(f"{out}/ledoit-wolf-2000.summary.json"))
print("ledoit-wolf-2000  shrinkage  riskml %.10f  peer %.10f  (peer read_csv %.2f s)" % (
    lw["covariance"]["shrinkage"], peer["ledoit-wolf-2000"]["shrinkage"],
    peer["ledoit-wolf-2000"]["read_csv_seconds"]))
PY
