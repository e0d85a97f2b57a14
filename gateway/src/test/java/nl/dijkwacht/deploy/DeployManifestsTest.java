package nl.dijkwacht.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Kubernetes manifests in deploy/kubernetes, read into the Kubernetes API types and checked: no unknown fields,
 * probes on the management port, resources, a hardened security context, policies and models mounted so that edits
 * reload, the ConfigMaps generated from policies/ and models-config/ (deploy/generate-configmaps.sh, run as a deployment
 * runs it) with every file at its path, and a NetworkPolicy that denies by default and lets out only what the gateway
 * needs.
 */
class DeployManifestsTest {

    static List<HasMetadata> manifests;
    static Deployment deployment;
    static PodSpec pod;
    static Container gateway;

    @BeforeAll
    static void load() throws Exception {
        manifests = Manifests.load();
        deployment = Manifests.one(manifests, Deployment.class);
        pod = deployment.getSpec().getTemplate().getSpec();
        gateway = pod.getContainers().getFirst();
    }

    @Test
    void everyManifestUsesOnlyFieldsTheKubernetesApiKnows() {
        assertThat(manifests).hasSizeGreaterThanOrEqualTo(12);
        List<String> unknown = new ArrayList<>();
        manifests.forEach(m -> unknown.addAll(Manifests.unknownFields(m)));
        assertThat(unknown).isEmpty();
    }

    @Test
    void theDeploymentHasProbesOnTheManagementPortAndResources() {
        assertThat(deployment.getSpec().getReplicas()).isGreaterThanOrEqualTo(2);
        assertThat(deployment.getSpec().getSelector().getMatchLabels())
                .isEqualTo(deployment.getSpec().getTemplate().getMetadata().getLabels());
        assertThat(deployment.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal()).isZero();
        Map<String, Integer> ports = gateway.getPorts().stream()
                .collect(Collectors.toMap(p -> p.getName(), p -> p.getContainerPort()));
        assertThat(ports).containsEntry("http", 8080).containsEntry("management", 9090);
        probe(gateway.getStartupProbe(), "/actuator/health/liveness");
        probe(gateway.getLivenessProbe(), "/actuator/health/liveness");
        probe(gateway.getReadinessProbe(), "/actuator/health/readiness");
        assertThat(gateway.getStartupProbe().getFailureThreshold() * gateway.getStartupProbe().getPeriodSeconds())
                .as("start-up allowed to take a minute or more (policy, PII engine, migrations)").isGreaterThanOrEqualTo(60);

        Map<String, Quantity> requests = gateway.getResources().getRequests();
        assertThat(requests).containsKeys("cpu", "memory");
        Quantity memoryLimit = gateway.getResources().getLimits().get("memory");
        assertThat(memoryLimit).isNotNull();
        assertThat(Quantity.getAmountInBytes(memoryLimit)).isGreaterThanOrEqualTo(Quantity.getAmountInBytes(requests.get("memory")));
        assertThat(env("JAVA_TOOL_OPTIONS").getValue()).contains("MaxRAMPercentage")
                .as("G1's fixed concurrent-cycle threshold, as the README start and the image (gc20)")
                .contains("-XX:-G1UseAdaptiveIHOP", "-XX:InitiatingHeapOccupancyPercent=45");
        assertThat(pod.getTerminationGracePeriodSeconds()).isGreaterThanOrEqualTo(30);
        assertThat(gateway.getLifecycle().getPreStop()).as("pre-stop pause before shutdown").isNotNull();
    }

    @Test
    void theGatewayRunsAsNonRootOnAReadOnlyRootFileSystem() {
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getRunAsUser()).isPositive();
        assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        assertThat(pod.getAutomountServiceAccountToken()).isFalse();
        var container = gateway.getSecurityContext();
        assertThat(container.getReadOnlyRootFilesystem()).isTrue();
        assertThat(container.getAllowPrivilegeEscalation()).isFalse();
        assertThat(container.getCapabilities().getDrop()).containsExactly("ALL");
        // the only writable place is an emptyDir on /tmp
        VolumeMount tmp = mount("/tmp");
        assertThat(volume(tmp.getName()).getEmptyDir()).isNotNull();
        assertThat(gateway.getVolumeMounts()).filteredOn(m -> !Boolean.TRUE.equals(m.getReadOnly()))
                .extracting(VolumeMount::getMountPath).containsExactly("/tmp");
    }

    @Test
    void secretsComeFromTheSecretAndEachReplicaHasItsOwnAuditChain() {
        Secret secret = Manifests.one(manifests, Secret.class);
        Set<String> fromSecret = gateway.getEnvFrom().stream().map(EnvFromSource::getSecretRef).filter(r -> r != null)
                .map(r -> r.getName()).collect(Collectors.toSet());
        assertThat(fromSecret).containsExactly(secret.getMetadata().getName());
        assertThat(secret.getStringData()).containsKeys("DIJKWACHT_SECRET_KEY", "SPRING_DATASOURCE_PASSWORD");
        ConfigMap settings = configMap("dijkwacht-settings");
        assertThat(settings.getData()).containsKeys("SPRING_DATASOURCE_URL", "DIJKWACHT_LIMITS_REDIS_URL");
        assertThat(settings.getData().toString()).doesNotContainIgnoringCase("password=");
        assertThat(env("DIJKWACHT_AUDIT_CHAIN_ID").getValueFrom().getFieldRef().getFieldPath()).isEqualTo("metadata.name");
        // models' upstream keys (api-key-env) are in the Secret
        for (String keyEnv : modelFiles().values().stream().map(m -> m.path("api-key-env").asText(null)).filter(k -> k != null).toList()) {
            if (!keyEnv.startsWith("ANTHROPIC")) { // claude-extern: not approved for egress by default, see networkpolicy.yaml
                assertThat(secret.getStringData()).as("secret for " + keyEnv).containsKey(keyEnv);
            }
        }
    }

    /**
     * The image's default store is the embedded H2 file under DIJKWACHT_DATA_DIR, which here is the pod's emptyDir: each
     * replica would start a fresh audit store at every restart and the records would go with the pod
     * (docs/deployment.md, "1. PostgreSQL"). Several replicas therefore need the one shared PostgreSQL store.
     */
    @Test
    void severalReplicasWriteToTheSharedPostgreSqlStoreNotToAPodsOwnFile() {
        int minReplicas = Manifests.one(manifests, HorizontalPodAutoscaler.class).getSpec().getMinReplicas();
        assertThat(Math.max(deployment.getSpec().getReplicas(), minReplicas)).as("several replicas").isGreaterThan(1);
        assertThat(configMap("dijkwacht-settings").getData().get("SPRING_DATASOURCE_URL")).as("the audit store of every replica")
                .startsWith("jdbc:postgresql://");
        assertThat(gateway.getEnv()).as("no env entry overrides the datasource of the settings")
                .noneMatch(e -> e.getName().startsWith("SPRING_DATASOURCE_URL"));
        assertThat(mount(env("DIJKWACHT_DATA_DIR").getValue().replaceFirst("^(/tmp)/.*", "$1")).getName())
                .as("the data directory is the pod's throw-away emptyDir: no audit store may live there")
                .isEqualTo(volume("tmp").getName());
        assertThat(volume("tmp").getEmptyDir()).isNotNull();
    }

    @Test
    void policiesAndModelsAreMountedFromConfigMapsGeneratedFromTheRepository() throws Exception {
        // every policy file, use-cases/ included, is in the ConfigMap byte for byte, and mounted at its own path
        Map<String, String> policyFiles = files(Path.of("../policies"), 8);
        ConfigMap policies = configMap("dijkwacht-policies");
        Volume policyVolume = volume(mount(env("DIJKWACHT_POLICIES_DIR").getValue()).getName());
        assertThat(policyVolume.getConfigMap().getName()).isEqualTo("dijkwacht-policies");
        Map<String, String> mounted = new TreeMap<>();
        for (KeyToPath item : policyVolume.getConfigMap().getItems()) {
            mounted.put(item.getPath(), policies.getData().get(item.getKey()));
        }
        assertThat(mounted).isEqualTo(policyFiles);
        assertThat(mounted).containsKey("use-cases/brieven-opstellen.yaml");
        assertThat(policies.getData()).hasSameSizeAs(policyFiles);

        ConfigMap models = configMap("dijkwacht-models");
        assertThat(new TreeMap<>(models.getData())).isEqualTo(files(Path.of("../models-config"), 1));
        Volume modelVolume = volume(mount(env("DIJKWACHT_MODELS_DIR").getValue()).getName());
        assertThat(modelVolume.getConfigMap().getName()).isEqualTo("dijkwacht-models");
        assertThat(modelVolume.getConfigMap().getItems()).as("every key at the root").isNullOrEmpty();

        assertThat(env("DIJKWACHT_POLICIES_DIR").getValue()).isEqualTo(mount(env("DIJKWACHT_POLICIES_DIR").getValue()).getMountPath());
        assertThat(env("DIJKWACHT_MODELS_DIR").getValue()).isEqualTo(mount(env("DIJKWACHT_MODELS_DIR").getValue()).getMountPath());
        // no subPath: kubelet then swaps edited ConfigMaps in and the policy watcher reloads them (ConfigMapReloadTest)
        assertThat(gateway.getVolumeMounts()).allSatisfy(m -> assertThat(m.getSubPath()).isNull());
        // nothing generated is committed: the ConfigMaps come from policies/ and models-config/ at deploy time
        assertThat(Manifests.DIR.resolve("policies.yaml")).doesNotExist();
        assertThat(Files.readString(Manifests.DIR.resolve("generated/.gitignore"))).contains("*");
    }

    /** The YAML files under a directory by relative path, as the generator and the policy loader see them. */
    static Map<String, String> files(Path dir, int depth) throws java.io.IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir, depth)) {
            for (Path f : walk.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).toList()) {
                files.put(dir.relativize(f).toString().replace('\\', '/'), Files.readString(f));
            }
        }
        return files;
    }

    @Test
    void theDisruptionBudgetAndServicesSelectTheGateway() {
        Map<String, String> labels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        PodDisruptionBudget pdb = Manifests.one(manifests, PodDisruptionBudget.class);
        assertThat(labels).containsAllEntriesOf(pdb.getSpec().getSelector().getMatchLabels());
        assertThat(pdb.getSpec().getMaxUnavailable() != null || pdb.getSpec().getMinAvailable() != null).isTrue();
        assertThat(pdb.getSpec().getMaxUnavailable().getIntVal()).isLessThan(deployment.getSpec().getReplicas());
        Service service = Manifests.one(manifests, Service.class);
        assertThat(labels).containsAllEntriesOf(service.getSpec().getSelector());
        Set<String> containerPorts = gateway.getPorts().stream().map(p -> p.getName()).collect(Collectors.toSet());
        assertThat(service.getSpec().getPorts()).allSatisfy(p -> assertThat(containerPorts).contains(p.getTargetPort().getStrVal()));
        Ingress ingress = Manifests.one(manifests, Ingress.class);
        assertThat(ingress.getSpec().getTls()).isNotEmpty();
        assertThat(ingress.getMetadata().getAnnotations()).containsEntry("nginx.ingress.kubernetes.io/proxy-buffering", "off");
        var backend = ingress.getSpec().getRules().getFirst().getHttp().getPaths().getFirst().getBackend().getService();
        assertThat(backend.getName()).isEqualTo(service.getMetadata().getName());
        assertThat(backend.getPort().getName()).isEqualTo("http").as("never the management port");
    }

    @Test
    void theNetworkPolicyDeniesByDefaultAndLetsOutOnlyApprovedHosts() {
        NetworkPolicy policy = Manifests.one(manifests, NetworkPolicy.class);
        assertThat(policy.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
        assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
                .containsAllEntriesOf(policy.getSpec().getPodSelector().getMatchLabels());
        for (NetworkPolicyEgressRule rule : policy.getSpec().getEgress()) {
            assertThat(rule.getTo()).as("an egress rule without 'to' allows every address").isNotEmpty();
            assertThat(rule.getPorts()).as("an egress rule without ports allows every port").isNotEmpty();
            for (NetworkPolicyPeer peer : rule.getTo()) {
                if (peer.getIpBlock() != null) {
                    assertThat(peer.getIpBlock().getCidr()).doesNotEndWith("/0");
                }
            }
        }
        assertThat(policy.getSpec().getIngress()).allSatisfy(r -> {
            assertThat(r.getFrom()).isNotEmpty();
            assertThat(r.getPorts()).isNotEmpty();
        });
        // every model host in models-config/ is in the reviewed list of approved hosts
        Set<String> approved = Stream.of(policy.getMetadata().getAnnotations().get("dijkwacht.nl/approved-model-hosts").split(","))
                .map(String::strip).collect(Collectors.toSet());
        Set<String> hosts = new TreeSet<>();
        modelFiles().values().forEach(m -> {
            String base = m.path("base-url").asText("");
            if (!base.isEmpty()) {
                String host = URI.create(base).getHost();
                if (!host.equals("localhost") && !host.startsWith("127.")) {
                    hosts.add(host);
                }
            }
        });
        assertThat(approved).containsAll(hosts);
    }

    private static void probe(Probe probe, String path) {
        assertThat(probe).as(path).isNotNull();
        assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
        assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("management");
    }

    private static EnvVar env(String name) {
        return gateway.getEnv().stream().filter(e -> e.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no env " + name));
    }

    private static VolumeMount mount(String path) {
        return gateway.getVolumeMounts().stream().filter(m -> m.getMountPath().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError("nothing mounted on " + path));
    }

    private static Volume volume(String name) {
        return pod.getVolumes().stream().filter(v -> v.getName().equals(name)).findFirst().orElseThrow();
    }

    private static ConfigMap configMap(String name) {
        return Manifests.all(manifests, ConfigMap.class).stream().filter(c -> c.getMetadata().getName().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no ConfigMap " + name));
    }

    private static Map<String, com.fasterxml.jackson.databind.JsonNode> modelFiles() {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        Map<String, com.fasterxml.jackson.databind.JsonNode> models = new TreeMap<>();
        try (Stream<Path> files = Files.list(Path.of("../models-config"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                models.put(f.getFileName().toString(), yaml.readTree(f.toFile()));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return models;
    }
}
