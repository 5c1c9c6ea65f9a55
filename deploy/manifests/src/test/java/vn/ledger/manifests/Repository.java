package vn.ledger.manifests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The repository's files, as the tests read them. */
final class Repository {

    /** The repository's root: Maven passes it (deploy/manifests/pom.xml); from an IDE, the module's grandparent. */
    static final Path ROOT = Path.of(System.getProperty("ledger.repository.root", "../..")).toAbsolutePath()
            .normalize();
    static final Path DEPLOY = ROOT.resolve("deploy");
    static final Path K8S = DEPLOY.resolve("k8s");

    /** YAML as trees, a repeated key an error (as kubectl's strict decoding and compose make it). */
    static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private Repository() {
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every document of a YAML file (a stream of documents separated by {@code ---}); empty documents left out. */
    static List<JsonNode> yamlDocuments(String text) {
        return YAML.readerFor(JsonNode.class).<JsonNode>readValues(text).readAll().stream()
                .filter(node -> node != null && !node.isMissingNode() && !node.isNull())
                .toList();
    }

    static JsonNode yaml(Path file) {
        List<JsonNode> documents = yamlDocuments(read(file));
        if (documents.size() != 1) {
            throw new AssertionError(ROOT.relativize(file) + " holds " + documents.size() + " documents, not one");
        }
        return documents.get(0);
    }

    /** Every {@code .yaml} and {@code .yml} file under {@code directory}, in a stable order. */
    static List<Path> yamlFilesUnder(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> file.toString().endsWith(".yaml") || file.toString().endsWith(".yml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String relative(Path file) {
        return ROOT.relativize(file.toAbsolutePath().normalize()).toString();
    }

    /**
     * Whether the separate services are in this tree yet. They are built in parallel with these deployment files; the
     * files they bring that the deployment uses ({@code deploy/sql/roles.sql}, the services' jars) are required once
     * their modules are here, and only then.
     */
    static boolean servicesArePresent() {
        return Files.exists(DEPLOY.resolve("command-service/pom.xml"))
                || Files.exists(DEPLOY.resolve("query-service/pom.xml"));
    }
}
