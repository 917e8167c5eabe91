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

want=("${runtime[@]}")
if [ "${1:-runtime}" = "test" ]; then
  want+=("${testonly[@]}")
fi
# Node.js and npm install the front-end assets; any Node.js already on the machine will do.
command -v npm >/dev/null 2>&1 || want+=(nodejs npm)

missing=()
for pkg in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installerar Debianpaket: ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
  echo "Kör som root, eller installera paketen själv: sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends "${missing[@]}"
