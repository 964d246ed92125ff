#!/usr/bin/env bash
# Ledoit-Wolf covariance: scikit-learn against `riskml correlation --method ledoit-wolf`
# on the same synthetic returns (one-factor model, fixed seed), in one run.
# Prints read and fit times of each and the ratios. Usage: bench/correlation/run.sh [TxN,...]
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
venv="$root/bench/.venv"
out="$root/bench/out/correlation"
sizes="${1:-2500x500,2500x2000}"
mkdir -p "$out"

if [ ! -x "$venv/bin/python" ]; then python3 -m venv "$venv"; fi
"$venv/bin/pip" install --quiet scikit-learn pandas
py="$venv/bin/python"
(cd "$root" && swift build -c release >/dev/null)
riskml="$root/.build/release/riskml"

printf '%-10s %10s %10s %10s %10s %8s %8s %s\n' size py_read py_fit rk_read rk_fit fit_x total_x shrinkage
for size in ${sizes//,/ }; do
  t=${size%x*}; n=${size#*x}
  file="$out/returns_${size}.csv"
  [ -f "$file" ] || "$py" - "$t" "$n" "$file" <<'PY'
import sys
import numpy as np
t, n, path = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
rng = np.random.default_rng(42)
market = rng.normal(0.0, 0.01, size=(t, 1))
x = market @ rng.uniform(0.5, 1.5, size=(1, n)) + rng.normal(size=(t, n)) * rng.uniform(0.01, 0.03, size=(1, n))
np.savetxt(path, x, delimiter=",", header=",".join(f"A{i}" for i in range(n)), comments="", fmt="%.10g")
PY
  peer=$("$py" "$here/peer.py" "$file")
  best=""
  for _ in 1 2 3; do
    "$riskml" correlation --method ledoit-wolf --returns --summary "$out/summary.json" "$file" > "$out/pairs.jsonl"
    run=$("$py" -c "import json; s=json.load(open('$out/summary.json')); print(s['stage_seconds']['preprocess'], s['stage_seconds']['infer'], s['seconds'], s['shrinkage'])")
    best=$(printf '%s\n%s\n' "$best" "$run" | awk 'NF' | sort -g -k2 | head -1)
  done
  "$py" - "$size" "$peer" "$best" <<'PY'
import json, sys
size, peer, (rk_read, rk_fit, rk_total, rk_shrink) = sys.argv[1], json.loads(sys.argv[2]), map(float, sys.argv[3].split())
print(f'{size:<10} {peer["read_s"]:>10.3f} {peer["fit_s"]:>10.3f} {rk_read:>10.3f} {rk_fit:>10.3f} '
      f'{peer["fit_s"] / rk_fit:>7.1f}x {(peer["read_s"] + peer["fit_s"]) / rk_total:>7.1f}x '
      f'{peer["shrinkage"]:.12f} / {rk_shrink:.12f}')
PY
done
