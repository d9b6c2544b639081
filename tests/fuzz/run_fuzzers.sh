#!/usr/bin/env bash
# Runs every libFuzzer target for a bounded time (docs/fuzzing.md).
#
#   tests/fuzz/run_fuzzers.sh BUILD_DIR [SECONDS]      (./run.sh fuzz [SECONDS])
#
# BUILD_DIR is a tree configured with PACTA_FUZZ=ON (`cmake --preset fuzz`:
# build/fuzz). Each target runs, one after the other, for SECONDS (default
# 60) on a scratch copy of tests/fuzz/corpus/<target>/, so the repository is
# not touched. Prints executions, coverage and peak memory per target; exits
# 1 if any target crashed, leaked, or took longer than the per-input timeout
# or more than the memory limit (below) on one input, after printing where
# the reproducer was written.
#
# Environment:
#   PACTA_FUZZ_TARGETS="expression decide"  run only these targets
#   PACTA_FUZZ_MERGE=1   afterwards merge new coverage into the repo corpus
#                        (libFuzzer -merge=1; review and commit the new files)
#   PACTA_FUZZ_ARGS="-dict=..."  extra libFuzzer flags
#   PACTA_FUZZ_RSS_MB=1024    memory limit per target process (-rss_limit_mb;
#                             also the largest single allocation)
#   PACTA_FUZZ_TIMEOUT=10     seconds one input may take (-timeout)
#
# The two limits are the resource promise of docs/limits.md: an input that
# needs more than 1 GiB, or more than the per-input timeout, fails the run
# with a reproducer (oom-* or timeout-*), so an input with quadratic cost
# found later fails CI instead of passing slowly.
set -uo pipefail

if [ $# -lt 1 ] || [ $# -gt 2 ]; then
  echo "usage: $0 BUILD_DIR [SECONDS]" >&2
  exit 2
fi
build=$(cd "$1" && pwd) || exit 2
seconds=${2:-60}
root=$(cd "$(dirname "$0")/../.." && pwd)
fuzzdir=$root/tests/fuzz
read -r -a targets <<< "${PACTA_FUZZ_TARGETS:-expression rulefile question testfile decide timeline batch yaml_fast}"
read -r -a extra <<< "${PACTA_FUZZ_ARGS:-}"
rss_mb=${PACTA_FUZZ_RSS_MB:-1024}
input_timeout=${PACTA_FUZZ_TIMEOUT:-10}

scratch=$(mktemp -d "${TMPDIR:-/tmp}/pacta-fuzz.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
artifacts=$build/fuzz-artifacts
mkdir -p "$artifacts"

# symbolize=0: a symbolizer that hangs cannot eat the CI budget; addresses
# are symbolized later (docs/fuzzing.md). Leaks are errors.
export ASAN_OPTIONS=${ASAN_OPTIONS:-symbolize=0:detect_leaks=1:abort_on_error=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

failed=()
summary=()
for t in "${targets[@]}"; do
  exe=$build/tests/fuzz/fuzz_$t
  if [ ! -x "$exe" ]; then
    echo "run_fuzzers: $exe not built (configure with --preset fuzz)" >&2
    failed+=("$t: not built")
    continue
  fi
  corpus=$scratch/corpus-$t
  mkdir -p "$corpus" "$artifacts/$t"
  cp -R "$fuzzdir/corpus/$t/." "$corpus/" 2>/dev/null || true
  dict=()
  [ -f "$fuzzdir/$t.dict" ] && dict=(-dict="$fuzzdir/$t.dict")
  # fuzz_decide (and fuzz_timeline, on the same generator): at their ~20k
  # features libFuzzer's entropic scheduling costs more than the target
  # (half the executions); plain scheduling instead.
  case "$t" in decide | timeline) dict+=(-entropic=0) ;; esac
  log=$scratch/$t.log
  echo "== fuzz_$t: ${seconds}s on $(find "$corpus" -type f | wc -l) seed inputs"
  start=$(date +%s)
  # The outer timeout only guards against a fuzzer that ignores
  # -max_total_time (e.g. stuck in a signal handler).
  timeout --kill-after=30 $((seconds + 300)) "$exe" \
    -max_total_time="$seconds" -timeout="$input_timeout" -rss_limit_mb="$rss_mb" \
    -malloc_limit_mb="$rss_mb" -print_final_stats=1 -artifact_prefix="$artifacts/$t/" \
    "${dict[@]}" "${extra[@]}" \
    "$corpus" > "$log" 2>&1
  rc=$?
  elapsed=$(( $(date +%s) - start ))
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rss=$(sed -n 's/^stat::peak_rss_mb: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  last=$(grep -E '^#[0-9]+.*cov: ' "$log" | tail -1)
  cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<< "$last")
  ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<< "$last")
  corp=$(sed -n 's/.* corp: \([0-9]*\).*/\1/p' <<< "$last")
  line=$(printf '%-11s %10s execs %7s/s  cov %6s  ft %7s  corpus %6s  %5s MB  %4ss  exit %s' \
    "$t" "${execs:-?}" "${rate:-?}" "${cov:-?}" "${ft:-?}" "${corp:-?}" "${rss:-?}" "$elapsed" "$rc")
  echo "$line"
  summary+=("$line")
  if [ $rc -ne 0 ]; then
    echo "-- fuzz_$t failed (exit $rc); last lines of its log:" >&2
    tail -n 60 "$log" >&2
    reproducer=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -1)
    if [ -n "$reproducer" ]; then
      echo "-- reproducer: $reproducer" >&2
      echo "   replay:     $exe $reproducer" >&2
      failed+=("$t: $reproducer")
    else
      failed+=("$t: exit $rc, no reproducer written (see the log above)")
    fi
  elif [ "${PACTA_FUZZ_MERGE:-0}" = 1 ]; then
    "$exe" -merge=1 -timeout="$input_timeout" -rss_limit_mb="$rss_mb" "$fuzzdir/corpus/$t" "$corpus" \
      > "$scratch/$t.merge.log" 2>&1 || { echo "merge of $t failed" >&2; tail "$scratch/$t.merge.log" >&2; }
    echo "   merged into tests/fuzz/corpus/$t: $(grep -o 'added [0-9]* new units' "$scratch/$t.merge.log" | tail -1)"
  fi
done

echo
echo "== fuzz summary (${seconds}s per target)"
printf '%s\n' "${summary[@]}"
if [ ${#failed[@]} -gt 0 ]; then
  echo "FAILED:" >&2
  printf '  %s\n' "${failed[@]}" >&2
  exit 1
fi
echo "no crashes"
