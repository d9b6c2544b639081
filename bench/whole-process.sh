#!/usr/bin/env bash
# Whole-process figures with hyperfine: the built binary, timed from outside,
# output to /dev/null. Inputs from bench/prepare.sh (run first).
#   bench/whole-process.sh [PACTA] [OUT.md]
# PACTA defaults to build/release/cli/pacta; the markdown table goes to OUT.md
# (default build/bench-data/whole-process.md). `ask --batch` rows run only
# when the binary has batch mode.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
pacta=$(readlink -f "${1:-$root/build/release/cli/pacta}")
data=${PACTA_BENCH_DATA:-$root/build/bench-data}
out=${2:-$data/whole-process.md}
runs=${PACTA_BENCH_RUNS:-10}
cd "$root"
for f in scale/contract_10000.pacta.yaml scale/contract_100000.pacta.yaml msft-openai-peer.yaml plan-1000.plan.yaml; do
  [ -f "$data/$f" ] || { echo "bench/whole-process.sh: $data/$f missing: run bench/prepare.sh" >&2; exit 1; }
done
cmds=(
  -n "check, 10,000 clauses" "$pacta check $data/scale/contract_10000.pacta.yaml"
  -n "check, 100,000 clauses" "$pacta check $data/scale/contract_100000.pacta.yaml"
  -n "allowed, bundled contract" "$pacta allowed rules/microsoft-openai.yaml --on 2026-01-15"
  -n "timeline, bundled contract" "$pacta timeline rules/microsoft-openai.yaml --format json"
  -n "allowed in cases, 4 unknown facts" "$pacta allowed tests/e2e/conditional/deal.yaml --on 2025-01-01 --unknown audited --format json"
  -n "allowed in cases, bundled contract" "$pacta allowed rules/microsoft-openai.yaml --on 2024-06-01 --unknown agi_declared"
  -n "plan, 1,000 steps" "$pacta plan $data/plan-1000.plan.yaml"
  -n "plan, 1,000 steps, --obligations" "$pacta plan $data/plan-1000.plan.yaml --obligations"
)
batch=$data/q1000000.pacta.jsonl
if "$pacta" ask --help 2>/dev/null | grep -q -- --batch; then
  # The checksum first (the peers' q1000000: allows=140583 fnv32=eb385f4c).
  if command -v node >/dev/null && [ -f "${PACTA_PEERS:-$root/../shared/peers}/pacta-checksum.mjs" ]; then
    "$pacta" ask "$data/msft-openai-peer.yaml" --batch "$batch" > "$data/answers.jsonl" || true
    echo "ask --batch checksum: $(node "${PACTA_PEERS:-$root/../shared/peers}/pacta-checksum.mjs" "$data/answers.jsonl")" >&2
    rm -f "$data/answers.jsonl"
  fi
  for jobs in 1 2; do
    cmds+=(-n "ask --batch, 1M questions, --jobs $jobs"
           "$pacta ask $data/msft-openai-peer.yaml --batch $batch --jobs $jobs")
  done
else
  echo "bench/whole-process.sh: $pacta has no 'ask --batch' yet; those rows are left out" >&2
fi
# Every command's own exit status is kept out of the figures (check is 0;
# `allowed` and `timeline` answer 0), so a failure stops the run.
json=${out%.md}.json
hyperfine --shell=none --warmup 1 --runs "$runs" --style basic --output=null --time-unit millisecond \
  --export-markdown "$out" --export-json "$json" "${cmds[@]}"
# hyperfine's table gives means; the medians (and user+system CPU) from its JSON.
python3 - "$json" >> "$out" <<'PY'
import json, sys
print("\n| Command | Median [ms] | Min [ms] | User+System [ms] |\n|:---|---:|---:|---:|")
for r in json.load(open(sys.argv[1]))["results"]:
    print(f"| `{r['command']}` | {r['median']*1e3:.1f} | {r['min']*1e3:.1f} | "
          f"{(r['user'] + r['system'])*1e3:.1f} |")
PY
echo "bench/whole-process.sh: tables in $out" >&2
cat "$out"
