#!/usr/bin/env bash
# Gives the services' database roles, made by deploy/sql/roles.sql, the right to log in with their passwords. Runs
# after roles.sql (which it does not repeat, so that it works whatever roles.sql sets up beyond the two roles), and
# may run again: it sets the passwords it is given.
#
#   ledger_command  <- LEDGER_COMMAND_DB_PASSWORD, or the file named by LEDGER_COMMAND_DB_PASSWORD_FILE
#   ledger_query    <- LEDGER_QUERY_DB_PASSWORD,   or the file named by LEDGER_QUERY_DB_PASSWORD_FILE
#
# Where it runs:
# - compose: mounted as /docker-entrypoint-initdb.d/20-role-passwords.sh of the postgres image (after 00-database.sh
#   and 10-roles.sql), with the *_FILE variables naming compose secrets;
# - Kubernetes: the ledger-db-init Job (deploy/k8s/bootstrap/db-init-job.yaml), with the passwords from the
#   ledger-secrets Secret, against the database given by libpq's PG* variables.
#
# The passwords travel to the server in an ALTER ROLE statement (stored as SCRAM-SHA-256, PostgreSQL's default);
# psql quotes them as literals, whatever characters they hold. Written to be run or sourced (the postgres image
# sources an init script that is not executable): it never calls exit.
set -Eeo pipefail

ledger_secret() {
    # the value of $1, or the content of the file named by $1_FILE
    local name="$1" file_name="$1_FILE"
    if [ -n "${!name:-}" ]; then
        printf '%s' "${!name}"
    elif [ -n "${!file_name:-}" ] && [ -r "${!file_name}" ]; then
        cat "${!file_name}"
    else
        echo "20-role-passwords.sh: set $name or $file_name (a readable file)" >&2
        return 1
    fi
}

ledger_role_passwords() {
    local command_password query_password
    command_password="$(ledger_secret LEDGER_COMMAND_DB_PASSWORD)"
    query_password="$(ledger_secret LEDGER_QUERY_DB_PASSWORD)"
    if [ -z "$command_password" ] || [ -z "$query_password" ]; then
        echo "20-role-passwords.sh: a database role's password is empty" >&2
        return 1
    fi
    psql -v ON_ERROR_STOP=1 --no-psqlrc --quiet \
        --username "${PGUSER:-${POSTGRES_USER:-postgres}}" \
        --dbname "${PGDATABASE:-${POSTGRES_DB:-ledger}}" \
        -v command_password="$command_password" -v query_password="$query_password" <<'SQL'
ALTER ROLE ledger_command WITH LOGIN PASSWORD :'command_password';
ALTER ROLE ledger_query WITH LOGIN PASSWORD :'query_password';
SQL
    echo "20-role-passwords.sh: ledger_command and ledger_query may log in"
}

ledger_role_passwords
