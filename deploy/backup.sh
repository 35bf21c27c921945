#!/usr/bin/env bash
# Nightly backup: a PostgreSQL custom-format dump plus the evidence files.
# Restore: pg_restore --clean -d "$DATABASE_URL" DUMP; rsync the media folder back.
set -euo pipefail
: "${DATABASE_URL:?set DATABASE_URL}" "${MEDIA_ROOT:?set MEDIA_ROOT}"
dest="${BACKUP_DIR:-/var/backups/parindex}/$(date +%Y-%m-%d)"
mkdir -p "$dest"
pg_dump --format=custom --file "$dest/parindex.dump" "$DATABASE_URL"
rsync -a "$MEDIA_ROOT/" "$dest/media/"
echo "backup written to $dest"
