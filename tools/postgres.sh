#!/usr/bin/env bash
# Starts the Debian PostgreSQL cluster for the integration tests (installing it when missing and root)
# and makes sure the `spineqc` role exists. Prints the admin URL the tests use.
set -euo pipefail
# Only the URL may reach stdout (callers capture it): everything else is sent to stderr,
# so that `$(tools/postgres.sh)` gets a URL even when pg_ctlcluster has something to say.
PG_USER=spineqc
PG_PASSWORD=spineqc

if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    echo "postgres: installing postgresql" >&2
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
  else
    echo "postgres: needs PostgreSQL (sudo apt-get install postgresql)" >&2
    exit 1
  fi
fi

cluster=$(pg_lsclusters --no-header | awk 'NR==1 {print $1" "$2}')
if [[ -z $cluster ]]; then
  pg_createcluster 15 main >&2
  cluster="15 main"
fi
read -r version name <<<"$cluster"
if ! pg_lsclusters --no-header | awk -v v="$version" -v n="$name" '$1==v && $2==n {print $4}' | grep -q online; then
  pg_ctlcluster "$version" "$name" start >&2
fi
port=$(pg_lsclusters --no-header | awk -v v="$version" -v n="$name" '$1==v && $2==n {print $3}')

for _ in $(seq 1 30); do
  su postgres -c "pg_isready -q -p $port" && break
  sleep 1
done
su postgres -c "psql -q -p $port -tAc \"SELECT 1 FROM pg_roles WHERE rolname='$PG_USER'\"" | grep -q 1 ||
  su postgres -c "psql -q -p $port -c \"CREATE ROLE $PG_USER LOGIN CREATEDB PASSWORD '$PG_PASSWORD'\"" >&2
echo "postgresql://$PG_USER:$PG_PASSWORD@127.0.0.1:$port/postgres"
