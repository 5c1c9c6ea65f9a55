#!/usr/bin/env bash
# Makes the ledger's database if it is not there yet. First of the database's init scripts; deploy/sql/roles.sql (the
# roles ledger_command and ledger_query and their grants) runs after it, then 20-role-passwords.sh.
#
# Where it runs:
# - compose: mounted as /docker-entrypoint-initdb.d/00-database.sh of the postgres image, which runs it once, on an
#   empty data directory, as POSTGRES_USER over the local socket. There POSTGRES_DB=ledger has already made the
#   database, and this finds it.
# - Kubernetes: the ledger-db-init Job (deploy/k8s/bootstrap/db-init-job.yaml) runs it against the external
#   PostgreSQL with libpq's PGHOST, PGPORT, PGUSER, PGPASSWORD of a role that may create databases.
#
# LEDGER_DB_NAME names the database (default ledger). Written to be run or sourced (the postgres image sources an
# init script that is not executable): it never calls exit.
set -Eeo pipefail

ledger_create_database() {
    local database="${LEDGER_DB_NAME:-ledger}"
    # connected to the maintenance database: the ledger's may not exist yet
    psql -v ON_ERROR_STOP=1 --no-psqlrc --quiet \
        --username "${PGUSER:-${POSTGRES_USER:-postgres}}" --dbname postgres \
        -v database="$database" <<'SQL'
SELECT format('CREATE DATABASE %I', :'database')
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'database')
\gexec
SQL
    echo "00-database.sh: the database $database is there"
}

ledger_create_database
