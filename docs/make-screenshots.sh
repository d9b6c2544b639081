#!/usr/bin/env bash
# Regenerates the screenshot in docs/ of the Microsoft–OpenAI timeline
# (docs/cli.md, "Pictures"): the page of
#   pacta timeline rules/microsoft-openai.yaml --format html
# as headless Chromium renders it.
#
#   docs/make-screenshots.sh [PACTA]     (default: build/release/cli/pacta)
#
# Needs Debian's chromium (`./run.sh test` installs it) and a built pacta.
set -euo pipefail
cd "$(dirname "$0")/.."
pacta=${1:-build/release/cli/pacta}
out=docs/images/microsoft-openai-timeline.png

command -v chromium >/dev/null || { echo "make-screenshots.sh: chromium not found (apt-get install chromium)" >&2; exit 1; }
[ -x "$pacta" ] || { echo "make-screenshots.sh: no pacta at $pacta (build it first)" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$pacta" timeline rules/microsoft-openai.yaml --format html --output "$work/page.html"

# The window: the page's width (the 1100-pixel picture and the margins), and
# tall enough for the heading, the picture and its caption, not the details.
svg_height=$(grep -o '<svg [^>]*' "$work/page.html" | head -n 1 | sed -n 's/.* height="\([0-9]*\).*/\1/p')
[ -n "$svg_height" ] || { echo "make-screenshots.sh: no <svg height> in the page" >&2; exit 1; }
sandbox=()
[ "$(id -u)" -eq 0 ] && sandbox=(--no-sandbox)  # Chromium refuses to run as root otherwise
chromium --headless=new "${sandbox[@]}" --disable-gpu --hide-scrollbars --no-first-run \
  --host-resolver-rules='MAP * ~NOTFOUND' --user-data-dir="$work/profile" \
  --window-size=1150,$((svg_height + 130)) --screenshot="$work/shot.png" \
  "file://$work/page.html" >/dev/null 2>&1 || true
[ -s "$work/shot.png" ] || { echo "make-screenshots.sh: chromium made no screenshot" >&2; exit 1; }
mkdir -p "$(dirname "$out")"
cp "$work/shot.png" "$out"
echo "make-screenshots.sh: wrote $out ($(stat -c %s "$out") bytes)" >&2
