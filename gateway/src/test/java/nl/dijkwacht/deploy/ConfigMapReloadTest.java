package nl.dijkwacht.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import nl.dijkwacht.policy.ActivePolicy;
import nl.dijkwacht.policy.PolicyLoader;
import nl.dijkwacht.policy.PolicyWatcher;
import nl.dijkwacht.policy.Suspension;
import nl.dijkwacht.policy.SuspensionStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reload path in Kubernetes: the generated ConfigMaps laid out the way kubelet writes a ConfigMap volume (files are
 * symlinks through {@code ..data} into a timestamped directory, and an update swaps {@code ..data} atomically), read by
 * the gateway's policy loader; an edited ConfigMap is picked up by the policy watcher without a restart, and a broken
 * edit is refused with its file and line while the policy in force stays.
 */
class ConfigMapReloadTest {

    @TempDir
    Path tmp;

    int generation;

    @Test
    void anEditedConfigMapIsReloadedWithoutARestartAndABrokenOneIsRefused() throws Exception {
        Path out = Manifests.generate(Path.of("../policies"), Path.of("../models-config"), tmp.resolve("generated"));
        List<HasMetadata> docs = Manifests.read(out.resolve("policy-configmaps.yaml"));
        Deployment volumePatch = (Deployment) Manifests.read(out.resolve("policies-volume.yaml")).getFirst();
        Map<String, String> policyFiles = new TreeMap<>();
        Map<String, String> policyData = configMap(docs, "dijkwacht-policies").getData();
        for (KeyToPath item : volumePatch.getSpec().getTemplate().getSpec().getVolumes().getFirst().getConfigMap().getItems()) {
            policyFiles.put(item.getPath(), policyData.get(item.getKey()));
        }
        Path policiesDir = Files.createDirectories(tmp.resolve("config/policies"));
        Path modelsDir = Files.createDirectories(tmp.resolve("config/models-config"));
        project(policiesDir, policyFiles);
        project(modelsDir, configMap(docs, "dijkwacht-models").getData());
        assertThat(Files.isSymbolicLink(policiesDir.resolve("use-cases"))).as("laid out as kubelet does").isTrue();

        ActivePolicy policy = new ActivePolicy(new PolicyLoader(), policiesDir, modelsDir);
        String first = policy.current().version();
        assertThat(policy.current().useCases()).containsKey("brieven-opstellen");
        try (PolicyWatcher watcher = new PolicyWatcher(policy, new NoSuspensions(), Duration.ZERO)) {
            // kubectl apply of an edited ConfigMap: kubelet writes a new timestamped directory and swaps ..data
            String edited = policyFiles.get("use-cases/brieven-opstellen.yaml")
                    .replace("models: [eu-groot, lokaal-klein, dry-run]", "models: [lokaal-klein, dry-run]");
            assertThat(edited).isNotEqualTo(policyFiles.get("use-cases/brieven-opstellen.yaml"));
            policyFiles.put("use-cases/brieven-opstellen.yaml", edited);
            project(policiesDir, policyFiles);
            watcher.poll();

            String second = policy.current().version();
            assertThat(second).isNotEqualTo(first);
            assertThat(policy.current().useCases().get("brieven-opstellen").models()).containsExactly("lokaal-klein", "dry-run");
            assertThat(policy.lastFailure()).isNull();

            // a broken edit: refused with file and line, the edited policy stays in force
            policyFiles.put("use-cases/brieven-opstellen.yaml", edited.replace("risk-class: limited", "risk-class: onbekend"));
            project(policiesDir, policyFiles);
            watcher.poll();

            assertThat(policy.current().version()).isEqualTo(second);
            assertThat(policy.lastFailure()).isNotNull();
            assertThat(policy.lastFailure().problems()).anySatisfy(p -> {
                assertThat(p.file().toString()).endsWith("brieven-opstellen.yaml");
                assertThat(p.line()).isPositive();
            });
        }
    }

    /**
     * Writes a ConfigMap volume's files as kubelet's atomic writer does: the payload in a new {@code ..<timestamp>}
     * directory, {@code ..data} switched to it with one rename, a symlink per top-level name, the old payload removed.
     */
    private void project(Path volume, Map<String, String> files) throws IOException {
        Path payload = volume.resolve("..2026_12_01_09_00_00." + (++generation));
        for (var file : files.entrySet()) {
            Path target = payload.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.getValue());
        }
        Path oldPayload = Files.isSymbolicLink(volume.resolve("..data")) ? volume.resolve(Files.readSymbolicLink(volume.resolve("..data"))) : null;
        Path next = Files.createSymbolicLink(volume.resolve("..data_tmp"), payload.getFileName());
        Files.move(next, volume.resolve("..data"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        for (String top : files.keySet().stream().map(k -> k.split("/")[0]).distinct().toList()) {
            Path link = volume.resolve(top);
            if (!Files.isSymbolicLink(link)) {
                Files.createSymbolicLink(link, Path.of("..data").resolve(top));
            }
        }
        if (oldPayload != null) {
            try (Stream<Path> walk = Files.walk(oldPayload)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static ConfigMap configMap(List<HasMetadata> docs, String name) {
        return Manifests.all(docs, ConfigMap.class).stream().filter(c -> c.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow();
    }

    private static final class NoSuspensions implements SuspensionStore {
        @Override
        public List<Suspension> all() {
            return List.of();
        }

        @Override
        public void put(Suspension suspension) {
        }

        @Override
        public boolean remove(Suspension.Kind kind, String targetId) {
            return false;
        }
    }
}
