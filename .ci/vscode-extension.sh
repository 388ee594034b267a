#!/usr/bin/env bash
# Installs the VS Code extension's locked dependencies and packs it to a .vsix (editors/vscode).
# Exit 0 when it packs, or when the npm registry cannot be reached (said plainly: that is an outage, not a defect);
# exit 1 when the registry answers and the install or the packing fails (the extension is broken).
set -uo pipefail
cd "$(dirname "$0")/../editors/vscode"
if ! command -v npm >/dev/null; then
  echo "vscode extension: npm is not installed, so the extension was NOT packed" >&2
  exit 1
fi
registry=$(npm config get registry)
if ! timeout 30 npm ping >/dev/null 2>&1; then
  echo "vscode extension: the npm registry ($registry) is unreachable, so the extension was NOT packed (not counted as a failure)"
  exit 0
fi
if ! npm ci --no-audit --no-fund --loglevel=error; then
  echo "vscode extension: 'npm ci' failed although the registry ($registry) answers" >&2
  exit 1
fi
out="${TMPDIR:-/tmp}/digestkit-vsix-$$"
mkdir -p "$out"
if ! npx --no-install vsce package --out "$out/" >"$out/vsce.log" 2>&1; then
  cat "$out/vsce.log" >&2
  echo "vscode extension: 'vsce package' failed" >&2
  exit 1
fi
echo "vscode extension: packed $(ls "$out"/*.vsix)"
