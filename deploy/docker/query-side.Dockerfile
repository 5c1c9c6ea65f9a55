# syntax=docker/dockerfile:1
#
# The query side of the ledger (queries, the web application at /, the calendar feeds, reports, rebuilds), from the
# jar the Maven build makes. From the repository's root:
#
#   ./mvnw -DskipTests package
#   docker build -f deploy/docker/query-side.Dockerfile -t ledger/query-side:0.1.0-SNAPSHOT .
#
# deploy/compose.yaml builds it the same way. What goes into the build context is limited by
# query-side.Dockerfile.dockerignore beside this file.
#
# Configuration (environment): LEDGER_DB_URL, LEDGER_DB_USER, LEDGER_DB_PASSWORD, LEDGER_QUERY_SEGMENTS (the segments
# the processors split the log into, shared by every instance: at least the number of replicas), SERVER_PORT; each
# LEDGER_* may instead be given as LEDGER_*_FILE, a file holding the value (see ledger-entrypoint.sh).

FROM eclipse-temurin:17.0.20_8-jre-noble

RUN groupadd --system --gid 10001 ledger \
    && useradd --system --uid 10001 --gid ledger --home-dir /var/lib/ledger --no-create-home \
        --shell /usr/sbin/nologin ledger \
    && mkdir -p /opt/ledger /var/lib/ledger \
    && chown -R ledger:ledger /var/lib/ledger

COPY --chmod=755 deploy/docker/ledger-entrypoint.sh /opt/ledger/ledger-entrypoint.sh
COPY --chmod=444 deploy/query-service/target/query-side.jar /opt/ledger/query-side.jar

# JAVA_OPTS: the heap follows the container's memory limit; a JVM out of memory exits so that it is restarted.
# Headless: the PDF reports and attendance sheets are drawn without a display.
ENV LEDGER_JAR=/opt/ledger/query-side.jar \
    SERVER_PORT=8082 \
    JAVA_OPTS="-XX:InitialRAMPercentage=50 -XX:MaxRAMPercentage=70 -XX:+ExitOnOutOfMemoryError -Djava.awt.headless=true"

USER 10001:10001
WORKDIR /var/lib/ledger
EXPOSE 8082

# ready: migrated, connected and serving (compose waits for it; Kubernetes uses its own probes)
HEALTHCHECK --interval=15s --timeout=5s --start-period=180s --retries=3 \
    CMD curl -fsS -o /dev/null "http://127.0.0.1:${SERVER_PORT}/actuator/health/readiness" || exit 1

# the base image's entrypoint adds CA certificates when USE_SYSTEM_CA_CERTS is set, then runs ours
ENTRYPOINT ["/__cacert_entrypoint.sh", "/opt/ledger/ledger-entrypoint.sh"]
