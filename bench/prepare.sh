#!/usr/bin/env bash
# Writes the benchmarks' inputs into build/bench-data (or $1), deterministically:
#   msft-openai-peer.yaml     the peers' contract
#   q100000.jsonl             the peers' 100,000 random questions (seed 42)
#   q1000000.pacta.jsonl      the peers' 1,000,000 questions as `pacta ask --batch` lines
#   scale/contract_K.pacta.yaml, scale/queries_K.jsonl
#                             the peers' synthetic contracts, K = 10, 10000, 100000
# Needs node and the peers' harness: $PACTA_PEERS, else ../shared/peers next
# to the repository. Files already there are kept.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$root/build/bench-data}
peers=${PACTA_PEERS:-$root/../shared/peers}
[ -d "$peers" ] || peers=$(cd "$root/../.." 2>/dev/null && pwd)/shared/peers
if [ ! -f "$peers/gen/gen-queries.mjs" ]; then
  echo "bench/prepare.sh: the peers' harness is not at $peers (set PACTA_PEERS)" >&2
  exit 1
fi
command -v node >/dev/null || { echo "bench/prepare.sh: needs node" >&2; exit 1; }
mkdir -p "$out/scale"
cp "$peers/msft-openai-peer.yaml" "$out/"
[ -s "$out/q100000.jsonl" ] || node "$peers/gen/gen-queries.mjs" 100000 --seed=42 --out="$out/q100000.jsonl"
if [ ! -s "$out/q1000000.pacta.jsonl" ]; then
  node "$peers/gen/gen-queries.mjs" 1000000 --seed=42 --out="$out/q1000000.jsonl"
  node "$peers/to-pacta-batch.mjs" "$out/q1000000.jsonl" > "$out/q1000000.pacta.jsonl"
fi
for k in 10 10000 100000; do
  if [ ! -s "$out/scale/contract_$k.pacta.yaml" ]; then
    node "$peers/scale/gen-cedar-scale.mjs" "$k" --out-dir="$out/scale" 2>/dev/null
    node "$peers/scale/cedar-to-pacta.mjs" "$out/scale/contract_$k.cedar" 2>/dev/null
  fi
done
# A plan of 1,000 steps on the bundled contract (deterministic: awk's
# srand(42)): random instances, spans of up to two years in 2018-2034, one
# step in four with agi_declared unknown.
if [ ! -s "$out/plan-1000.plan.yaml" ]; then
  awk -v contract="$root/rules/microsoft-openai.yaml" 'BEGIN {
    srand(42)
    split("sell_models(openai, aws)|sell_models(microsoft, azure)|sell_models(openai, azure)|host_models(google_cloud)|host_models(azure)|pay_revenue_share(microsoft)|integrate_models(openai)|integrate_models(anthropic)", does, "|")
    printf "pacta-plan: 1\ncontract: %s\nsteps:\n", contract
    for (i = 0; i < 1000; i++) {
      y = 2018 + int(rand() * 15); m = 1 + int(rand() * 12); d = 1 + int(rand() * 28)
      ty = y + int(rand() * 2); tm = 1 + int(rand() * 12)
      if (ty == y && tm < m) tm = m
      printf "  - name: step %d\n    do: %s\n    from: %04d-%02d-%02d\n    through: %04d-%02d-28\n", i, does[1 + int(rand() * 8)], y, m, d, ty, tm
      if (rand() < 0.25) printf "    unknown: [agi_declared]\n"
    }
  }' > "$out/plan-1000.plan.yaml"
fi
echo "bench/prepare.sh: inputs in $out" >&2
