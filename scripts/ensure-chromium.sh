#!/usr/bin/env bash
# The browser test drives Debian's `chromium` with playwright-core (which ships
# no browser). Install it where it is missing: CI runs as root on a clean
# Debian image with apt-get available.
set -euo pipefail
command -v chromium >/dev/null 2>&1 || (apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium)
command -v chromium
