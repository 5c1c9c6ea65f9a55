package vn.ledger.manifests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * What refers to what in a compose file: each service's image or build (its Dockerfile, the files it copies, the
 * ignore file that lets them into the context), the files it mounts, its secrets and their files, the variables it is
 * given against the services' contract, the services it waits for; and the configuration files of nginx, Prometheus and
 * Grafana against the services they name. Each check answers the problems it found.
 */
final class ComposeChecks {

    /** A bind mount, a volume, or a tmpfs of a service. */
    record Mount(String source, String target, boolean bind) {
    }

    private static final Pattern PINNED_TAG = Pattern.compile("[^:/]+(/[^:/]+)*:[^:]*\\d[^:]*");
    private static final Pattern UPSTREAM_SERVER = Pattern.compile("^\\s*server\\s+([A-Za-z0-9.-]+):(\\d+)",
            Pattern.MULTILINE);
    private static final Pattern JDBC_HOST = Pattern.compile("^jdbc:postgresql://([^:/?]+)(?::(\\d+))?/");

    private final JsonNode compose;
    private final Path directory;
    private final Path secretsScript;

    /**
     * @param compose the compose file as a tree
     * @param directory the directory relative paths of the file start from (the compose file's)
     * @param secretsScript the script that makes the secrets' files
     */
    ComposeChecks(JsonNode compose, Path directory, Path secretsScript) {
        this.compose = compose;
        this.directory = directory;
        this.secretsScript = secretsScript;
    }

    Map<String, JsonNode> services() {
        Map<String, JsonNode> services = new LinkedHashMap<>();
        compose.path("services").properties().forEach(entry -> services.put(entry.getKey(), entry.getValue()));
        return services;
    }

    /** A service's environment, whether written as a map or as a list of NAME=value. */
    static Map<String, String> environment(JsonNode service) {
        Map<String, String> environment = new LinkedHashMap<>();
        JsonNode node = service.path("environment");
        if (node.isObject()) {
            node.properties().forEach(e -> environment.put(e.getKey(), e.getValue().isNull() ? null
                    : e.getValue().asString()));
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                String text = item.asString();
                int equals = text.indexOf('=');
                environment.put(equals < 0 ? text : text.substring(0, equals),
                        equals < 0 ? null : text.substring(equals + 1));
            }
        }
        return environment;
    }

    static List<Mount> mounts(JsonNode service) {
        List<Mount> mounts = new ArrayList<>();
        for (JsonNode volume : service.path("volumes")) {
            if (volume.isObject()) {
                String type = volume.path("type").asString("volume");
                mounts.add(new Mount(volume.path("source").asString(null), volume.path("target").asString(),
                        type.equals("bind")));
            } else {
                String[] parts = volume.asString().split(":");
                if (parts.length == 1) {
                    mounts.add(new Mount(null, parts[0], false));
                } else {
                    boolean bind = parts[0].startsWith(".") || parts[0].startsWith("/") || parts[0].startsWith("~");
                    mounts.add(new Mount(parts[0], parts[1], bind));
                }
            }
        }
        return mounts;
    }

    static List<String> secretsOf(JsonNode service) {
        List<String> secrets = new ArrayList<>();
        for (JsonNode secret : service.path("secrets")) {
            secrets.add(secret.isObject() ? secret.path("source").asString() : secret.asString());
        }
        return secrets;
    }

    static List<String> dependencies(JsonNode service) {
        JsonNode dependsOn = service.path("depends_on");
        if (dependsOn.isArray()) {
            List<String> names = new ArrayList<>();
            dependsOn.forEach(name -> names.add(name.asString()));
            return names;
        }
        return new ArrayList<>(dependsOn.propertyNames());
    }

    /** The Dockerfile a service is built from, if it is built. */
    Optional<Path> dockerfile(JsonNode service) {
        JsonNode build = service.path("build");
        if (build.isMissingNode()) {
            return Optional.empty();
        }
        Path context = directory.resolve(build.isObject() ? build.path("context").asString(".") : build.asString())
                .normalize();
        return Optional.of(context.resolve(build.path("dockerfile").asString("Dockerfile")).normalize());
    }

    Path buildContext(JsonNode service) {
        JsonNode build = service.path("build");
        return directory.resolve(build.isObject() ? build.path("context").asString(".") : build.asString()).normalize();
    }

    /**
     * Every service has an image or a build; an image pulled from a registry is pinned to a version; a build's
     * Dockerfile exists, its base image is pinned, it copies only files that exist (or the services' jars) and that its
     * ignore file lets into the context, it runs as a user other than root.
     */
    List<String> imagesAndBuilds() {
        List<String> problems = new ArrayList<>();
        Set<String> built = services().values().stream().filter(s -> s.has("build"))
                .map(s -> s.path("image").asString("")).collect(Collectors.toSet());
        services().forEach((name, service) -> {
            String image = service.path("image").asString("");
            if (image.isEmpty() && !service.has("build")) {
                problems.add("service " + name + " has neither image nor build");
                return;
            }
            if (!service.has("build") && !built.contains(image) && !PINNED_TAG.matcher(image).matches()) {
                problems.add("service " + name + "'s image " + image + " is not pinned to a version");
            }
            if (!service.has("build") && built.contains(image)
                    && !"never".equals(service.path("pull_policy").asString(""))) {
                problems.add("service " + name + " runs the image another service builds: set pull_policy: never,"
                        + " or a registry's image of that name could be pulled instead");
            }
            if (service.has("build")) {
                if (!"build".equals(service.path("pull_policy").asString(""))) {
                    problems.add("service " + name + " is built: set pull_policy: build, or an image of the same name"
                            + " on a registry would be pulled instead");
                }
                problems.addAll(build(name, service));
            }
        });
        return problems;
    }

    private List<String> build(String name, JsonNode service) {
        List<String> problems = new ArrayList<>();
        Path context = buildContext(service);
        Path file = dockerfile(service).orElseThrow();
        if (!Files.isRegularFile(file)) {
            problems.add("service " + name + " is built from " + file + ", which is missing");
            return problems;
        }
        Dockerfile dockerfile = Dockerfile.parse(Repository.read(file));
        String where = "service " + name + " (" + Repository.relative(file) + ")";
        dockerfile.all("FROM").forEach(from -> {
            String base = from.words().get(0);
            if (!PINNED_TAG.matcher(base).matches() || base.endsWith(":latest")) {
                problems.add(where + ": the base image " + base + " is not pinned to a version");
            }
        });
        Path ignoreFile = file.resolveSibling(file.getFileName() + ".dockerignore");
        List<String> ignoreLines = Files.exists(ignoreFile) ? Repository.read(ignoreFile).lines()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList() : List.of();
        boolean ignoresAll = ignoreLines.contains("*");
        for (String source : dockerfile.copiedSources()) {
            String fromRoot = Repository.relative(context.resolve(source));
            boolean exists = Files.exists(context.resolve(source));
            Contract.Side side = Contract.BY_JAR.get(fromRoot);
            if (!exists && side == null) {
                problems.add(where + " copies " + source + ", which is missing");
            }
            if (side != null) {
                problems.addAll(jarModule(where, fromRoot));
            }
            if (ignoresAll && !ignoreLines.contains("!" + source)) {
                problems.add(where + " copies " + source + ", which " + ignoreFile.getFileName()
                        + " keeps out of the build context");
            }
        }
        String user = dockerfile.last("USER").map(u -> u.words().get(0).split(":")[0]).orElse("root");
        if (user.equals("root") || user.equals("0")) {
            problems.add(where + " runs as root: end with a USER that is not");
        }
        dockerfile.last("ENTRYPOINT").ifPresent(entrypoint -> {
            Matcher script = Pattern.compile("\"(/opt/[^\"]+)\"").matcher(entrypoint.arguments());
            while (script.find()) {
                String path = script.group(1);
                boolean copied = dockerfile.all("COPY").stream().anyMatch(copy -> copy.words()
                        .get(copy.words().size() - 1).equals(path));
                if (!copied) {
                    problems.add(where + "'s entrypoint runs " + path + ", which no COPY puts there");
                }
            }
        });
        return problems;
    }

    /** A service jar a Dockerfile copies is the one its module builds, once the module is in the tree. */
    private static List<String> jarModule(String where, String jar) {
        Path module = Repository.ROOT.resolve(jar).getParent().getParent();
        Path pom = module.resolve("pom.xml");
        if (!Files.exists(pom)) {
            return Repository.servicesArePresent()
                    ? List.of(where + " copies " + jar + ", but there is no module " + Repository.relative(module))
                    : List.of();
        }
        String name = Path.of(jar).getFileName().toString().replace(".jar", "");
        return Repository.read(pom).contains("<finalName>" + name + "</finalName>") ? List.of()
                : List.of(where + " copies " + jar + ", but " + Repository.relative(pom) + " does not name its jar "
                        + name);
    }

    /** Every bind-mounted file exists; every named volume and secret a service uses is declared. */
    List<String> mountsAndSecrets() {
        List<String> problems = new ArrayList<>();
        Set<String> volumes = compose.path("volumes").propertyNames().stream().collect(Collectors.toSet());
        Set<String> secrets = compose.path("secrets").propertyNames().stream().collect(Collectors.toSet());
        services().forEach((name, service) -> {
            for (Mount mount : mounts(service)) {
                if (mount.bind()) {
                    Path source = directory.resolve(mount.source()).normalize();
                    boolean theServicesFile = Repository.relative(source).equals(Contract.ROLES_SQL)
                            && !Repository.servicesArePresent();
                    if (!Files.exists(source) && !theServicesFile) {
                        problems.add("service " + name + " mounts " + mount.source() + ", which is missing");
                    }
                } else if (mount.source() != null && !volumes.contains(mount.source())) {
                    problems.add("service " + name + " mounts the volume " + mount.source() + ", which is not declared");
                }
            }
            for (String secret : secretsOf(service)) {
                if (!secrets.contains(secret)) {
                    problems.add("service " + name + " uses the secret " + secret + ", which is not declared");
                }
            }
            // a variable naming a secret's file names one this service has
            environment(service).forEach((variable, value) -> {
                if (value != null && value.startsWith("/run/secrets/")) {
                    String secret = value.substring("/run/secrets/".length());
                    if (!secretsOf(service).contains(secret)) {
                        problems.add("service " + name + "'s " + variable + " names the secret " + secret
                                + ", which the service does not have");
                    }
                }
            });
        });
        String script = Files.exists(secretsScript) ? Repository.read(secretsScript) : "";
        compose.path("secrets").properties().forEach(entry -> {
            String file = entry.getValue().path("file").asString("");
            if (file.isEmpty()) {
                problems.add("secret " + entry.getKey() + " is not read from a file");
                return;
            }
            Path path = directory.resolve(file).normalize();
            if (!path.getParent().equals(secretsScript.getParent())) {
                problems.add("secret " + entry.getKey() + "'s file " + file + " is not beside "
                        + Repository.relative(secretsScript));
            } else if (!Pattern.compile("\\b" + Pattern.quote(path.getFileName().toString()) + "\\b").matcher(script)
                    .find()) {
                problems.add("secret " + entry.getKey() + "'s file " + file + " is not made by "
                        + Repository.relative(secretsScript));
            }
        });
        return problems;
    }

    /** Every service waited for exists, and one waited for until healthy has a health check. */
    List<String> dependencies() {
        List<String> problems = new ArrayList<>();
        Map<String, JsonNode> services = services();
        services.forEach((name, service) -> {
            for (String dependency : dependencies(service)) {
                JsonNode other = services.get(dependency);
                if (other == null) {
                    problems.add("service " + name + " depends on " + dependency + ", which is not a service");
                    continue;
                }
                String condition = service.path("depends_on").path(dependency).path("condition").asString("");
                boolean checked = other.has("healthcheck") || dockerfile(other).filter(Files::exists)
                        .map(file -> Dockerfile.parse(Repository.read(file)).last("HEALTHCHECK").isPresent())
                        .orElse(false);
                if (condition.equals("service_healthy") && !checked) {
                    problems.add("service " + name + " waits for " + dependency + " to be healthy, which has no"
                            + " health check");
                }
            }
        });
        return problems;
    }

    /**
     * The services built from the ledger's Dockerfiles are given the variables of their side only, on their port
     * (the one their image exposes), with their database role, against a database host that is a compose service.
     */
    List<String> serviceContract() {
        List<String> problems = new ArrayList<>();
        Map<String, JsonNode> services = services();
        services.forEach((name, service) -> {
            Optional<Contract.Side> side = sideOf(service);
            if (side.isEmpty()) {
                return;
            }
            Map<String, String> environment = environment(service);
            environment.keySet().stream().filter(variable -> !Contract.reads(side.get(), variable))
                    .forEach(variable -> problems.add("service " + name + " sets " + variable + ", which "
                            + side.get().name() + " does not read"));
            if (!String.valueOf(side.get().port()).equals(environment.get("SERVER_PORT"))) {
                problems.add("service " + name + " should set SERVER_PORT to " + side.get().port());
            }
            dockerfile(service).filter(Files::exists).ifPresent(file -> {
                List<String> exposed = Dockerfile.parse(Repository.read(file)).all("EXPOSE").stream()
                        .flatMap(e -> e.words().stream()).toList();
                if (!exposed.contains(String.valueOf(side.get().port()))) {
                    problems.add("service " + name + "'s image does not EXPOSE " + side.get().port());
                }
            });
            if (!side.get().databaseRole().equals(environment.get("LEDGER_DB_USER"))) {
                problems.add("service " + name + " should connect as the database role " + side.get().databaseRole());
            }
            Matcher jdbc = JDBC_HOST.matcher(Optional.ofNullable(environment.get("LEDGER_DB_URL")).orElse(""));
            if (!jdbc.find()) {
                problems.add("service " + name + " has no PostgreSQL JDBC URL in LEDGER_DB_URL");
            } else if (!services.containsKey(jdbc.group(1))) {
                problems.add("service " + name + "'s database host " + jdbc.group(1) + " is not a service");
            } else if (!dependencies(service).contains(jdbc.group(1))) {
                problems.add("service " + name + " does not wait for its database " + jdbc.group(1));
            }
        });
        return problems;
    }

    /** The side a service runs, by the jar its Dockerfile copies. */
    Optional<Contract.Side> sideOf(JsonNode service) {
        return dockerfile(service).filter(Files::exists).flatMap(file -> {
            Path context = buildContext(service);
            return Dockerfile.parse(Repository.read(file)).copiedSources().stream()
                    .map(source -> Contract.BY_JAR.get(Repository.relative(context.resolve(source))))
                    .filter(java.util.Objects::nonNull)
                    .findFirst();
        });
    }

    /** The port a service listens on: its SERVER_PORT, or the port its image exposes. */
    Optional<Integer> port(String name) {
        JsonNode service = services().get(name);
        if (service == null) {
            return Optional.empty();
        }
        String port = environment(service).get("SERVER_PORT");
        return port == null ? sideOf(service).map(Contract.Side::port) : Optional.of(Integer.valueOf(port));
    }

    /** Every nginx upstream server is a service on the port it listens on. */
    List<String> upstreams(String nginxConfiguration, String where) {
        List<String> problems = new ArrayList<>();
        Matcher server = UPSTREAM_SERVER.matcher(nginxConfiguration);
        int found = 0;
        while (server.find()) {
            found++;
            String host = server.group(1);
            int port = Integer.parseInt(server.group(2));
            Optional<Integer> listens = port(host);
            if (listens.isEmpty()) {
                problems.add(where + " sends to " + host + ", which is not a service");
            } else if (listens.get() != port) {
                problems.add(where + " sends to " + host + ":" + port + ", which listens on " + listens.get());
            }
        }
        if (found == 0) {
            problems.add(where + " has no upstream server");
        }
        return problems;
    }

    /** The bind mount of {@code service} whose target is {@code target}, as a path of the repository. */
    Optional<Path> mountedAt(String service, String target) {
        return Optional.ofNullable(services().get(service)).stream()
                .flatMap(s -> mounts(s).stream())
                .filter(mount -> mount.bind() && mount.target().equals(target))
                .map(mount -> directory.resolve(mount.source()).normalize())
                .findFirst();
    }

    /** The target a file or directory of the repository is bind-mounted at in {@code service}. */
    Optional<String> targetOf(String service, Path source) {
        return Optional.ofNullable(services().get(service)).stream()
                .flatMap(s -> mounts(s).stream())
                .filter(mount -> mount.bind() && directory.resolve(mount.source()).normalize().equals(source))
                .map(Mount::target)
                .findFirst();
    }
}
