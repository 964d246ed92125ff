#!/usr/bin/env bash
# Writes docs/cli.md from riskml's own --help output, so the reference never drifts from
# the option tables. Usage: scripts/gen-cli-doc.sh [path/to/riskml]
set -euo pipefail
cd "$(dirname "$0")/.."
riskml=${1:-.build/release/riskml}
out=docs/cli.md
tmp=$(mktemp)

{
  echo "# Command reference"
  echo
  echo "Generated from riskml's option tables by \`scripts/gen-cli-doc.sh\`; a test checks that"
  echo "it matches the built binary's \`--help\`."
  echo
  echo '```'
  "$riskml" --help
  echo '```'
  echo
  echo "## Options shared by every subcommand"
  echo
  echo "Input: \`FILE...\` or \`-\` for stdin, CSV or JSONL (\`--from\`, else the extension:"
  echo "\`.csv\`, \`.tsv\`, \`.jsonl\`, \`.ndjson\`; stdin is CSV), \`--delimiter\`, \`--no-header\`."
  echo "Output: JSONL on stdout, or \`-o FILE\` written atomically; \`--to csv\` or a \`.csv\`"
  echo "name for CSV. Errors: \`--on-error fail|skip\`, \`--rejects FILE\`. Reports:"
  echo "\`--summary FILE\` (JSON), \`--metrics FILE\` (Prometheus text). \`--lock FILE\`,"
  echo "\`--threads N\`, \`--config FILE\`, \`--no-config\`, \`--verbose\`, \`--quiet\`."
  echo
  echo "Every option that takes a value can also be set in the subcommand's section of"
  echo "\`config.yaml\` (dashes become underscores) or by \`RISKML_<SUBCOMMAND>_<OPTION>\`"
  echo "(upper case, dashes become underscores). Flags win over the environment, the"
  echo "environment over the file, the file over built-in defaults."
  for command in $("$riskml" --help | awk '/^SUBCOMMANDS:/{on=1; next} on && NF==0{exit} on{print $1}'); do
    echo
    echo "## riskml $command"
    echo
    echo '```'
    "$riskml" "$command" --help
    echo '```'
  done
} > "$tmp"
mv "$tmp" "$out"
echo "wrote $out"
