#!/usr/bin/env bash
# Starts Debian's PostgreSQL cluster (installed by scripts/deps.sh postgres),
# creates the role gongwen_test that may create databases, and prints the
# URL the store's tests take from GONGWEN_TEST_PG (each test makes and drops
# a database of its own):
#
#   export GONGWEN_TEST_PG=$(bash scripts/pg-test-server.sh)
#
# Safe to run again. Needs root or sudo (it acts as the postgres user).
set -euo pipefail
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
read -r version cluster port status _ < <(pg_lsclusters --no-header | head -1)
[ -n "${version:-}" ] || { echo "没有 PostgreSQL 集群：请先运行 scripts/deps.sh postgres" >&2; exit 1; }
if [ "$status" != online ]; then
	$sudo pg_ctlcluster "$version" "$cluster" start >&2
fi
as_postgres() { $sudo -u postgres "$@"; }
[ "$(id -u)" -eq 0 ] && as_postgres() { su postgres -s /bin/sh -c "$(printf '%q ' "$@")"; }
as_postgres psql -p "$port" -qtAc "SELECT 1 FROM pg_roles WHERE rolname = 'gongwen_test'" | grep -q 1 ||
	as_postgres psql -p "$port" -qc "CREATE ROLE gongwen_test LOGIN CREATEDB PASSWORD 'gongwen_test'" >&2
as_postgres psql -p "$port" -qtAc "SELECT 1 FROM pg_database WHERE datname = 'gongwen_test'" | grep -q 1 ||
	as_postgres psql -p "$port" -qc "CREATE DATABASE gongwen_test OWNER gongwen_test" >&2
echo "postgres://gongwen_test:gongwen_test@localhost:$port/gongwen_test?sslmode=disable"
