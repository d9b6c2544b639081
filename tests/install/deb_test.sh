#!/usr/bin/env bash
# The .deb: `cpack -G DEB` from the build tree, its contents listed by
# dpkg-deb (program, library, headers, CMake package, man page, completions,
# docs), then unpacked into a throwaway root whose program runs as it is:
# --version, and a question about the bundled contract.
# The JSON Schemas of schemas/ (SPEC §9.4), once there are any, are in it
# too, under /usr/share/pacta/schemas.
#   deb_test.sh BUILD_DIR WORK_DIR SOURCE_DIR
set -euo pipefail
build=$1 work=$2 source=$3
fail() { echo "deb_test: $*" >&2; exit 1; }
rm -rf "$work" && mkdir -p "$work"
(cd "$work" && cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work/out") > "$work/cpack.log" 2>&1 ||
  { cat "$work/cpack.log" >&2; fail "cpack failed"; }
deb=$(find "$work/out" -maxdepth 1 -name 'pacta_*.deb' | head -1)
[ -n "$deb" ] || fail "no pacta_*.deb in $work/out"

# The paths: the sixth field on ("./usr/bin/pacta"; a link: "LINK -> TARGET").
dpkg-deb --contents "$deb" | awk '{print $6}' | sed 's|^\./|/|' > "$work/contents"
missing=()
for path in /usr/bin/pacta /usr/include/pacta/pacta.hpp \
  /usr/lib/cmake/pacta/pactaConfig.cmake /usr/lib/cmake/pacta/pactaConfigVersion.cmake \
  /usr/lib/cmake/pacta/pactaTargets.cmake /usr/share/man/man1/pacta.1 \
  /usr/share/bash-completion/completions/pacta /usr/share/zsh/vendor-completions/_pacta \
  /usr/share/doc/pacta/README.md /usr/share/doc/pacta/cli.md /usr/share/doc/pacta/library.md \
  /usr/share/doc/pacta/language.md /usr/share/doc/pacta/errors.md \
  /usr/share/doc/pacta/examples/microsoft-openai.yaml; do
  grep -qxF "$path" "$work/contents" || missing+=("$path")
done
for lib in '/usr/lib/libpacta\.so' '/usr/lib/libpacta\.so\.[0-9]+\.[0-9]+' \
  '/usr/lib/libpacta\.so\.[0-9]+\.[0-9]+\.[0-9]+'; do
  grep -qE "^$lib\$" "$work/contents" || missing+=("$lib")
done
if [ -d "$source/schemas" ]; then
  while IFS= read -r schema; do
    grep -qxF "/usr/share/pacta/schemas/${schema#"$source/schemas/"}" "$work/contents" ||
      missing+=("schema $schema")
  done < <(find "$source/schemas" -type f -name '*.json')
fi
[ ${#missing[@]} -eq 0 ] || fail "not in the .deb: ${missing[*]}"

for field in Package Version Maintainer Description Depends; do
  value=$(dpkg-deb --field "$deb" "$field")
  [ -n "$value" ] || fail "no $field in the .deb"
done
[[ $(dpkg-deb --field "$deb" Depends) == *libyaml-cpp* ]] || fail "Depends lacks libyaml-cpp"

root=$work/root
dpkg-deb -x "$deb" "$root"
version=$("$root/usr/bin/pacta" --version) || fail "the unpacked pacta --version"
[[ $version =~ ^pacta\ [0-9] ]] || fail "the unpacked pacta --version: '$version'"
out=$("$root/usr/bin/pacta" ask "$root/usr/share/doc/pacta/examples/microsoft-openai.yaml" \
  'sell_models(openai, aws)' --on 2026-01-15 --expect permitted) || fail "the unpacked pacta ask"
grep -q 'open-distribution' <<<"$out" || fail "unexpected answer: $out"
if command -v man > /dev/null; then
  shown=$(MANWIDTH=80 man -l "$root/usr/share/man/man1/pacta.1" 2>&1)
  [[ $shown == *'pacta - a rule-based'* ]] || fail "man -l of the unpacked man page"
fi
echo "deb_test: ok ($(basename "$deb"), $(wc -l < "$work/contents") entries)"
