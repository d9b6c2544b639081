#!/usr/bin/env bash
# The man page (docs/pacta.1.scd, built by scdoc) names every command that
# `pacta --help` lists and every long flag that each `pacta CMD --help`
# prints, so it cannot fall behind the program; and `man` renders it.
#   man_page_test.sh PACTA MAN_PAGE
set -euo pipefail
pacta=$1 page=$2
fail() { echo "man_page_test: $*" >&2; exit 1; }
[ -s "$page" ] || fail "$page was not built (is scdoc installed? run.sh installs it)"
grep -q '^\.TH' "$page" || fail "$page is not a man page"
# The roff text without font changes and escapes, as words to search.
text=$(sed -e 's/\\f[BIRP]//g' -e 's/\\-/-/g' -e 's/\\&//g' "$page")

commands=$("$pacta" --help | sed -n '/^Subcommands:/,/^$/p' | awk 'NR > 1 && NF {print $1}')
[ -n "$commands" ] || fail "no commands in pacta --help"
missing=()
for c in $commands; do
  grep -qE "(^|[^a-z_-])$c([^a-z_-]|$)" <<<"$text" || missing+=("command $c")
  flags=$("$pacta" "$c" --help | grep -oE -- '--[a-z][a-z-]*' | sort -u)
  for f in $flags; do
    grep -qE -- "(^|[^a-z-])$f([^a-z-]|$)" <<<"$text" || missing+=("$c $f")
  done
done
for f in $("$pacta" --help | grep -oE -- '--[a-z][a-z-]*' | sort -u); do
  grep -qE -- "(^|[^a-z-])$f([^a-z-]|$)" <<<"$text" || missing+=("pacta $f")
done
[ ${#missing[@]} -eq 0 ] || fail "not in the man page: ${missing[*]}"
if command -v man > /dev/null; then
  shown=$(MANWIDTH=80 man -l "$page" 2>&1)
  [[ $shown == *'pacta - a rule-based'* ]] || fail "man -l does not render it"
fi
echo "man_page_test: ok ($(wc -w <<<"$commands") commands)"
