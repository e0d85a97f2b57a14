package nl.dijkwacht.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/generate-configmaps.sh, which turns policies/ and models-config/ into the ConfigMaps at deploy time: every
 * file comes back byte for byte whatever it holds, a file that cannot become a ConfigMap key is refused by name, and
 * (where kubectl is installed) {@code kubectl kustomize} renders the same volume and ConfigMaps as the tests read.
 */
class ConfigMapGenerationTest {

    @TempDir
    Path tmp;

    @Test
    void everyFileComesBackByteForByteWhateverItHolds() throws Exception {
        Path policies = Files.createDirectories(tmp.resolve("policies/use-cases"));
        Path models = Files.createDirectories(tmp.resolve("models"));
        Map<String, String> written = new TreeMap<>(Map.of(
                "tools.yaml", "tools: []\n",
                "indented-first-line.yaml", "    indented: first\nnext: x",
                "trailing-blank-lines.yaml", "x: 1\n\n\n",
                "empty.yaml", "",
                "only-newlines.yaml", "\n\n",
                "use-cases/awkward.yml", "tab:\t\"é € ---\"\n---\nkey: |\n  # not a comment\n   \n\nend\n",
                "use-cases/nested-quotes.yaml", "a: 'b: \"c\"' # d\n"));
        for (var file : written.entrySet()) {
            Files.writeString(policies.getParent().resolve(file.getKey()), file.getValue());
        }
        Files.writeString(models.resolve("m.yaml"), "id: m\nnote: \"ÿ\\u00e9\"\n");

        Path out = Manifests.generate(tmp.resolve("policies"), models, tmp.resolve("out"));
        List<HasMetadata> docs = Manifests.read(out.resolve("policy-configmaps.yaml"));

        ConfigMap policyMap = configMap(docs, "dijkwacht-policies");
        Deployment patch = (Deployment) Manifests.read(out.resolve("policies-volume.yaml")).getFirst();
        Map<String, String> mounted = new TreeMap<>();
        for (KeyToPath item : patch.getSpec().getTemplate().getSpec().getVolumes().getFirst().getConfigMap().getItems()) {
            mounted.put(item.getPath(), policyMap.getData().get(item.getKey()));
        }
        assertThat(mounted).isEqualTo(written);
        assertThat(configMap(docs, "dijkwacht-models").getData()).containsExactly(Map.entry("m.yaml", "id: m\nnote: \"ÿ\\u00e9\"\n"));
    }

    @Test
    void aFileThatCannotBecomeAConfigMapKeyIsRefusedByName() throws Exception {
        Path policies = Files.createDirectories(tmp.resolve("policies"));
        Files.writeString(policies.resolve("tools.yaml"), "tools: []\n");
        Files.writeString(policies.resolve("mijn beleid.yaml"), "x: 1\n");
        Files.createDirectories(tmp.resolve("models"));

        Manifests.Generation run = Manifests.runGenerator(policies, tmp.resolve("models"), tmp.resolve("out"));

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.stderr()).contains("mijn beleid.yaml").contains("rename");
        assertThat(tmp.resolve("out/policy-configmaps.yaml")).doesNotExist();
    }

    @Test
    void windowsLineEndingsAreRefusedInsteadOfChanged() throws Exception {
        Path policies = Files.createDirectories(tmp.resolve("policies"));
        Files.writeString(policies.resolve("tools.yaml"), "tools: []\r\n");
        Files.createDirectories(tmp.resolve("models"));

        Manifests.Generation run = Manifests.runGenerator(policies, tmp.resolve("models"), tmp.resolve("out"));

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.stderr()).contains("tools.yaml").contains("CR");
    }

    /**
     * kubectl is not a package of the registries this project may use; where it is installed (this development machine
     * has one), its kustomize renders the kustomization and must agree with what the other tests check.
     */
    @Test
    void kubectlKustomizeRendersTheSameVolumeAndConfigMaps() throws Exception {
        Assumptions.assumeTrue(onPath("kubectl"), "kubectl is not installed: the kustomize rendering is checked only by Manifests here");
        Path copy = tmp.resolve("kubernetes");
        try (Stream<Path> files = Files.list(Manifests.DIR)) {
            Files.createDirectories(copy);
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        Path generated = Manifests.generate(Path.of("../policies"), Path.of("../models-config"), copy.resolve("generated"));
        Process kubectl = new ProcessBuilder("kubectl", "kustomize", copy.toString()).redirectErrorStream(true).start();
        String rendered = new String(kubectl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(kubectl.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(kubectl.exitValue()).as(rendered).isZero();
        Path renderedFile = Files.writeString(tmp.resolve("rendered.yaml"), rendered);

        List<HasMetadata> byKubectl = Manifests.read(renderedFile);
        List<HasMetadata> byTests = Manifests.load(generated);
        assertThat(kinds(byKubectl)).isEqualTo(kinds(byTests));
        Deployment deployment = Manifests.one(byKubectl, Deployment.class);
        assertThat(deployment.getSpec().getTemplate().getSpec().getVolumes())
                .isEqualTo(Manifests.one(byTests, Deployment.class).getSpec().getTemplate().getSpec().getVolumes());
        for (String name : List.of("dijkwacht-policies", "dijkwacht-models")) {
            assertThat(configMap(byKubectl, name).getData()).as(name).isEqualTo(configMap(byTests, name).getData());
        }
    }

    private static ConfigMap configMap(List<HasMetadata> docs, String name) {
        return Manifests.all(docs, ConfigMap.class).stream().filter(c -> c.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no ConfigMap " + name));
    }

    private static List<String> kinds(List<HasMetadata> docs) {
        return docs.stream().map(d -> d.getKind() + "/" + d.getMetadata().getName()).sorted().collect(Collectors.toList());
    }

    private static boolean onPath(String command) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }
}
