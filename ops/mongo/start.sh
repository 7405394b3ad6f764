#!/bin/sh
# A replica set with authentication needs a key file, even with one member. It is made on the first
# start inside the data volume (never committed), readable by mongod only, then the image's own
# entrypoint runs mongod with it.
set -eu
keyfile=/data/db/.cx-keyfile
if [ ! -s "$keyfile" ]; then
  head -c 756 /dev/urandom | base64 | tr -d '\n' > "$keyfile"
fi
chmod 400 "$keyfile"
chown 999:999 "$keyfile"
exec docker-entrypoint.sh mongod --replSet rs0 --bind_ip_all --keyFile "$keyfile"
