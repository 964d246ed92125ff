#!/usr/bin/env bash
# Times Python arch against `riskml volatility --model garch` on the same data:
# one S&P 500 fit, the 20 stocks, and 500 synthetic GARCH assets of 2,500 days.
# Usage: bench/volatility/run.sh   (from anywhere; needs python3 with venv, and Swift)
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
shared="${RISKML_SHARED:-$root/../shared}"
venv="$root/bench/.venv"
out="$root/bench/out/volatility"

[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/pip" install --quiet "arch==8.0.0" || "$venv/bin/pip" install --quiet arch
py="$venv/bin/python"

"$py" "$here/make_data.py" "$shared" "$out"
(cd "$root" && swift build -c release >/dev/null)
riskml="$root/.build/release/riskml"

# riskml: wall time of one run, records written, and the sum of their logliks.
time_riskml() {
  local file="$1"; shift
  local start end
  start=$(date +%s.%N)
  "$riskml" volatility --model garch "$@" "$file" > "$out/riskml.jsonl"
  end=$(date +%s.%N)
  "$py" - "$out/riskml.jsonl" "$start" "$end" <<'PY'
import json, sys
records = [json.loads(line) for line in open(sys.argv[1]) if line.strip()]
seconds = float(sys.argv[3]) - float(sys.argv[2])
ll = sum(r.get("loglik") or 0.0 for r in records)
print(json.dumps({"tool": "riskml", "assets": len(records), "total_s": seconds,
                  "ms_per_fit": 1000 * seconds / max(len(records), 1), "loglik_sum": ll}))
PY
}

printf '%-10s %7s %12s %12s %8s %16s %16s\n' \
  data assets arch_ms/fit riskml_ms/fit ratio arch_loglik riskml_loglik
for spec in "sp500:sp500.csv:" "stocks20:stocks20.csv:" "synthetic:synthetic.csv:--returns"; do
  IFS=: read -r name file flag <<< "$spec"
  arch_json=$("$py" "$here/peer.py" "$out/$file" $flag)
  riskml_json=$(time_riskml "$out/$file" $flag)
  "$py" - "$name" "$arch_json" "$riskml_json" <<'PY'
import json, sys
name, a, r = sys.argv[1], json.loads(sys.argv[2]), json.loads(sys.argv[3])
ratio = a["ms_per_fit"] / r["ms_per_fit"] if r["ms_per_fit"] > 0 else float("nan")
print(f'{name:<10} {a["assets"]:>7} {a["ms_per_fit"]:>12.2f} {r["ms_per_fit"]:>12.2f} '
      f'{ratio:>7.1f}x {a["loglik_sum"]:>16.3f} {r["loglik_sum"]:>16.3f}')
PY
done
