# syntax=docker/dockerfile:1
#
# The command side of the ledger (POST commands, the audit sealer), from the jar the Maven build makes. From the
# repository's root:
#
#   ./mvnw -DskipTests package
#   docker build -f deploy/docker/command-side.Dockerfile -t ledger/command-side:0.1.0-SNAPSHOT .
#
# deploy/compose.yaml builds it the same way. What goes into the build context is limited by
# command-side.Dockerfile.dockerignore beside this file.
#
# Configuration (environment): LEDGER_DB_URL, LEDGER_DB_USER, LEDGER_DB_PASSWORD, LEDGER_ADMIN_PASSWORD,
# LEDGER_AUDIT_ENABLED, SERVER_PORT; each LEDGER_* may instead be given as LEDGER_*_FILE, a file holding the value
# (see ledger-entrypoint.sh). The audit signing key lives in LEDGER_KEY_DIR, /var/lib/ledger/keys: mount a persistent
# volume there and back it up: a new container without it makes a new key, that is a new signer (docs/audit.md).

FROM eclipse-temurin:17.0.20_8-jre-noble

RUN groupadd --system --gid 10001 ledger \
    && useradd --system --uid 10001 --gid ledger --home-dir /var/lib/ledger --no-create-home \
        --shell /usr/sbin/nologin ledger \
    && mkdir -p /opt/ledger /var/lib/ledger/keys \
    && chown -R ledger:ledger /var/lib/ledger \
    && chmod 700 /var/lib/ledger/keys

COPY --chmod=755 deploy/docker/ledger-entrypoint.sh /opt/ledger/ledger-entrypoint.sh
COPY --chmod=444 deploy/command-service/target/command-side.jar /opt/ledger/command-side.jar

# JAVA_OPTS: the heap follows the container's memory limit; a JVM out of memory exits so that it is restarted.
ENV LEDGER_JAR=/opt/ledger/command-side.jar \
    LEDGER_KEY_DIR=/var/lib/ledger/keys \
    SERVER_PORT=8081 \
    JAVA_OPTS="-XX:InitialRAMPercentage=50 -XX:MaxRAMPercentage=70 -XX:+ExitOnOutOfMemoryError -Djava.awt.headless=true"

USER 10001:10001
WORKDIR /var/lib/ledger
EXPOSE 8081

# ready: migrated, connected and taking commands (compose waits for it; Kubernetes uses its own probes)
HEALTHCHECK --interval=15s --timeout=5s --start-period=180s --retries=3 \
    CMD curl -fsS -o /dev/null "http://127.0.0.1:${SERVER_PORT}/actuator/health/readiness" || exit 1

# the base image's entrypoint adds CA certificates when USE_SYSTEM_CA_CERTS is set, then runs ours
ENTRYPOINT ["/__cacert_entrypoint.sh", "/opt/ledger/ledger-entrypoint.sh"]
