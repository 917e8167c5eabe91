#!/bin/sh
# manage.py as the service user with the production settings, e.g.
#   runuser -u gnv -- /srv/gnv-portalen/deploy/manage.sh migrate
set -eu
set -a
. /etc/gnv-portalen/env
set +a
cd "$(dirname "$0")/.."
exec .venv/bin/python manage.py "$@"
