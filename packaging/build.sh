#!/usr/bin/env bash
# Builds the one-folder Linux application into dist/BlueprintStudio (PyInstaller) and prints its
# size. Usage: packaging/build.sh [OUTPUT_DIR]
set -euo pipefail
source "$(dirname "$0")/../scripts/setup.sh"
ensure_system_packages "$SYSTEM_PACKAGES_RUN binutils"
ensure_venv
cd "$ROOT"
out="${1:-$ROOT/dist}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$VENV/bin/python" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$out" --workpath "$work" packaging/blueprint-studio.spec >&2
echo "bundle: $out/BlueprintStudio ($(du -sh "$out/BlueprintStudio" | cut -f1))"
