# Shared by scripts/run and scripts/test: a project-local virtual environment with everything
# installed, and the Debian packages Qt, fonts and the export checks need. Sourced, not run.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"
PY="$VENV/bin/python"

# Debian packages: Qt's runtime libraries, fonts for Chinese, the other scripts and emoji, and the
# tools the tests check exports with.
SYSTEM_PACKAGES_RUN="libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3
  libglib2.0-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0
  fonts-wqy-microhei fonts-noto-core fonts-noto-color-emoji"
SYSTEM_PACKAGES_TEST="$SYSTEM_PACKAGES_RUN librsvg2-bin poppler-utils qpdf xvfb graphviz"

find_python() {
  for candidate in python3.13 python3.12 python3.11 python3; do
    if command -v "$candidate" >/dev/null 2>&1 &&
       "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
      echo "$candidate"; return 0
    fi
  done
  echo "Blueprint Studio needs Python 3.11 or newer (sudo apt-get install python3)" >&2
  return 1
}

ensure_system_packages() {
  command -v dpkg >/dev/null 2>&1 || return 0  # not Debian/Ubuntu: the README lists the needs
  local missing=()
  for package in $1; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing system packages: ${missing[*]}" >&2
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2
  else
    echo "Missing system packages. Install them with:" >&2
    echo "  sudo apt-get install ${missing[*]}" >&2
    return 1
  fi
}

ensure_venv() {
  local python stamp wanted
  python="$(find_python)"
  if [ ! -x "$PY" ]; then
    if ! "$python" -m venv "$VENV" >/dev/null 2>&1; then
      rm -rf "$VENV"
      ensure_system_packages "python3-venv"
      "$python" -m venv "$VENV"
    fi
  fi
  stamp="$VENV/.installed"
  wanted="$(cat "$ROOT/pyproject.toml" | sha256sum | cut -d' ' -f1)"
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$wanted" ]; then
    echo "Installing Blueprint Studio and its dependencies into .venv ..." >&2
    "$PY" -m pip install -q --upgrade pip >&2
    "$PY" -m pip install -q -e "$ROOT[dev]" >&2
    echo "$wanted" > "$stamp"
  fi
}

# The BPMN tools of bpmn.io and Camunda Modeler (bpmnlint, bpmn-moddle), pinned by
# tools/bpmn-lint/package-lock.json, for the tests that lint the BPMN export. Node and npm come
# from Debian's nodejs and npm packages only when none is installed: a node that brings its own
# npm conflicts with Debian's npm package.
BPMN_LINT="$ROOT/tools/bpmn-lint"

ensure_bpmn_lint() {
  local stamp wanted
  if ! command -v node >/dev/null 2>&1; then
    ensure_system_packages "nodejs"
  fi
  if ! command -v npm >/dev/null 2>&1; then
    ensure_system_packages "npm"
  fi
  stamp="$BPMN_LINT/node_modules/.installed"
  wanted="$(sha256sum < "$BPMN_LINT/package-lock.json" | cut -d' ' -f1)"
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$wanted" ]; then
    echo "Installing bpmnlint and bpmn-moddle into tools/bpmn-lint/node_modules ..." >&2
    (cd "$BPMN_LINT" && npm ci --no-audit --no-fund --loglevel=error >&2)
    echo "$wanted" > "$stamp"
  fi
}
