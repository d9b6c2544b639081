#!/usr/bin/env bash
# `pacta --version` tells the project version and, in a git checkout, the
# commit it was built from (cmake/version.cmake).
#   version_test.sh PACTA SOURCE_DIR PROJECT_VERSION
set -euo pipefail
pacta=$1 source=$2 project_version=$3
fail() { echo "version_test: $*" >&2; exit 1; }
line=$("$pacta" --version)
[[ $line =~ ^pacta\ [0-9]+\.[0-9]+ ]] || fail "unexpected '$line'"
# git may refuse the checkout (another user's: "dubious ownership"); the
# build then fell back to the project version, and so does this check.
if command -v git > /dev/null && [ -e "$source/.git" ] &&
  hash=$(git -C "$source" rev-parse --short HEAD 2> /dev/null); then
  if git -C "$source" describe --tags > /dev/null 2>&1; then
    [[ $line == *"$hash"* || $line =~ ^pacta\ [0-9] ]] || fail "'$line' does not name $hash"
  else
    [[ $line == "pacta $project_version-g$hash"* ]] || fail "'$line' is not $project_version-g$hash"
  fi
fi
echo "version_test: ok ($line)"
