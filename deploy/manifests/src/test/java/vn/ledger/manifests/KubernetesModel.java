package vn.ledger.manifests;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.MapperConfig;
import tools.jackson.databind.introspect.Annotated;
import tools.jackson.databind.introspect.JacksonAnnotationIntrospector;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * Reads Kubernetes manifests into fabric8's typed model of the Kubernetes API as strictly as the API server decodes
 * them: a field the model does not have is an error (fabric8's classes would otherwise keep it aside as an "additional
 * property"), and so is a value of the wrong type (a number where the API wants a string, as in an unquoted
 * {@code value: 8081} of an environment variable, or the reverse).
 */
final class KubernetesModel {

    /**
     * The kinds the deployment uses, at the API versions it must use. A manifest of another kind or version (a removed
     * {@code policy/v1beta1} budget, say) is an error: add it here deliberately.
     */
    static final Map<String, Class<? extends HasMetadata>> KINDS = List.<Class<? extends HasMetadata>>of(
                    Namespace.class, ConfigMap.class, Secret.class, Service.class, PersistentVolumeClaim.class,
                    Deployment.class, Job.class, PodDisruptionBudget.class, Ingress.class)
            .stream()
            .collect(Collectors.toUnmodifiableMap(KubernetesModel::typeOf, Function.identity()));

    /** One resource of a manifest file. */
    record Manifest(String file, int document, HasMetadata resource) {

        String describe() {
            return resource.getKind() + " " + resource.getMetadata().getName() + " (" + file + ")";
        }
    }

    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            // fabric8's classes collect unknown fields with @JsonAnySetter: without it, they are unknown properties
            .annotationIntrospector(new JacksonAnnotationIntrospector() {
                @Override
                public Boolean hasAnySetter(MapperConfig<?> config, Annotated annotated) {
                    return Boolean.FALSE;
                }
            })
            // no scalar of one type read as another: the API server rejects those
            .withCoercionConfig(LogicalType.Textual, config -> config
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .withCoercionConfig(LogicalType.Integer, config -> config
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
            .withCoercionConfig(LogicalType.Boolean, config -> config
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
            .build();

    private KubernetesModel() {
    }

    static String typeOf(Class<? extends HasMetadata> kind) {
        return HasMetadata.getApiVersion(kind) + " " + HasMetadata.getKind(kind);
    }

    /** Every resource of every document of {@code text}; the problems, if any, in {@code problems}. */
    static List<Manifest> read(String file, String text, List<String> problems) {
        List<Manifest> manifests = new ArrayList<>();
        List<JsonNode> documents;
        try {
            documents = Repository.yamlDocuments(text);
        } catch (JacksonException e) {
            problems.add(file + ": not YAML: " + e.getOriginalMessage());
            return manifests;
        }
        for (int i = 0; i < documents.size(); i++) {
            JsonNode document = documents.get(i);
            String where = file + " document " + (i + 1);
            String type = document.path("apiVersion").asString("") + " " + document.path("kind").asString("");
            Class<? extends HasMetadata> kind = KINDS.get(type);
            if (kind == null) {
                problems.add(where + ": '" + type.strip() + "' is not one of the kinds the deployment uses "
                        + KINDS.keySet().stream().sorted().toList());
                continue;
            }
            try {
                HasMetadata resource = STRICT.treeToValue(document, kind);
                if (resource.getMetadata() == null || resource.getMetadata().getName() == null) {
                    problems.add(where + ": " + type + " without metadata.name");
                    continue;
                }
                manifests.add(new Manifest(file, i + 1, resource));
            } catch (JacksonException e) {
                problems.add(where + " (" + type + "): " + e.getOriginalMessage() + " at " + path(e));
            }
        }
        return manifests;
    }

    /** Every resource of the YAML files under {@code directory}; a problem fails with all of them listed. */
    static List<Manifest> readAll(Path directory) {
        List<String> problems = new ArrayList<>();
        List<Manifest> manifests = new ArrayList<>();
        for (Path file : Repository.yamlFilesUnder(directory)) {
            if (file.getFileName().toString().equals("kustomization.yaml")) {
                continue;
            }
            manifests.addAll(read(Repository.relative(file), Repository.read(file), problems));
        }
        if (!problems.isEmpty()) {
            throw new AssertionError("manifests the Kubernetes API would refuse:\n  " + String.join("\n  ", problems));
        }
        return manifests;
    }

    private static String path(JacksonException e) {
        return e.getPath().stream()
                .map(reference -> reference.getPropertyName() != null
                        ? reference.getPropertyName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}
