package vn.ledger.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Prometheus and Grafana of the compose deployment: Prometheus scrapes every service where it listens, signed in with
 * a secret it has; Grafana finds Prometheus and the dashboard where compose puts them; the dashboard shows what was
 * asked for, from metrics the services really serve (exposed-metrics.txt, a real scrape).
 */
class MonitoringTest {

    private static final Path PROMETHEUS = Repository.DEPLOY.resolve("prometheus/prometheus.yml");
    private static final Path DASHBOARDS = Repository.DEPLOY.resolve("grafana/dashboards");
    private static final Path PROVISIONING = Repository.DEPLOY.resolve("grafana/provisioning");

    private static ComposeChecks compose;
    private static JsonNode prometheus;
    private static JsonNode dashboard;
    private static Set<String> exposed;

    @BeforeAll
    static void read() throws Exception {
        compose = new ComposeChecks(Repository.yaml(ComposeTest.COMPOSE), ComposeTest.COMPOSE.getParent(),
                ComposeTest.SECRETS_SCRIPT);
        prometheus = Repository.yaml(PROMETHEUS);
        dashboard = JsonMapper.builder().build().readTree(Repository.read(DASHBOARDS.resolve("ledger.json")));
        try (var lines = MonitoringTest.class.getResourceAsStream("/exposed-metrics.txt")) {
            exposed = new String(lines.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).collect(Collectors.toSet());
        }
    }

    @Test
    void prometheusScrapesEveryInstanceOfBothServicesSignedIn() {
        JsonNode service = compose.services().get("prometheus");
        String configFile = service.path("command").valueStream().map(JsonNode::asString)
                .filter(argument -> argument.startsWith("--config.file=")).findFirst().orElseThrow()
                .substring("--config.file=".length());
        assertThat(compose.mountedAt("prometheus", configFile)).contains(PROMETHEUS);

        Map<String, JsonNode> jobs = new java.util.LinkedHashMap<>();
        prometheus.path("scrape_configs").forEach(job -> jobs.put(job.path("job_name").asString(), job));
        for (Contract.Side side : List.of(Contract.COMMAND, Contract.QUERY)) {
            JsonNode job = jobs.get(side.name());
            assertThat(job).as("a scrape job %s", side.name()).isNotNull();
            assertThat(job.path("metrics_path").asString()).isEqualTo(Contract.METRICS);
            // every instance of the service, at the port it listens on
            JsonNode discovery = job.path("dns_sd_configs").get(0);
            assertThat(discovery.path("names").get(0).asString()).isEqualTo(side.name());
            assertThat(discovery.path("type").asString()).isEqualTo("A");
            assertThat(compose.port(side.name())).contains(discovery.path("port").asInt());
            // signed in as the user create-metrics-user.sh makes, with the password compose gives both
            assertThat(job.path("basic_auth").path("username").asString()).isEqualTo("metrics");
            String passwordFile = job.path("basic_auth").path("password_file").asString();
            assertThat(passwordFile).startsWith("/run/secrets/");
            String secret = passwordFile.substring("/run/secrets/".length());
            assertThat(ComposeChecks.secretsOf(service)).contains(secret);
            JsonNode metricsUser = compose.services().get("metrics-user");
            assertThat(ComposeChecks.secretsOf(metricsUser)).contains(secret);
            assertThat(ComposeChecks.environment(metricsUser)).containsEntry("LEDGER_METRICS_PASSWORD_FILE",
                    passwordFile);
        }
        // Prometheus starts once the user it signs in as is there
        assertThat(service.path("depends_on").path("metrics-user").path("condition").asString())
                .isEqualTo("service_completed_successfully");
        Path script = compose.mountedAt("metrics-user", ComposeChecks.mounts(compose.services().get("metrics-user"))
                .get(0).target()).orElseThrow();
        assertThat(Repository.read(script)).contains("\\\"username\\\":\\\"metrics\\\"", "AUDITOR");
    }

    @Test
    void grafanaFindsPrometheusAndTheDashboard() {
        assertThat(compose.targetOf("grafana", PROVISIONING)).contains("/etc/grafana/provisioning");
        String dashboardsTarget = compose.targetOf("grafana", DASHBOARDS).orElseThrow(
                () -> new AssertionError("grafana has no dashboards mounted"));

        JsonNode datasource = Repository.yaml(PROVISIONING.resolve("datasources/prometheus.yaml"))
                .path("datasources").get(0);
        assertThat(datasource.path("type").asString()).isEqualTo("prometheus");
        java.net.URI url = java.net.URI.create(datasource.path("url").asString());
        assertThat(compose.services()).containsKey(url.getHost());
        assertThat(url.getPort()).isEqualTo(9090);

        JsonNode provider = Repository.yaml(PROVISIONING.resolve("dashboards/ledger.yaml")).path("providers").get(0);
        assertThat(provider.path("options").path("path").asString()).isEqualTo(dashboardsTarget);
        String home = ComposeChecks.environment(compose.services().get("grafana"))
                .get("GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH");
        assertThat(home).startsWith(dashboardsTarget + "/");
        assertThat(DASHBOARDS.resolve(home.substring(dashboardsTarget.length() + 1))).exists();

        // every panel asks that data source
        String uid = datasource.path("uid").asString();
        assertThat(Monitoring.panels(dashboard)).isNotEmpty().allSatisfy(panel -> {
            assertThat(panel.path("datasource").path("uid").asString()).as(title(panel)).isEqualTo(uid);
            assertThat(panel.path("targets")).as(title(panel)).isNotEmpty().allSatisfy(target -> {
                assertThat(target.path("datasource").path("uid").asString()).isEqualTo(uid);
                assertThat(target.path("expr").asString()).isNotBlank();
            });
        });
    }

    @Test
    void theDashboardReadsOnlyMetricsTheServicesServe() {
        Set<String> scrapeJobs = new HashSet<>();
        prometheus.path("scrape_configs").forEach(job -> scrapeJobs.add(job.path("job_name").asString()));
        Set<String> unknown = new LinkedHashSet<>();
        Set<String> unknownJobs = new LinkedHashSet<>();
        for (String expression : expressions()) {
            Monitoring.metricNames(expression).stream()
                    .filter(name -> !exposed.contains(name) && !Monitoring.PROMETHEUS_SERIES.contains(name))
                    .forEach(unknown::add);
            Monitoring.jobs(expression).stream().filter(job -> !scrapeJobs.contains(job)).forEach(unknownJobs::add);
        }
        assertThat(unknown).as("metrics the services do not serve").isEmpty();
        assertThat(unknownJobs).as("jobs Prometheus does not scrape").isEmpty();
    }

    @Test
    void theDashboardShowsWhatWasAskedFor() {
        assertThat(dashboard.path("uid").asString()).isEqualTo("ledger");
        assertThat(Monitoring.layoutProblems(dashboard)).isEmpty();
        String all = String.join("\n", expressions());
        // command rate: POST requests per second by URI and status
        assertThat(expressions()).anySatisfy(e -> assertThat(e).contains("rate(http_server_requests_seconds_count",
                "method=\"POST\"", "by (uri, status)"));
        // errors: 4xx and 5xx rates
        assertThat(all).contains("status=~\"4..\"", "status=~\"5..\"");
        // processor lag per projection, Axon's processor latency
        assertThat(all).contains("by (projection) (ledger_projection_lag_events", "eventProcessor_latency");
        // rebuild progress
        assertThat(all).contains("ledger_projection_rebuild_progress_ratio");
        // security denials
        assertThat(all).contains("ledger_security_denials_total");
    }

    @Test
    void theQueryReaderCanFail() {
        assertThat(Monitoring.metricNames("sum by (uri, status) (rate(http_server_request_seconds_count{job=\"a\","
                + " method=\"POST\"}[$__rate_interval])) * 60 / ignoring(x) up"))
                .containsExactly("http_server_request_seconds_count", "up");
        assertThat(Monitoring.jobs("up{job=~\"command-service|querry-service\"}"))
                .containsExactly("command-service", "querry-service");
        JsonNode overlapping = JsonMapper.builder().build().readTree("""
                {"panels": [{"title": "a", "gridPos": {"x": 0, "y": 0, "w": 12, "h": 8}},
                            {"title": "b", "gridPos": {"x": 8, "y": 4, "w": 12, "h": 8}},
                            {"title": "c", "gridPos": {"x": 20, "y": 20, "w": 8, "h": 8}}]}""");
        assertThat(Monitoring.layoutProblems(overlapping)).containsExactly(
                "panel 'c' does not fit the grid: {\"x\":20,\"y\":20,\"w\":8,\"h\":8}", "panels 'a' and 'b' overlap");
    }

    @Test
    void theDashboardIsTheProvisionedFile() {
        assertThat(Files.isRegularFile(DASHBOARDS.resolve("ledger.json"))).isTrue();
        assertThat(dashboard.path("title").asString()).isEqualTo("Ledger");
    }

    private static List<String> expressions() {
        return Monitoring.panels(dashboard).stream()
                .flatMap(panel -> panel.path("targets").valueStream())
                .map(target -> target.path("expr").asString())
                .toList();
    }

    private static String title(JsonNode panel) {
        return "panel '" + panel.path("title").asString() + "'";
    }
}
