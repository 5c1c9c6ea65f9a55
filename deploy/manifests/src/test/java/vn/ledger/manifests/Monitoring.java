package vn.ledger.manifests;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** Reading the Grafana dashboard's queries and laying out its panels. */
final class Monitoring {

    /** Series Prometheus makes itself for every target it scrapes. */
    static final Set<String> PROMETHEUS_SERIES = Set.of("up", "scrape_duration_seconds", "scrape_samples_scraped",
            "scrape_samples_post_metric_relabeling", "scrape_series_added");

    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without", "on",
            "ignoring", "group_left", "group_right", "inf", "nan");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_:][A-Za-z0-9_:]*");
    private static final Pattern JOB = Pattern.compile("\\bjob\\s*=~?\\s*\"([^\"]*)\"");

    private Monitoring() {
    }

    /** The metric names a PromQL expression reads (not its functions, keywords, labels or Grafana variables). */
    static Set<String> metricNames(String expression) {
        String text = expression
                .replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^\\]]*]", " ")
                .replaceAll("\\$\\{?\\w+}?", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
        Set<String> names = new LinkedHashSet<>();
        Matcher identifier = IDENTIFIER.matcher(text);
        while (identifier.find()) {
            String name = identifier.group();
            String rest = text.substring(identifier.end()).stripLeading();
            boolean function = rest.startsWith("(");
            boolean number = identifier.start() > 0 && Character.isDigit(text.charAt(identifier.start() - 1));
            if (!function && !number && !KEYWORDS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                names.add(name);
            }
        }
        return names;
    }

    /** The jobs an expression selects by name ({@code job="a"}, {@code job=~"a|b"}). */
    static Set<String> jobs(String expression) {
        Set<String> jobs = new LinkedHashSet<>();
        Matcher job = JOB.matcher(expression);
        while (job.find()) {
            jobs.addAll(List.of(job.group(1).split("\\|")));
        }
        return jobs;
    }

    /** The panels of a dashboard that show data (its rows left out), nested rows' panels included. */
    static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> panels = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            if (panel.path("type").asString().equals("row")) {
                panel.path("panels").forEach(panels::add);
            } else {
                panels.add(panel);
            }
        }
        return panels;
    }

    /** Pairs of panels whose places on the dashboard's 24-column grid overlap, and panels wider than it. */
    static List<String> layoutProblems(JsonNode dashboard) {
        List<String> problems = new ArrayList<>();
        List<JsonNode> all = new ArrayList<>();
        dashboard.path("panels").forEach(all::add);
        for (JsonNode panel : all) {
            JsonNode grid = panel.path("gridPos");
            if (grid.path("x").asInt() + grid.path("w").asInt() > 24 || grid.path("w").asInt() <= 0
                    || grid.path("h").asInt() <= 0) {
                problems.add("panel '" + panel.path("title").asString() + "' does not fit the grid: " + grid);
            }
        }
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                if (overlap(all.get(i).path("gridPos"), all.get(j).path("gridPos"))) {
                    problems.add("panels '" + all.get(i).path("title").asString() + "' and '"
                            + all.get(j).path("title").asString() + "' overlap");
                }
            }
        }
        return problems;
    }

    private static boolean overlap(JsonNode a, JsonNode b) {
        return a.path("x").asInt() < b.path("x").asInt() + b.path("w").asInt()
                && b.path("x").asInt() < a.path("x").asInt() + a.path("w").asInt()
                && a.path("y").asInt() < b.path("y").asInt() + b.path("h").asInt()
                && b.path("y").asInt() < a.path("y").asInt() + a.path("h").asInt();
    }
}
