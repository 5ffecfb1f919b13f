#!/usr/bin/env bash
# Create .venv (python3.11) if missing and install the locked dependencies, only when requirements.lock or
# pyproject.toml changed since the last successful install (a content hash in .venv/.sitreps-install-stamp;
# content, not mtime, because a fresh clone or a checkout touches every file).
#
#   scripts/ensure-venv.sh            # used by `make demo` and `make test`
#   PYTHON=python3.11 VENV=.venv scripts/ensure-venv.sh
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3.11}
VENV=${VENV:-.venv}
STAMP="$VENV/.sitreps-install-stamp"

if [ ! -x "$VENV/bin/python" ]; then
    if ! command -v "$PYTHON" >/dev/null 2>&1; then
        echo "ensure-venv: $PYTHON not found; install Python 3.11 or run with PYTHON=/path/to/python3.11" >&2
        exit 1
    fi
    echo "ensure-venv: creating $VENV with $PYTHON" >&2
    "$PYTHON" -m venv "$VENV"
fi

want=$(cat requirements.lock pyproject.toml | sha256sum | cut -d' ' -f1)
have=$(cat "$STAMP" 2>/dev/null || true)
if [ "$want" = "$have" ]; then
    exit 0
fi
echo "ensure-venv: installing requirements.lock into $VENV" >&2
"$VENV/bin/python" -m pip install --disable-pip-version-check --require-hashes -r requirements.lock
"$VENV/bin/python" -m pip install --disable-pip-version-check --no-deps -e .
echo "$want" > "$STAMP"
