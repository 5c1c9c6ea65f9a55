#!/usr/bin/env bash
# Makes the ledger's user 'metrics' (role AUDITOR: reads, never writes) that Prometheus signs in with to read
# /actuator/prometheus, which the services serve to signed-in users only. Run once by compose's metrics-user service
# (deploy/compose.yaml) in the command service's image, after the command service is ready; the Kubernetes
# equivalent is in docs/operations.md.
#
#   LEDGER_COMMAND_URL             the command service (default http://command-service:8081)
#   LEDGER_ADMIN_PASSWORD_FILE     the password of the OFFICE user 'admin', who makes the user
#   LEDGER_METRICS_PASSWORD_FILE   the password to give 'metrics' (the one Prometheus' password_file holds)
#
# Already there with this password: nothing to do. There with another one: an error, since the ledger has no way to
# change a user's password over HTTP; choose the old password again or make another user.
set -euo pipefail

base="${LEDGER_COMMAND_URL:-http://command-service:8081}"
admin_password="$(cat "${LEDGER_ADMIN_PASSWORD_FILE:?the file of the admin password}")"
metrics_password="$(cat "${LEDGER_METRICS_PASSWORD_FILE:?the file of the metrics user password}")"

json_string() {
    local value="${1//\\/\\\\}"
    value="${value//\"/\\\"}"
    printf '"%s"' "$value"
}

# credentials go to curl on its standard input, not on its command line
curl_as() {
    local user="$1" password="$2"
    shift 2
    printf 'user = %s\n' "$(json_string "$user:$password")" | curl --config - --silent --show-error "$@"
}

body="{\"username\":\"metrics\",\"password\":$(json_string "$metrics_password"),\"role\":\"AUDITOR\"}"
response="$(mktemp)"
status="$(curl_as admin "$admin_password" --output "$response" --write-out '%{http_code}' \
    --header 'Content-Type: application/json' --data "$body" "$base/api/v1/users")"
case "$status" in
    201)
        echo "made the AUDITOR user 'metrics'"
        ;;
    409)
        scrape="$(curl_as metrics "$metrics_password" --output /dev/null --write-out '%{http_code}' \
            "$base/actuator/prometheus")"
        if [ "$scrape" != 200 ]; then
            echo "the user 'metrics' exists but cannot read the metrics with this password (HTTP $scrape)" >&2
            exit 1
        fi
        echo "the user 'metrics' is already there"
        ;;
    *)
        echo "could not make the user 'metrics': HTTP $status" >&2
        cat "$response" >&2
        echo >&2
        exit 1
        ;;
esac
