#!/usr/bin/env bash
# `cmake --install` into a temporary prefix, then a project outside the
# build (consumer/) finds the library there with find_package(pacta), is
# built against it and asks it one question; the complete example of
# docs/library.md is built and run the same way. Also checks what the
# installed tree promises: headers that include only the standard library,
# a library whose SONAME carries the ABI version and that exports only
# pacta::api names, and a program that runs from the prefix.
# FLAGS are the sanitizer flags of the build (an ASan libpacta needs its
# runtime loaded first: the consumer is then built with them too).
#   consumer_test.sh BUILD_DIR SOURCE_DIR CXX WORK_DIR [FLAGS]
set -euo pipefail
build=$1 source=$2 cxx=$3 work=$4 flags=${5:-}
rm -rf "$work" && mkdir -p "$work"
prefix=$work/prefix
fail() { echo "consumer_test: $*" >&2; exit 1; }

cmake --install "$build" --prefix "$prefix" > "$work/install.log"

for h in "$prefix"/include/pacta/*.hpp; do
  if grep -E '^\s*#\s*include' "$h" | grep -vqE '^\s*#\s*include\s*<[a-z_]+>'; then
    fail "$h includes more than the standard library: $(grep -E '#\s*include' "$h" | tr '\n' ' ')"
  fi
done

lib=$(find "$prefix" -name 'libpacta.so.*.*.*' | head -1)
[ -n "$lib" ] || fail "no libpacta.so.X.Y.Z under $prefix"
soname=$(readelf -d "$lib" | sed -n 's/.*SONAME.*\[\(.*\)\].*/\1/p')
[[ $soname =~ ^libpacta\.so\.[0-9]+(\.[0-9]+)?$ ]] || fail "unexpected SONAME '$soname'"
[ -e "$(dirname "$lib")/$soname" ] || fail "no $soname link beside $lib"
[ -e "$(dirname "$lib")/libpacta.so" ] || fail "no libpacta.so link beside $lib"
# Instantiations of std templates over engine types (a debug build keeps
# some out of line) are std's names, whose visibility libstdc++ sets: not
# leaks of the engine (mangled std:: names start _ZSt, _ZNSt, _ZNKSt, ...).
leaked=$(nm -D --defined-only "$lib" | grep -vE ' _Z(N[KVRO]*)?St' | c++filt | grep -E 'pacta::' |
         grep -vE 'pacta::api::' || true)
[ -z "$leaked" ] || fail "libpacta exports engine names: $(echo "$leaked" | head -5)"

# The docs' complete example: the first ```cpp block of docs/library.md.
# Its output: the ```text block after "it prints".
sed -n '/^```cpp$/,/^```$/{/^```/d;p}' "$source/docs/library.md" > "$work/library_example.cpp"
grep -q 'int main' "$work/library_example.cpp" || fail "docs/library.md has no complete example"
sed -n '/it prints/,/^## /p' "$source/docs/library.md" | sed -n '/^```text$/,/^```$/{/^```/d;p}' \
  > "$work/example.expected"

cmake -S "$source/tests/install/consumer" -B "$work/build" -G Ninja \
  -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_PREFIX_PATH="$prefix" \
  -DCMAKE_CXX_FLAGS="$flags" -DCMAKE_EXE_LINKER_FLAGS="$flags" \
  -DEXAMPLE="$work/library_example.cpp" > "$work/configure.log" ||
  { cat "$work/configure.log" >&2; fail "the consumer does not configure"; }
cmake --build "$work/build" > "$work/build.log" ||
  { cat "$work/build.log" >&2; fail "the consumer does not build"; }

"$work/build/consumer" "$source/rules/microsoft-openai.yaml"
(cd "$source" && "$work/build/library_example") > "$work/example.out"
diff -u "$work/example.expected" "$work/example.out" ||
  fail "the example of docs/library.md does not print what the page shows"

version=$("$prefix/bin/pacta" --version) || fail "the installed pacta does not run"
[[ $version =~ ^pacta\ [0-9] ]] || fail "the installed pacta --version: '$version'"
"$prefix/bin/pacta" ask "$source/rules/microsoft-openai.yaml" 'sell_models(openai, aws)' \
  --on 2026-01-15 --expect permitted > /dev/null || fail "the installed pacta does not answer"
echo "consumer_test: ok ($soname)"
