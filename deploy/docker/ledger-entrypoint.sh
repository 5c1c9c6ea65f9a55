#!/usr/bin/env bash
# The ledger services' entrypoint in their container images (deploy/docker/*.Dockerfile).
#
# 1. Secrets as files: for every variable LEDGER_<NAME>_FILE, LEDGER_<NAME> is set to the content of that file (its
#    trailing newlines dropped), as compose's secrets and Kubernetes' secret volumes mount them, e.g.
#    LEDGER_DB_PASSWORD_FILE=/run/secrets/command_db_password. Setting both LEDGER_<NAME> and LEDGER_<NAME>_FILE is
#    an error.
# 2. Runs the service: java $JAVA_OPTS -jar $LEDGER_JAR, with this script's arguments after the jar (e.g.
#    --logging.level.root=DEBUG). JAVA_OPTS is split on spaces; an option cannot contain one.
set -euo pipefail

for file_variable in $(compgen -e); do
    case "$file_variable" in
        LEDGER_*_FILE) ;;
        *) continue ;;
    esac
    variable="${file_variable%_FILE}"
    file="${!file_variable}"
    if [ -n "${!variable:-}" ]; then
        echo "ledger-entrypoint: both $variable and $file_variable are set; set one of them" >&2
        exit 64
    fi
    if [ ! -r "$file" ]; then
        echo "ledger-entrypoint: $file_variable names $file, which cannot be read" >&2
        exit 66
    fi
    export "$variable=$(cat "$file")"
    unset "$file_variable"
done

: "${LEDGER_JAR:?the image sets LEDGER_JAR, the service jar to run}"
# shellcheck disable=SC2086 # JAVA_OPTS holds several options
exec java ${JAVA_OPTS:-} -jar "$LEDGER_JAR" "$@"
