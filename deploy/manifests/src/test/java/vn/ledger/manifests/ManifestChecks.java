package vn.ledger.manifests;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.IngressServiceBackend;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import vn.ledger.manifests.KubernetesModel.Manifest;

/**
 * What a schema cannot see in the Kubernetes manifests: how the resources refer to each other (selectors, ports,
 * ConfigMaps, Secrets, volumes, the ingress' backends), and the rules every workload of the ledger follows (probes,
 * resources, the restricted pod security standard, the services' contract). Each check answers the problems it found,
 * one sentence each; none is a pass.
 */
final class ManifestChecks {

    /**
     * ConfigMaps made outside the manifests, from the repository's files, with {@code kubectl create configmap}: the
     * database scripts of deploy/sql, which a kustomization cannot read from outside its directory.
     */
    static final Map<String, List<String>> EXTERNAL_CONFIG_MAPS = Map.of("ledger-db-init",
            List.of("deploy/sql/00-database.sh", Contract.ROLES_SQL, "deploy/sql/20-role-passwords.sh"));

    private final List<Manifest> manifests;

    ManifestChecks(List<Manifest> manifests) {
        this.manifests = List.copyOf(manifests);
    }

    <T extends HasMetadata> List<T> all(Class<T> kind) {
        return manifests.stream().map(Manifest::resource).filter(kind::isInstance).map(kind::cast).toList();
    }

    <T extends HasMetadata> Optional<T> named(Class<T> kind, String name) {
        return all(kind).stream().filter(resource -> name.equals(resource.getMetadata().getName())).findFirst();
    }

    /** Every workload's pod template: the Deployments' and the Jobs'. */
    Map<String, PodTemplateSpec> podTemplates() {
        Map<String, PodTemplateSpec> templates = new HashMap<>();
        all(Deployment.class).forEach(d -> templates.put("Deployment " + d.getMetadata().getName(),
                d.getSpec().getTemplate()));
        all(Job.class).forEach(j -> templates.put("Job " + j.getMetadata().getName(), j.getSpec().getTemplate()));
        return templates;
    }

    /** No two resources of one kind with one name. */
    List<String> uniqueNames() {
        List<String> problems = new ArrayList<>();
        Map<String, Manifest> seen = new HashMap<>();
        for (Manifest manifest : manifests) {
            String key = manifest.resource().getKind() + " " + manifest.resource().getMetadata().getName();
            Manifest before = seen.put(key, manifest);
            if (before != null) {
                problems.add(key + " is in both " + before.file() + " and " + manifest.file());
            }
        }
        return problems;
    }

    /** Every namespaced resource is in the namespace the manifests make, and there is exactly one. */
    List<String> namespaces() {
        List<String> problems = new ArrayList<>();
        List<String> namespaces = all(Namespace.class).stream().map(n -> n.getMetadata().getName()).toList();
        if (namespaces.size() != 1) {
            problems.add("the manifests should make exactly one Namespace, not " + namespaces);
            return problems;
        }
        for (Manifest manifest : manifests) {
            HasMetadata resource = manifest.resource();
            if (!(resource instanceof Namespace) && !namespaces.get(0).equals(resource.getMetadata().getNamespace())) {
                problems.add(manifest.describe() + " is in namespace " + resource.getMetadata().getNamespace()
                        + ", not " + namespaces.get(0));
            }
        }
        return problems;
    }

    /** A Deployment's selector selects its own pods, by labels only. */
    List<String> deploymentSelectors() {
        List<String> problems = new ArrayList<>();
        for (Deployment deployment : all(Deployment.class)) {
            String name = "Deployment " + deployment.getMetadata().getName();
            LabelSelector selector = deployment.getSpec().getSelector();
            Map<String, String> labels = deployment.getSpec().getTemplate().getMetadata() == null ? Map.of()
                    : labels(deployment.getSpec().getTemplate().getMetadata().getLabels());
            if (selector == null || selector.getMatchLabels() == null || selector.getMatchLabels().isEmpty()) {
                problems.add(name + " has no spec.selector.matchLabels");
                continue;
            }
            if (selector.getMatchExpressions() != null && !selector.getMatchExpressions().isEmpty()) {
                problems.add(name + " selects with matchExpressions: keep to matchLabels, which this test can check");
            }
            if (!selects(selector.getMatchLabels(), labels)) {
                problems.add(name + "'s selector " + selector.getMatchLabels()
                        + " does not match its pod template's labels " + labels);
            }
        }
        return problems;
    }

    /**
     * Every container of a Deployment has readiness and liveness probes on a port it declares, and requests and
     * limits of CPU and memory, the request within the limit; a Job's containers have resources too.
     */
    List<String> probesAndResources() {
        List<String> problems = new ArrayList<>();
        for (Deployment deployment : all(Deployment.class)) {
            for (Container container : containers(deployment.getSpec().getTemplate().getSpec())) {
                String name = "container " + container.getName() + " of Deployment " + deployment.getMetadata().getName();
                if (container.getReadinessProbe() == null) {
                    problems.add(name + " has no readinessProbe");
                }
                if (container.getLivenessProbe() == null) {
                    problems.add(name + " has no livenessProbe");
                }
                Stream.of(container.getStartupProbe(), container.getLivenessProbe(), container.getReadinessProbe())
                        .filter(Objects::nonNull)
                        .map(ManifestChecks::probePort)
                        .filter(Objects::nonNull)
                        .filter(port -> declaredPort(List.of(container), port).isEmpty())
                        .forEach(port -> problems.add(name + " probes port " + show(port) + ", which it does not declare"));
                problems.addAll(resources(name, container.getResources()));
            }
        }
        for (Job job : all(Job.class)) {
            for (Container container : containers(job.getSpec().getTemplate().getSpec())) {
                problems.addAll(resources("container " + container.getName() + " of Job " + job.getMetadata().getName(),
                        container.getResources()));
            }
        }
        return problems;
    }

    /** Every Service selects the pods of exactly one Deployment, on ports their containers declare. */
    List<String> services() {
        List<String> problems = new ArrayList<>();
        for (Service service : all(Service.class)) {
            String name = "Service " + service.getMetadata().getName();
            Map<String, String> selector = labels(service.getSpec().getSelector());
            if (selector.isEmpty()) {
                problems.add(name + " has no selector");
                continue;
            }
            List<Deployment> selected = selectedDeployments(selector);
            if (selected.size() != 1) {
                problems.add(name + " selects the pods of " + selected.size() + " Deployments "
                        + selected.stream().map(d -> d.getMetadata().getName()).toList() + ", not one");
                continue;
            }
            List<Container> containers = containers(selected.get(0).getSpec().getTemplate().getSpec());
            for (ServicePort port : service.getSpec().getPorts()) {
                IntOrString target = port.getTargetPort() != null ? port.getTargetPort()
                        : new IntOrString(port.getPort());
                if (declaredPort(containers, target).isEmpty()) {
                    problems.add(name + " targets port " + show(target) + ", which no container of Deployment "
                            + selected.get(0).getMetadata().getName() + " declares");
                }
            }
        }
        return problems;
    }

    /** Every PodDisruptionBudget selects the pods of exactly one Deployment, and can be met. */
    List<String> disruptionBudgets() {
        List<String> problems = new ArrayList<>();
        for (PodDisruptionBudget budget : all(PodDisruptionBudget.class)) {
            String name = "PodDisruptionBudget " + budget.getMetadata().getName();
            LabelSelector selector = budget.getSpec().getSelector();
            if (selector == null || selector.getMatchLabels() == null || selector.getMatchLabels().isEmpty()) {
                problems.add(name + " has no selector.matchLabels");
                continue;
            }
            List<Deployment> selected = selectedDeployments(selector.getMatchLabels());
            if (selected.size() != 1) {
                problems.add(name + " selects the pods of " + selected.size() + " Deployments "
                        + selected.stream().map(d -> d.getMetadata().getName()).toList() + ", not one");
                continue;
            }
            IntOrString minAvailable = budget.getSpec().getMinAvailable();
            IntOrString maxUnavailable = budget.getSpec().getMaxUnavailable();
            if ((minAvailable == null) == (maxUnavailable == null)) {
                problems.add(name + " must set one of minAvailable and maxUnavailable");
            }
            Integer replicas = selected.get(0).getSpec().getReplicas();
            if (minAvailable != null && minAvailable.getIntVal() != null && replicas != null
                    && minAvailable.getIntVal() > replicas) {
                problems.add(name + " wants " + minAvailable.getIntVal() + " pods available of Deployment "
                        + selected.get(0).getMetadata().getName() + ", which runs " + replicas);
            }
        }
        return problems;
    }

    /**
     * The restricted Pod Security Standard, which the namespace enforces: non-root, no privilege escalation, every
     * capability dropped, the runtime's seccomp profile; and a read-only root file system.
     */
    List<String> podSecurity() {
        List<String> problems = new ArrayList<>();
        podTemplates().forEach((workload, template) -> {
            PodSpec pod = template.getSpec();
            PodSecurityContext podContext = Optional.ofNullable(pod.getSecurityContext()).orElse(new PodSecurityContext());
            if (Boolean.TRUE.equals(pod.getHostNetwork()) || Boolean.TRUE.equals(pod.getHostPID())
                    || Boolean.TRUE.equals(pod.getHostIPC())) {
                problems.add(workload + " shares a host namespace");
            }
            for (Container container : containers(pod)) {
                String name = "container " + container.getName() + " of " + workload;
                SecurityContext context = Optional.ofNullable(container.getSecurityContext())
                        .orElse(new SecurityContext());
                Boolean nonRoot = context.getRunAsNonRoot() != null ? context.getRunAsNonRoot()
                        : podContext.getRunAsNonRoot();
                Long user = context.getRunAsUser() != null ? context.getRunAsUser() : podContext.getRunAsUser();
                if (!Boolean.TRUE.equals(nonRoot)) {
                    problems.add(name + " does not set runAsNonRoot: true");
                }
                if (user != null && user == 0) {
                    problems.add(name + " runs as user 0");
                }
                if (!Boolean.FALSE.equals(context.getAllowPrivilegeEscalation())) {
                    problems.add(name + " does not set allowPrivilegeEscalation: false");
                }
                if (Boolean.TRUE.equals(context.getPrivileged())) {
                    problems.add(name + " is privileged");
                }
                if (context.getCapabilities() == null || context.getCapabilities().getDrop() == null
                        || !context.getCapabilities().getDrop().contains("ALL")) {
                    problems.add(name + " does not drop ALL capabilities");
                }
                if (context.getCapabilities() != null && context.getCapabilities().getAdd() != null
                        && !context.getCapabilities().getAdd().isEmpty()) {
                    problems.add(name + " adds capabilities " + context.getCapabilities().getAdd());
                }
                String seccomp = context.getSeccompProfile() != null ? context.getSeccompProfile().getType()
                        : podContext.getSeccompProfile() != null ? podContext.getSeccompProfile().getType() : null;
                if (!"RuntimeDefault".equals(seccomp) && !"Localhost".equals(seccomp)) {
                    problems.add(name + " has no seccompProfile RuntimeDefault");
                }
                if (!Boolean.TRUE.equals(context.getReadOnlyRootFilesystem())) {
                    problems.add(name + " does not set readOnlyRootFilesystem: true");
                }
            }
        });
        return problems;
    }

    /**
     * Every ConfigMap, Secret and key a workload reads, every claim it mounts, every Service an Ingress sends to, is
     * in the manifests (or, for a ConfigMap made from files with kubectl, the files are in the repository).
     */
    List<String> references() {
        List<String> problems = new ArrayList<>();
        podTemplates().forEach((workload, template) -> {
            PodSpec pod = template.getSpec();
            for (Container container : containers(pod)) {
                String name = "container " + container.getName() + " of " + workload;
                for (EnvVar variable : Optional.ofNullable(container.getEnv()).orElse(List.of())) {
                    if (variable.getValueFrom() == null) {
                        continue;
                    }
                    var configMapKey = variable.getValueFrom().getConfigMapKeyRef();
                    if (configMapKey != null && !configMapHas(configMapKey.getName(), configMapKey.getKey())) {
                        problems.add(name + " reads " + variable.getName() + " from key " + configMapKey.getKey()
                                + " of ConfigMap " + configMapKey.getName() + ", which is not in the manifests");
                    }
                    var secretKey = variable.getValueFrom().getSecretKeyRef();
                    if (secretKey != null && !secretHas(secretKey.getName(), secretKey.getKey())) {
                        problems.add(name + " reads " + variable.getName() + " from key " + secretKey.getKey()
                                + " of Secret " + secretKey.getName() + ", which is not in the manifests");
                    }
                }
                for (EnvFromSource source : Optional.ofNullable(container.getEnvFrom()).orElse(List.of())) {
                    if (source.getConfigMapRef() != null
                            && named(ConfigMap.class, source.getConfigMapRef().getName()).isEmpty()) {
                        problems.add(name + " reads ConfigMap " + source.getConfigMapRef().getName()
                                + ", which is not in the manifests");
                    }
                    if (source.getSecretRef() != null && named(Secret.class, source.getSecretRef().getName()).isEmpty()) {
                        problems.add(name + " reads Secret " + source.getSecretRef().getName()
                                + ", which is not in the manifests");
                    }
                }
                Set<String> volumes = Optional.ofNullable(pod.getVolumes()).orElse(List.of()).stream()
                        .map(Volume::getName).collect(java.util.stream.Collectors.toSet());
                Optional.ofNullable(container.getVolumeMounts()).orElse(List.of()).stream()
                        .filter(mount -> !volumes.contains(mount.getName()))
                        .forEach(mount -> problems.add(name + " mounts volume " + mount.getName()
                                + ", which its pod does not have"));
            }
            for (Volume volume : Optional.ofNullable(pod.getVolumes()).orElse(List.of())) {
                if (volume.getConfigMap() != null) {
                    String configMap = volume.getConfigMap().getName();
                    if (named(ConfigMap.class, configMap).isEmpty()) {
                        List<String> files = EXTERNAL_CONFIG_MAPS.get(configMap);
                        if (files == null) {
                            problems.add(workload + " mounts ConfigMap " + configMap + ", which is not in the manifests");
                        } else {
                            files.stream().filter(file -> !present(file)).forEach(file -> problems.add(workload
                                    + " mounts ConfigMap " + configMap + " made from " + file + ", which is missing"));
                        }
                    }
                }
                if (volume.getSecret() != null && named(Secret.class, volume.getSecret().getSecretName()).isEmpty()) {
                    problems.add(workload + " mounts Secret " + volume.getSecret().getSecretName()
                            + ", which is not in the manifests");
                }
                if (volume.getPersistentVolumeClaim() != null && named(PersistentVolumeClaim.class,
                        volume.getPersistentVolumeClaim().getClaimName()).isEmpty()) {
                    problems.add(workload + " mounts claim " + volume.getPersistentVolumeClaim().getClaimName()
                            + ", which is not in the manifests");
                }
            }
        });
        for (Ingress ingress : all(Ingress.class)) {
            List<IngressServiceBackend> backends = new ArrayList<>();
            if (ingress.getSpec().getDefaultBackend() != null) {
                backends.add(ingress.getSpec().getDefaultBackend().getService());
            }
            for (IngressRule rule : Optional.ofNullable(ingress.getSpec().getRules()).orElse(List.of())) {
                for (HTTPIngressPath path : rule.getHttp().getPaths()) {
                    backends.add(path.getBackend().getService());
                }
            }
            for (IngressServiceBackend backend : backends) {
                String name = "Ingress " + ingress.getMetadata().getName();
                if (backend == null) {
                    problems.add(name + " has a backend that is not a Service");
                    continue;
                }
                Optional<Service> service = named(Service.class, backend.getName());
                if (service.isEmpty()) {
                    problems.add(name + " sends to Service " + backend.getName() + ", which is not in the manifests");
                    continue;
                }
                boolean portExists = service.get().getSpec().getPorts().stream().anyMatch(port ->
                        backend.getPort().getName() != null ? backend.getPort().getName().equals(port.getName())
                                : Objects.equals(backend.getPort().getNumber(), port.getPort()));
                if (!portExists) {
                    problems.add(name + " sends to a port Service " + backend.getName() + " does not have");
                }
            }
        }
        return problems;
    }

    /** The ledger's own containers hold to the services' contract: the variables they read, port, database role. */
    List<String> serviceContract() {
        List<String> problems = new ArrayList<>();
        podTemplates().forEach((workload, template) -> {
            for (Container container : containers(template.getSpec())) {
                Optional<Contract.Side> side = sideOf(container.getImage());
                if (side.isEmpty()) {
                    continue;
                }
                String name = "container " + container.getName() + " of " + workload;
                Map<String, String> literal = new HashMap<>();
                for (EnvVar variable : Optional.ofNullable(container.getEnv()).orElse(List.of())) {
                    if (!Contract.reads(side.get(), variable.getName())) {
                        problems.add(name + " sets " + variable.getName() + ", which " + side.get().name()
                                + " does not read");
                    }
                    if (variable.getValue() != null) {
                        literal.put(variable.getName(), variable.getValue());
                    }
                }
                if (!String.valueOf(side.get().port()).equals(literal.get("SERVER_PORT"))) {
                    problems.add(name + " should set SERVER_PORT to " + side.get().port());
                }
                if (!side.get().databaseRole().equals(literal.get("LEDGER_DB_USER"))) {
                    problems.add(name + " should connect as the database role " + side.get().databaseRole());
                }
                List<ContainerPort> ports = Optional.ofNullable(container.getPorts()).orElse(List.of());
                if (ports.stream().noneMatch(port -> port.getContainerPort() == side.get().port())) {
                    problems.add(name + " does not declare its port " + side.get().port());
                }
                Probe liveness = container.getLivenessProbe();
                Probe readiness = container.getReadinessProbe();
                if (liveness == null || liveness.getHttpGet() == null
                        || !Contract.LIVENESS.equals(liveness.getHttpGet().getPath())) {
                    problems.add(name + "'s livenessProbe should get " + Contract.LIVENESS);
                }
                if (readiness == null || readiness.getHttpGet() == null
                        || !Contract.READINESS.equals(readiness.getHttpGet().getPath())) {
                    problems.add(name + "'s readinessProbe should get " + Contract.READINESS);
                }
                if (container.getStartupProbe() == null) {
                    problems.add(name + " has no startupProbe (a first start migrates the database)");
                }
            }
        });
        return problems;
    }

    /** A committed Secret holds placeholders only, in stringData: a real password never lands in git. */
    List<String> secretsArePlaceholders() {
        List<String> problems = new ArrayList<>();
        for (Secret secret : all(Secret.class)) {
            String name = "Secret " + secret.getMetadata().getName();
            if (secret.getData() != null && !secret.getData().isEmpty()) {
                problems.add(name + " has data: write placeholders in stringData");
            }
            Optional.ofNullable(secret.getStringData()).orElse(Map.of()).forEach((key, value) -> {
                if (key.toLowerCase(java.util.Locale.ROOT).contains("password") && !value.startsWith("CHANGE-ME")) {
                    problems.add(name + " holds a value for " + key + " that is not a CHANGE-ME placeholder");
                }
            });
        }
        return problems;
    }

    static Optional<Contract.Side> sideOf(String image) {
        if (image == null) {
            return Optional.empty();
        }
        String repository = image.contains(":") ? image.substring(0, image.lastIndexOf(':')) : image;
        if (repository.endsWith("ledger/command-side")) {
            return Optional.of(Contract.COMMAND);
        }
        if (repository.endsWith("ledger/query-side")) {
            return Optional.of(Contract.QUERY);
        }
        return Optional.empty();
    }

    static List<Container> containers(PodSpec pod) {
        List<Container> containers = new ArrayList<>(Optional.ofNullable(pod.getInitContainers()).orElse(List.of()));
        containers.addAll(Optional.ofNullable(pod.getContainers()).orElse(List.of()));
        return containers;
    }

    private List<Deployment> selectedDeployments(Map<String, String> selector) {
        return all(Deployment.class).stream()
                .filter(d -> d.getSpec().getTemplate().getMetadata() != null)
                .filter(d -> selects(selector, labels(d.getSpec().getTemplate().getMetadata().getLabels())))
                .toList();
    }

    private boolean configMapHas(String name, String key) {
        return named(ConfigMap.class, name).map(c -> c.getData() != null && c.getData().containsKey(key))
                .orElse(false);
    }

    private boolean secretHas(String name, String key) {
        return named(Secret.class, name).map(s -> (s.getStringData() != null && s.getStringData().containsKey(key))
                || (s.getData() != null && s.getData().containsKey(key))).orElse(false);
    }

    private static boolean present(String file) {
        if (java.nio.file.Files.exists(Repository.ROOT.resolve(file))) {
            return true;
        }
        // the services' own file, before they are in this tree
        return file.equals(Contract.ROLES_SQL) && !Repository.servicesArePresent();
    }

    private static boolean selects(Map<String, String> selector, Map<String, String> labels) {
        return !selector.isEmpty() && labels.entrySet().containsAll(selector.entrySet());
    }

    private static Map<String, String> labels(Map<String, String> labels) {
        return labels == null ? Map.of() : labels;
    }

    private static IntOrString probePort(Probe probe) {
        if (probe.getHttpGet() != null) {
            return probe.getHttpGet().getPort();
        }
        if (probe.getTcpSocket() != null) {
            return probe.getTcpSocket().getPort();
        }
        if (probe.getGrpc() != null) {
            return new IntOrString(probe.getGrpc().getPort());
        }
        return null;
    }

    private static Optional<ContainerPort> declaredPort(List<Container> containers, IntOrString port) {
        return containers.stream()
                .flatMap(container -> Optional.ofNullable(container.getPorts()).orElse(List.of()).stream())
                .filter(declared -> port.getStrVal() != null ? port.getStrVal().equals(declared.getName())
                        : Objects.equals(port.getIntVal(), declared.getContainerPort()))
                .findFirst();
    }

    private static String show(IntOrString port) {
        return port.getStrVal() != null ? port.getStrVal() : String.valueOf(port.getIntVal());
    }

    private static List<String> resources(String name, ResourceRequirements resources) {
        List<String> problems = new ArrayList<>();
        Map<String, Quantity> requests = resources == null || resources.getRequests() == null ? Map.of()
                : resources.getRequests();
        Map<String, Quantity> limits = resources == null || resources.getLimits() == null ? Map.of()
                : resources.getLimits();
        for (String resource : List.of("cpu", "memory")) {
            Quantity request = requests.get(resource);
            Quantity limit = limits.get(resource);
            if (request == null) {
                problems.add(name + " requests no " + resource);
            }
            if (limit == null) {
                problems.add(name + " has no " + resource + " limit");
            }
            if (request != null && limit != null) {
                BigDecimal requested = Quantity.getAmountInBytes(request);
                BigDecimal limited = Quantity.getAmountInBytes(limit);
                if (requested.compareTo(limited) > 0) {
                    problems.add(name + " requests more " + resource + " (" + request + ") than its limit (" + limit
                            + ")");
                }
            }
        }
        return problems;
    }
}
