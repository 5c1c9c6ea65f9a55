package vn.ledger.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.ledger.manifests.KubernetesModel.Manifest;

/**
 * The manifests in deploy/k8s: every YAML file read into the typed Kubernetes model (an unknown field or a value of
 * the wrong type fails), then what refers to what and the rules every workload follows (see {@link ManifestChecks}).
 */
class KubernetesManifestsTest {

    private static List<Manifest> manifests;
    private static ManifestChecks checks;

    @BeforeAll
    static void readTheManifests() {
        manifests = KubernetesModel.readAll(Repository.K8S);
        checks = new ManifestChecks(manifests);
    }

    @Test
    void everyManifestIsAResourceTheKubernetesApiAccepts() {
        // readAll has failed already on a file the API would refuse; here, what the deployment needs is all there
        Set<String> resources = manifests.stream()
                .map(m -> m.resource().getKind() + " " + m.resource().getMetadata().getName())
                .collect(Collectors.toSet());
        assertThat(resources).contains(
                "Namespace ledger",
                "ConfigMap ledger-config", "ConfigMap ledger-router",
                "Secret ledger-secrets", "Secret ledger-db-admin",
                "PersistentVolumeClaim command-keys",
                "Deployment command-service", "Deployment query-service", "Deployment ledger-router",
                "Service command-service", "Service query-service", "Service ledger-router",
                "PodDisruptionBudget command-service", "PodDisruptionBudget query-service",
                "PodDisruptionBudget ledger-router",
                "Ingress ledger",
                "Job ledger-db-init");
        assertThat(checks.uniqueNames()).isEmpty();
    }

    @Test
    void everyResourceIsInTheLedgersNamespace() {
        assertThat(checks.namespaces()).isEmpty();
    }

    @Test
    void everyDeploymentSelectsItsOwnPods() {
        assertThat(checks.deploymentSelectors()).isEmpty();
    }

    @Test
    void everyContainerHasProbesAndResources() {
        assertThat(checks.probesAndResources()).isEmpty();
    }

    @Test
    void everyServiceSelectsADeploymentsPodsOnAPortTheyDeclare() {
        assertThat(checks.services()).isEmpty();
    }

    @Test
    void everyDisruptionBudgetCoversADeployment() {
        assertThat(checks.disruptionBudgets()).isEmpty();
        // one per side
        for (Deployment deployment : checks.all(Deployment.class)) {
            Map<String, String> labels = deployment.getSpec().getTemplate().getMetadata().getLabels();
            assertThat(checks.all(PodDisruptionBudget.class))
                    .as("a PodDisruptionBudget for Deployment %s", deployment.getMetadata().getName())
                    .anySatisfy(budget -> assertThat(labels).containsAllEntriesOf(
                            budget.getSpec().getSelector().getMatchLabels()));
        }
    }

    @Test
    void everyPodMeetsTheRestrictedPodSecurityStandard() {
        assertThat(checks.podSecurity()).isEmpty();
        Namespace namespace = checks.all(Namespace.class).get(0);
        assertThat(namespace.getMetadata().getLabels())
                .containsEntry("pod-security.kubernetes.io/enforce", "restricted");
    }

    @Test
    void everythingAWorkloadReadsIsThere() {
        assertThat(checks.references()).isEmpty();
    }

    @Test
    void theServicesGetWhatTheirContractSays() {
        assertThat(checks.serviceContract()).isEmpty();
        Deployment command = checks.named(Deployment.class, "command-service").orElseThrow();
        assertThat(command.getSpec().getReplicas()).as("one command instance seals and signs").isEqualTo(1);
        assertThat(command.getSpec().getStrategy().getType())
                .as("the old pod lets go of the key volume before the new one mounts it").isEqualTo("Recreate");
        Container commandContainer = command.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(commandContainer.getVolumeMounts()).anySatisfy(mount -> {
            assertThat(mount.getMountPath()).isEqualTo(env(commandContainer, "LEDGER_KEY_DIR"));
            assertThat(command.getSpec().getTemplate().getSpec().getVolumes()).anySatisfy(volume -> {
                assertThat(volume.getName()).isEqualTo(mount.getName());
                assertThat(volume.getPersistentVolumeClaim()).isNotNull();
            });
        });
        Deployment query = checks.named(Deployment.class, "query-service").orElseThrow();
        String segments = checks.named(ConfigMap.class, "ledger-config").orElseThrow().getData()
                .get("LEDGER_QUERY_SEGMENTS");
        assertThat(Integer.parseInt(segments)).as("at least a segment per query replica")
                .isGreaterThanOrEqualTo(query.getSpec().getReplicas());
    }

    @Test
    void noPasswordIsCommitted() {
        assertThat(checks.secretsArePlaceholders()).isEmpty();
    }

    @Test
    void theKustomizationAppliesEveryManifestButTheOneTimeSteps() {
        Kustomization kustomization = Kustomization.read(Repository.K8S.resolve("kustomization.yaml"));
        assertThat(kustomization.apiVersion()).isEqualTo("kustomize.config.k8s.io/v1beta1");
        assertThat(kustomization.kind()).isEqualTo("Kustomization");
        assertThat(kustomization.namespace()).isEqualTo(checks.all(Namespace.class).get(0).getMetadata().getName());

        // every file beside it, and none of bootstrap/ (namespace, secrets, key volume, database roles: see the README)
        List<String> beside = Repository.yamlFilesUnder(Repository.K8S).stream()
                .filter(file -> file.getParent().equals(Repository.K8S))
                .map(file -> file.getFileName().toString())
                .filter(name -> !name.equals("kustomization.yaml"))
                .toList();
        assertThat(kustomization.resources()).containsExactlyInAnyOrderElementsOf(beside);
        Set<String> bootstrapKinds = manifests.stream().filter(m -> m.file().startsWith("deploy/k8s/bootstrap/"))
                .map(m -> m.resource().getKind()).collect(Collectors.toSet());
        assertThat(bootstrapKinds).containsExactlyInAnyOrder("Namespace", "Secret", "PersistentVolumeClaim", "Job");

        // its images are the ledger's containers' images
        Set<String> ledgerImages = checks.podTemplates().values().stream()
                .flatMap(template -> template.getSpec().getContainers().stream())
                .map(Container::getImage)
                .filter(image -> ManifestChecks.sideOf(image).isPresent())
                .collect(Collectors.toSet());
        assertThat(kustomization.images()).extracting(Kustomization.Image::name)
                .containsExactlyInAnyOrderElementsOf(ledgerImages);
    }

    @Test
    void theRouterRunsNginxWithTheComposeConfiguration() {
        Path nginx = Repository.DEPLOY.resolve("nginx/ledger.conf");
        ConfigMap router = checks.named(ConfigMap.class, "ledger-router").orElseThrow();
        assertThat(router.getData().get("ledger.conf"))
                .as("the ledger-router ConfigMap's ledger.conf is deploy/nginx/ledger.conf")
                .isEqualTo(Repository.read(nginx));

        // its upstreams are the Services, on their ports
        Matcher server = Pattern.compile("(?m)^\\s*server\\s+([a-z0-9-]+):(\\d+)").matcher(Repository.read(nginx));
        int upstreams = 0;
        while (server.find()) {
            upstreams++;
            String name = server.group(1);
            int port = Integer.parseInt(server.group(2));
            Service service = checks.named(Service.class, name)
                    .orElseThrow(() -> new AssertionError("nginx sends to " + name + ", which is not a Service"));
            assertThat(service.getSpec().getPorts()).as("Service %s's ports", name)
                    .anySatisfy(p -> assertThat(p.getPort()).isEqualTo(port));
        }
        assertThat(upstreams).isEqualTo(2);

        // it listens where its container and Service say, and the ingress sends everything to it
        Deployment deployment = checks.named(Deployment.class, "ledger-router").orElseThrow();
        Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(Repository.read(nginx)).contains("listen " + container.getPorts().get(0).getContainerPort() + ";");
        assertThat(container.getVolumeMounts()).anySatisfy(mount -> {
            assertThat(mount.getMountPath()).isEqualTo("/etc/nginx/conf.d");
            assertThat(deployment.getSpec().getTemplate().getSpec().getVolumes()).anySatisfy(volume -> {
                assertThat(volume.getName()).isEqualTo(mount.getName());
                assertThat(volume.getConfigMap().getName()).isEqualTo("ledger-router");
            });
        });
        Ingress ingress = checks.named(Ingress.class, "ledger").orElseThrow();
        assertThat(ingress.getSpec().getRules()).allSatisfy(rule -> assertThat(rule.getHttp().getPaths())
                .allSatisfy(path -> {
                    assertThat(path.getPath()).isEqualTo("/");
                    assertThat(path.getBackend().getService().getName()).isEqualTo("ledger-router");
                }));
    }

    @Test
    void theDatabaseJobRunsTheScriptsTheReadmeTellsKubectlToPutInItsConfigMap() {
        Job job = checks.named(Job.class, "ledger-db-init").orElseThrow();
        String script = String.join(" ", job.getSpec().getTemplate().getSpec().getContainers().get(0).getArgs());
        String readme = Repository.read(Repository.ROOT.resolve("README.md"));
        assertThat(readme).contains("kubectl -n ledger create configmap ledger-db-init");
        for (String file : ManifestChecks.EXTERNAL_CONFIG_MAPS.get("ledger-db-init")) {
            String name = Path.of(file).getFileName().toString();
            assertThat(script).as("the Job runs %s", name).contains("/sql/" + name);
            assertThat(readme).as("the README's kubectl command takes %s", file).contains("--from-file=" + file);
            if (!file.equals(Contract.ROLES_SQL)) {
                assertThat(Files.isExecutable(Repository.ROOT.resolve(file))).as("%s is executable", file).isTrue();
            }
        }
        // its container reads the database's admin and the roles' passwords, never more
        assertThat(checks.named(PersistentVolumeClaim.class, "command-keys")).isPresent();
        assertThat(checks.named(Secret.class, "ledger-db-admin").orElseThrow().getStringData())
                .containsKeys("PGHOST", "PGUSER", "PGPASSWORD");
    }

    private static String env(Container container, String name) {
        return container.getEnv().stream().filter(v -> v.getName().equals(name)).findFirst()
                .map(v -> v.getValue()).orElseThrow(() -> new AssertionError(container.getName() + " has no " + name));
    }

    /** kustomize's file, the fields this deployment uses: another one (a misspelt one) fails. */
    record Kustomization(String apiVersion, String kind, String namespace, List<String> resources,
                         List<Image> images) {

        record Image(String name, String newName, String newTag, String digest) {
        }

        static Kustomization read(Path file) {
            JsonNode tree = Repository.yaml(file);
            return JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build()
                    .treeToValue(tree, Kustomization.class);
        }
    }
}
