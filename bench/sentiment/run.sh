#!/usr/bin/env bash
# Sentiment benchmark: riskml vs PyTorch + transformers on the same 1,024 Financial
# PhraseBank sentences, all-MiniLM-L6-v2, same thread count, batch 32, in one run.
#
# Usage: bench/sentiment/run.sh   (THREADS=2 N=1024 BATCH=32 by default)
# Needs ../shared/data/text/financial_phrasebank_dev.csv, the model (scripts/fetch-minilm.sh)
# and a Python venv with torch and transformers: PEER_VENV=DIR reuses an existing one
# (default bench/.venv; PyPI's torch wheel is a 5 GB CUDA build, so point PEER_VENV at an
# environment you already have when you can).
# Writes bench/out/sentiment.md and prints it. The PhraseBank text stays out of the repo.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
THREADS="${THREADS:-2}"
N="${N:-1024}"
BATCH="${BATCH:-32}"
MODEL="${RISKML_MODEL_DIR:-models/all-MiniLM-L6-v2}"
SHARED="${RISKML_SHARED:-$ROOT/../shared}"
VENV="${PEER_VENV:-bench/.venv}"
OUT="bench/out"
mkdir -p "$OUT"

scripts/fetch-minilm.sh "$MODEL"
python3 - "$SHARED/data/text/financial_phrasebank_dev.csv" "$OUT/phrasebank_$N.csv" "$N" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")))[: int(sys.argv[3])]
with open(sys.argv[2], "w", newline="", encoding="utf-8") as out:
    writer = csv.writer(out)
    writer.writerow(["text"])
    writer.writerows([[row["text"]] for row in rows])
PY

[[ -x "$VENV/bin/python" ]] || python3 -m venv "$VENV"
"$VENV/bin/pip" install --quiet torch transformers

swift build -c release --product riskml >/dev/null
cc -O2 -o "$OUT/sgemm" bench/sentiment/sgemm.c -lopenblas

SGEMM="$(OPENBLAS_NUM_THREADS="$THREADS" "$OUT/sgemm" 2048)"
PEER="$(OMP_NUM_THREADS="$THREADS" "$VENV/bin/python" bench/sentiment/peer.py \
  "$MODEL" "$OUT/phrasebank_$N.csv" "$THREADS" "$BATCH")"

run_riskml() {
  local start end
  start="$(date +%s.%N)"
  /usr/bin/time -f "%M" -o "$OUT/riskml.rss" .build/release/riskml sentiment \
    --model "$MODEL" --head assets/sentiment-head --max-length 256 --threads "$THREADS" \
    --batch-size "$BATCH" "$OUT/phrasebank_$N.csv" >/dev/null
  end="$(date +%s.%N)"
  echo "$end - $start" | bc -l
}
run_riskml >/dev/null  # warm-up (page cache)
SECONDS_RISKML="$(run_riskml)"
RSS_RISKML="$(( $(cat "$OUT/riskml.rss") / 1024 ))"

python3 - "$PEER" "$SECONDS_RISKML" "$RSS_RISKML" "$SGEMM" "$N" "$THREADS" "$BATCH" \
  >"$OUT/sentiment.md" <<'PY'
import json, sys
peer = json.loads(sys.argv[1])
seconds, rss, sgemm = float(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
n, threads, batch = int(sys.argv[5]), sys.argv[6], sys.argv[7]
rate = n / seconds
# 21.2 MFLOP per token (6 layers of 4 x 384^2 + 2 x 384 x 1536 multiply-adds), 32.5 tokens
# per PhraseBank sentence on average: see ../shared/PERFORMANCE.md.
gflops = rate * 32.5 * 21.2e6 / 1e9
print(f"# Sentiment benchmark ({n} PhraseBank sentences, {threads} threads, batch {batch})\n")
print("| engine | sentences/s | peak RSS (MiB) |")
print("| --- | --- | --- |")
torch = f"PyTorch {peer['torch']} + transformers"
print(f"| {torch} | {peer['sentences_per_second']} | {peer['peak_rss_mib']} |")
print(f"| riskml (whole CLI run, load included) | {rate:.1f} | {rss:.0f} |")
print(f"\nriskml / PyTorch: {rate / peer['sentences_per_second']:.2f}x")
print(f"riskml achieved {gflops:.1f} GFLOP/s; system OpenBLAS sgemm 2048^3: {sgemm} GFLOP/s "
      f"({100 * gflops / sgemm:.0f} %)")
PY
cat "$OUT/sentiment.md"
