#!/usr/bin/env bash
# Installs PostgreSQL from Debian's packages when missing, starts its cluster
# with pg_ctlcluster (the server binaries refuse to run as root, and
# pg_ctlcluster switches to the postgres user), creates a test role that may
# create databases, and exports TEST_DATABASE_URL for the server tests.
# Source it: `. .ci/postgres.sh`. Exits non-zero when PostgreSQL does not
# answer, so CI never skips the PostgreSQL tests silently.

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

if ! command -v pg_ctlcluster >/dev/null || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get update -q
  as_root apt-get install -y -q --no-install-recommends postgresql
fi

pg_version="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"
if ! pg_lsclusters -h | awk -v v="$pg_version" '$1 == v && $2 == "main"' | grep -q .; then
  as_root pg_createcluster "$pg_version" main
fi
if ! pg_lsclusters -h | awk -v v="$pg_version" '$1 == v && $2 == "main" && $4 == "online"' | grep -q .; then
  as_root pg_ctlcluster "$pg_version" main start
fi

pg_port="$(pg_lsclusters -h | awk -v v="$pg_version" '$1 == v && $2 == "main" { print $3 }')"
for _ in $(seq 1 30); do
  if as_root su postgres -c "psql -p $pg_port -tAc 'select 1'" >/dev/null 2>&1; then break; fi
  sleep 1
done
if ! as_root su postgres -c "psql -p $pg_port -tAc 'select 1'" >/dev/null 2>&1; then
  echo "PostgreSQL $pg_version did not start; see /var/log/postgresql/postgresql-$pg_version-main.log" >&2
  exit 1
fi

as_root su postgres -c "psql -p $pg_port -v ON_ERROR_STOP=1 -q" <<'SQL'
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'sras_test') THEN
    CREATE ROLE sras_test LOGIN CREATEDB PASSWORD 'sras_test';
  END IF;
END
$$;
-- Dropping a test database WITH (FORCE) ends its connections, autovacuum's too.
GRANT pg_signal_backend TO sras_test;
SELECT 'CREATE DATABASE sras_test OWNER sras_test'
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'sras_test')\gexec
SQL

export TEST_DATABASE_URL="postgres://sras_test:sras_test@127.0.0.1:${pg_port}/sras_test"
echo "PostgreSQL $pg_version is running on port $pg_port; TEST_DATABASE_URL is set."
