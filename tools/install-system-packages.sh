#!/usr/bin/env bash
# Installs the Debian packages the portal needs, only those missing (safe to run again).
# Usage: tools/install-system-packages.sh runtime|test
set -euo pipefail

runtime=(python3 python3-venv python3-dev gcc make git curl ca-certificates
         libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu  # WeasyPrint (PDF) and its fonts
         chromium                                         # kaleido (chart SVG) and browser tests
         gettext                                          # compiling the English translation
         poppler-utils)                                   # pdftotext / pdftoppm for checking PDFs
testonly=(postgresql-15)

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }

want=("${runtime[@]}")
if [ "${1:-runtime}" = "test" ]; then
  want+=("${testonly[@]}")
fi
# Node.js and npm install the front-end assets; any Node.js already on the machine will do.
command -v npm >/dev/null 2>&1 || want+=(nodejs npm)

missing=()
for pkg in "${want[@]}"; do
  installed "$pkg" || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installerar Debianpaket: ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
  echo "Kör som root, eller installera paketen själv: sudo apt-get install ${missing[*]}" >&2
  exit 1
fi

# The tests start their own throw-away PostgreSQL server (tools/throwaway_postgres.py); the
# package alone must not leave a permanent server behind. On a machine that has no PostgreSQL
# yet: no "main" cluster is created (so nothing listens on port 5432), no service is started
# while installing, and the postgresql service is left disabled. A machine that already runs
# PostgreSQL is left as it is.
fresh_postgres=false
if [[ " ${missing[*]} " == *" postgresql-15 "* ]] && ! installed postgresql-common; then
  fresh_postgres=true
  mkdir -p /etc/postgresql-common/createcluster.d
  printf '%s\n' "# GNV-portalen: the tests use a throw-away server of their own." "create_main_cluster = false" \
    > /etc/postgresql-common/createcluster.d/gnv-portalen.conf
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
    trap 'rm -f /usr/sbin/policy-rc.d' EXIT
  fi
fi

export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends "${missing[@]}"

if $fresh_postgres && command -v systemctl >/dev/null 2>&1; then
  systemctl disable --now postgresql.service >/dev/null 2>&1 || true
fi
