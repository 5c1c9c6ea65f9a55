#!/usr/bin/env bash
# Makes the secrets deploy/compose.yaml reads, one file each beside this script, with random values; a secret that
# is already there is kept (the database roles' passwords and the users' are set once, when they are made).
#
#   postgres_password        PostgreSQL's superuser 'postgres'
#   command_db_password      the database role ledger_command (the command service)
#   query_db_password        the database role ledger_query (the query service)
#   admin_password           the ledger's first OFFICE user 'admin'
#   metrics_password         the ledger's AUDITOR user 'metrics', which Prometheus scrapes with
#   grafana_admin_password   Grafana's 'admin'
#
# To choose one, write it into its file before the first `docker compose up` (no trailing newline needed). The files
# are readable by everyone on purpose: compose mounts them into containers that run as other users than yours
# (PostgreSQL, Prometheus, Grafana, the services); this directory itself is made readable by you alone.
# None of them is ever committed (.gitignore).
set -euo pipefail
cd "$(dirname "$0")"
chmod 700 .

for name in postgres_password command_db_password query_db_password admin_password metrics_password \
        grafana_admin_password; do
    if [ -s "$name" ]; then
        echo "kept $name"
        continue
    fi
    # 24 random bytes as 48 hexadecimal digits: no character that a shell, a URL or a YAML file would mind
    value="$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')"
    (umask 022 && printf '%s' "$value" > "$name")
    echo "made $name"
done
