#!/usr/bin/env bash
# Times PyPortfolioOpt and scikit-learn against `riskml portfolio` on the same synthetic
# data, in one run, and prints times and ratios. Needs bench/.venv with
#   pip install pyportfolioopt scikit-learn
set -euo pipefail
cd "$(dirname "$0")/../.."
python=bench/.venv/bin/python
out=bench/out/portfolio
mkdir -p "$out"

"$python" bench/portfolio/peer.py "$out" | tee "$out/peer.jsonl"
if [[ -f bench/portfolio/peer_covariance.py ]]; then
  "$python" bench/portfolio/peer_covariance.py "$out" | tee -a "$out/peer.jsonl"
fi

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
    best=$(echo "$start $end $best" \
      | awk '{t = $2 - $1; if ($3 == "" || t < $3) print t; else print $3}')
  done
  echo "$best"
}

peer_seconds() { grep "\"$1\"" "$out/peer.jsonl" | sed 's/.*"seconds": \([0-9.e-]*\).*/\1/'; }

for task in "min-variance returns_500.csv min-variance-500" "hrp returns_200.csv hrp-200"; do
  set -- $task
  if ! "$riskml" portfolio --help 2>/dev/null | grep -q -- "--objective"; then
    echo "riskml portfolio is not available in this build: skipping $3"
    continue
  fi
  ours=$(best_of_five "$riskml" portfolio --returns --objective "$1" "$out/$2")
  theirs=$(peer_seconds "$3")
  awk -v t="$3" -v a="$ours" -v b="$theirs" \
    'BEGIN { printf "%-18s riskml %.4f s  peer %.4f s  ratio %.1fx\n", t, a, b, b / a }'
done
