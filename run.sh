#!/usr/bin/env bash
# pacta's two commands (see README):
#   ./run.sh [DATE]   install what is missing, build, and show what the bundled
#                     Microsoft-OpenAI contract allows on DATE (default: today)
#   ./run.sh test     install what is missing, build, and run the whole test suite
# Developer stages used by CI: ./run.sh style, ./run.sh clang, ./run.sh asan,
# ./run.sh fuzz [SECONDS], ./run.sh bench (docs/benchmarks.md)
set -euo pipefail
cd "$(dirname "$0")"

PACKAGES=(cmake ninja-build g++ libboost-dev libyaml-cpp-dev catch2 libcli11-dev libfmt-dev
          nlohmann-json3-dev libpng-dev libbenchmark-dev libsimdjson-dev
          scdoc  # the man page (docs/pacta.1.scd)
          libedit-dev pkg-config)  # pacta repl: line editing, history, completion
# The browser test of the timeline pictures (tests/browser) and
# docs/make-screenshots.sh: headless Chromium.
TEST_PACKAGES=(chromium
               # tests/install: the .deb (dpkg-shlibdeps), the completions, man -l.
               dpkg-dev bash-completion zsh man-db
               # tests/schemas: the JSON Schemas against the files pacta reads;
               # tests/report: the JUnit and SARIF reports validated (TAP by perl's own).
               python3-jsonschema python3-yaml libxml2-utils
               # tests/repl/interactive.sh: pacta repl under a real terminal.
               tmux)
FUZZ_PACKAGES=(clang-14 libclang-rt-14-dev)
STYLE_PACKAGES=(clang-14 clang-format-14 clang-tidy-14)
# ./run.sh bench: whole-process timings; bench/prepare.sh runs the peers'
# generators with node.
BENCH_PACKAGES=(hyperfine nodejs)
JOBS=${PACTA_JOBS:-2}

install_missing() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "run.sh: installing ${missing[*]}" >&2
  local sudo=()
  [ "$(id -u)" -ne 0 ] && sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
}

build() {  # build PRESET (CMakePresets.json; the tree is build/PRESET)
  cmake --preset "$1" >/dev/null
  cmake --build --preset "$1" -j "$JOBS" >&2
}

case "${1:-}" in
  test)
    install_missing "${PACKAGES[@]}" "${TEST_PACKAGES[@]}"
    build release
    ctest --preset release -j "$JOBS"
    ;;
  style)
    # The code is clang-format clean, and clang-tidy (.clang-tidy: bugprone,
    # performance, functions of at most 80 lines) finds nothing. clang-tidy
    # reads the clang preset's compile database, so no g++-only flag reaches it.
    install_missing "${PACKAGES[@]}" "${STYLE_PACKAGES[@]}"
    find grammar engine cli bench tests include -path tests/fuzz/corpus -prune -o \
      \( -name '*.cpp' -o -name '*.hpp' \) -print | sort | xargs clang-format-14 --dry-run -Werror
    cmake --preset clang >/dev/null
    run-clang-tidy-14 -p build/clang -quiet -j "$JOBS" "$PWD/(grammar|engine|cli|bench)/" \
      > build/clang-tidy.log 2>&1 || { grep -E 'warning:|error:' build/clang-tidy.log | sort -u >&2; exit 1; }
    echo "run.sh: clang-format and clang-tidy clean" >&2
    ;;
  clang)
    install_missing "${PACKAGES[@]}" "${TEST_PACKAGES[@]}" clang-14
    build clang
    ctest --preset clang -j "$JOBS"
    ;;
  asan)
    install_missing "${PACKAGES[@]}" "${TEST_PACKAGES[@]}"
    build asan
    UBSAN_OPTIONS=print_stacktrace=1 ctest --preset asan -j "$JOBS" --timeout 900
    ;;
  bench)
    # In-process (Google Benchmark, medians of 5) and whole-process
    # (hyperfine) figures; inputs from bench/prepare.sh into build/bench-data.
    install_missing "${PACKAGES[@]}" "${BENCH_PACKAGES[@]}"
    build release
    bench/prepare.sh
    ./build/release/bench/pacta_bench --pacta-root=. --benchmark_repetitions=5 \
      --benchmark_report_aggregates_only=true --benchmark_display_aggregates_only=true \
      --benchmark_out=build/bench-data/pacta_bench.json --benchmark_out_format=json \
      ${PACTA_BENCH_FILTER:+--benchmark_filter="$PACTA_BENCH_FILTER"}
    bench/whole-process.sh build/release/cli/pacta
    ;;
  fuzz)
    install_missing "${PACKAGES[@]}" "${FUZZ_PACKAGES[@]}"
    build fuzz
    tests/fuzz/run_fuzzers.sh build/fuzz "${2:-60}"
    ;;
  *)
    install_missing "${PACKAGES[@]}"
    build release
    on=${1:-$(date +%F)}
    ./build/release/cli/pacta allowed rules/microsoft-openai.yaml --on "$on"
    ;;
esac
