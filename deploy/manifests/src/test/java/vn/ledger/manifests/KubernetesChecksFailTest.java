package vn.ledger.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.ledger.manifests.KubernetesModel.Manifest;

/**
 * The checks of {@link KubernetesManifestsTest} can fail: a small deployment that passes every one of them, and the
 * same with one mistake each, which the check names.
 */
class KubernetesChecksFailTest {

    /** A namespace, a config map, a secret, a deployment, its service and budget: right in every way checked. */
    private static final String GOOD = """
            apiVersion: v1
            kind: Namespace
            metadata:
              name: ledger
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: ledger-config
              namespace: ledger
            data:
              LEDGER_DB_URL: jdbc:postgresql://db:5432/ledger
            ---
            apiVersion: v1
            kind: Secret
            metadata:
              name: ledger-secrets
              namespace: ledger
            stringData:
              query-db-password: CHANGE-ME
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: query-service
              namespace: ledger
            spec:
              replicas: 2
              selector:
                matchLabels:
                  app: query
              template:
                metadata:
                  labels:
                    app: query
                spec:
                  securityContext:
                    runAsNonRoot: true
                    runAsUser: 10001
                    seccompProfile:
                      type: RuntimeDefault
                  containers:
                    - name: query-service
                      image: ledger/query-side:1.0
                      ports:
                        - name: http
                          containerPort: 8082
                      env:
                        - name: SERVER_PORT
                          value: "8082"
                        - name: LEDGER_DB_USER
                          value: ledger_query
                        - name: LEDGER_DB_URL
                          valueFrom:
                            configMapKeyRef:
                              name: ledger-config
                              key: LEDGER_DB_URL
                        - name: LEDGER_DB_PASSWORD
                          valueFrom:
                            secretKeyRef:
                              name: ledger-secrets
                              key: query-db-password
                      startupProbe:
                        httpGet:
                          path: /actuator/health/liveness
                          port: http
                      livenessProbe:
                        httpGet:
                          path: /actuator/health/liveness
                          port: http
                      readinessProbe:
                        httpGet:
                          path: /actuator/health/readiness
                          port: http
                      resources:
                        requests:
                          cpu: 250m
                          memory: 1Gi
                        limits:
                          cpu: "2"
                          memory: 1Gi
                      securityContext:
                        allowPrivilegeEscalation: false
                        readOnlyRootFilesystem: true
                        capabilities:
                          drop: [ALL]
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: query-service
              namespace: ledger
            spec:
              selector:
                app: query
              ports:
                - name: http
                  port: 8082
                  targetPort: http
            ---
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata:
              name: query-service
              namespace: ledger
            spec:
              minAvailable: 1
              selector:
                matchLabels:
                  app: query
            """;

    @Test
    void theGoodDeploymentPassesEveryCheck() {
        List<String> problems = new ArrayList<>();
        ManifestChecks checks = new ManifestChecks(KubernetesModel.read("good.yaml", GOOD, problems));
        assertThat(problems).isEmpty();
        assertThat(all(checks)).isEmpty();
    }

    @Test
    void aFieldTheApiDoesNotHaveFails() {
        assertThat(readProblems(change(GOOD, "readinessProbe:", "readinesProbe:")))
                .singleElement().asString()
                .contains("Deployment", "readinesProbe", "spec.template.spec.containers[0]");
    }

    @Test
    void aValueOfTheWrongTypeFails() {
        // an unquoted number as an environment variable's value: the API server wants a string
        assertThat(readProblems(change(GOOD, "value: \"8082\"", "value: 8082")))
                .singleElement().asString().contains("value");
        // and the reverse
        assertThat(readProblems(change(GOOD, "replicas: 2", "replicas: \"2\""))).singleElement().asString()
                .contains("replicas");
    }

    @Test
    void aKindOrVersionTheDeploymentDoesNotUseFails() {
        assertThat(readProblems(change(GOOD, "apiVersion: policy/v1", "apiVersion: policy/v1beta1")))
                .singleElement().asString().contains("policy/v1beta1 PodDisruptionBudget");
    }

    @Test
    void aRepeatedKeyFails() {
        assertThat(readProblems(change(GOOD, "  replicas: 2\n", "  replicas: 2\n  replicas: 3\n")))
                .singleElement().asString().contains("replicas");
    }

    @Test
    void aContainerWithoutProbesOrResourcesFails() {
        String withoutProbes = change(change(GOOD, """
                          readinessProbe:
                            httpGet:
                              path: /actuator/health/readiness
                              port: http
                """, ""), """
                            limits:
                              cpu: "2"
                              memory: 1Gi
                """, "");
        assertThat(checks(withoutProbes).probesAndResources()).containsExactlyInAnyOrder(
                "container query-service of Deployment query-service has no readinessProbe",
                "container query-service of Deployment query-service has no cpu limit",
                "container query-service of Deployment query-service has no memory limit");
        assertThat(checks(change(GOOD, "      port: http\n          resources:",
                "      port: 9999\n          resources:")).probesAndResources())
                .containsExactly("container query-service of Deployment query-service probes port 9999, which it does"
                        + " not declare");
    }

    @Test
    void aSelectorThatMissesItsPodsFails() {
        String mismatched = change(GOOD, "      labels:\n        app: query\n",
                "      labels:\n        app: queries\n");
        ManifestChecks checks = checks(mismatched);
        assertThat(checks.deploymentSelectors()).singleElement().asString()
                .contains("Deployment query-service's selector {app=query} does not match");
        assertThat(checks.services()).singleElement().asString()
                .contains("Service query-service selects the pods of 0 Deployments");
        assertThat(checks.disruptionBudgets()).singleElement().asString()
                .contains("PodDisruptionBudget query-service selects the pods of 0 Deployments");
    }

    @Test
    void aServiceOnAPortNoContainerDeclaresFails() {
        assertThat(checks(change(GOOD, "targetPort: http", "targetPort: web")).services())
                .containsExactly("Service query-service targets port web, which no container of Deployment"
                        + " query-service declares");
    }

    @Test
    void aBudgetThatCannotBeMetFails() {
        assertThat(checks(change(GOOD, "minAvailable: 1", "minAvailable: 3")).disruptionBudgets())
                .containsExactly("PodDisruptionBudget query-service wants 3 pods available of Deployment"
                        + " query-service, which runs 2");
    }

    @Test
    void aMissingConfigMapOrSecretKeyFails() {
        assertThat(checks(change(GOOD, "key: query-db-password", "key: query-password")).references())
                .containsExactly("container query-service of Deployment query-service reads LEDGER_DB_PASSWORD from"
                        + " key query-password of Secret ledger-secrets, which is not in the manifests");
        assertThat(checks(change(GOOD, "name: ledger-config\n                  key",
                "name: config\n                  key")).references()).singleElement().asString()
                .contains("of ConfigMap config, which is not in the manifests");
    }

    @Test
    void aRootOrEscalatingContainerFails() {
        String root = change(change(GOOD, "runAsNonRoot: true", "runAsNonRoot: false"),
                "allowPrivilegeEscalation: false", "allowPrivilegeEscalation: true");
        assertThat(checks(root).podSecurity()).containsExactlyInAnyOrder(
                "container query-service of Deployment query-service does not set runAsNonRoot: true",
                "container query-service of Deployment query-service does not set allowPrivilegeEscalation: false");
    }

    @Test
    void aCommittedPasswordFails() {
        assertThat(checks(change(GOOD, "query-db-password: CHANGE-ME", "query-db-password: hunter2"))
                .secretsArePlaceholders())
                .containsExactly("Secret ledger-secrets holds a value for query-db-password that is not a CHANGE-ME"
                        + " placeholder");
    }

    @Test
    void aVariableOrRoleOutsideTheContractFails() {
        String other = change(change(GOOD, "name: SERVER_PORT", "name: SERVER_PROT"),
                "value: ledger_query", "value: ledger_command");
        assertThat(checks(other).serviceContract()).containsExactlyInAnyOrder(
                "container query-service of Deployment query-service sets SERVER_PROT, which query-service does not"
                        + " read",
                "container query-service of Deployment query-service should set SERVER_PORT to 8082",
                "container query-service of Deployment query-service should connect as the database role"
                        + " ledger_query");
    }

    @Test
    void aResourceOutsideTheNamespaceFails() {
        assertThat(checks(change(GOOD, "  name: query-service\n  namespace: ledger\nspec:\n  selector:",
                "  name: query-service\n  namespace: default\nspec:\n  selector:")).namespaces())
                .containsExactly("Service query-service (good.yaml) is in namespace default, not ledger");
    }

    /** {@code text} with {@code old}, which must be in it exactly once, replaced: a variant that misses fails. */
    private static String change(String text, String old, String replacement) {
        int at = text.indexOf(old);
        assertThat(at).as("the variant's text to change, %s", old).isNotNegative();
        assertThat(text.indexOf(old, at + 1)).as("the variant's text to change once, %s", old).isNegative();
        return text.substring(0, at) + replacement + text.substring(at + old.length());
    }

    private static List<String> readProblems(String yaml) {
        List<String> problems = new ArrayList<>();
        KubernetesModel.read("bad.yaml", yaml, problems);
        return problems;
    }

    private static ManifestChecks checks(String yaml) {
        List<String> problems = new ArrayList<>();
        List<Manifest> manifests = KubernetesModel.read("good.yaml", yaml, problems);
        assertThat(problems).as("the variant still reads").isEmpty();
        return new ManifestChecks(manifests);
    }

    private static List<String> all(ManifestChecks checks) {
        List<String> problems = new ArrayList<>();
        problems.addAll(checks.uniqueNames());
        problems.addAll(checks.namespaces());
        problems.addAll(checks.deploymentSelectors());
        problems.addAll(checks.probesAndResources());
        problems.addAll(checks.services());
        problems.addAll(checks.disruptionBudgets());
        problems.addAll(checks.podSecurity());
        problems.addAll(checks.references());
        problems.addAll(checks.serviceContract());
        problems.addAll(checks.secretsArePlaceholders());
        return problems;
    }
}
