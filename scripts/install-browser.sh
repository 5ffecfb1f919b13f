#!/usr/bin/env bash
# Install Debian's Chromium for the browser tests (tests/web/, marker `browser`), driven by Playwright through
# its executable path. Playwright's own browser download is never used (it needs hosts we cannot reach).
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
    exit 0
fi
if [ "$(id -u)" != "0" ]; then
    echo "install-browser: /usr/bin/chromium is missing; run as root: apt-get update && apt-get install -y chromium" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
/usr/bin/chromium --version
