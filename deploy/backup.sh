#!/bin/sh
# Backup of GNV-portalen into FOLDER: a PostgreSQL dump (pg_dump custom format, restored with
# pg_restore) and the portal's JSON export (manage.py import_data), named by date; older than
# 30 days are removed. Reads DATABASE_URL from the environment (systemd: /etc/gnv-portalen/env).
#   deploy/backup.sh /var/backups/gnv-portalen
set -eu
umask 077  # the copies hold every answer and the password hashes: readable by gnv only
folder=${1:?usage: backup.sh FOLDER}
cd "$(dirname "$0")/.."
mkdir -p "$folder"
stamp=$(date +%Y-%m-%d-%H%M)
pg_dump --format=custom --dbname="$DATABASE_URL" --file="$folder/gnv-$stamp.dump"
.venv/bin/python manage.py export_data "$folder/gnv-$stamp.json"
gzip -f "$folder/gnv-$stamp.json"
find "$folder" -name 'gnv-*' -mtime +30 -delete
echo "Säkerhetskopia klar: $folder/gnv-$stamp.dump, $folder/gnv-$stamp.json.gz"
