package nl.dijkwacht.deploy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the Kubernetes manifests under deploy/kubernetes into the fabric8 model (the Kubernetes API types) and reports
 * every field the API does not know — a misspelt key would otherwise be ignored by kubectl's lenient decoding.
 *
 * <p>The policy ConfigMaps are not committed: {@link #load()} runs deploy/generate-configmaps.sh on the repository's
 * policies/ and models-config/ (as a deployment does) and renders the kustomization the way {@code kubectl kustomize}
 * does for it: the listed resources, then the generated patch of the Deployment's policy volume. ConfigMapGenerationTest
 * compares this rendering with kubectl's own where kubectl is installed.
 */
final class Manifests {

    static final Path DIR = Path.of("../deploy/kubernetes");
    static final Path GENERATOR = Path.of("../deploy/generate-configmaps.sh");
    static final String GENERATED = "generated/";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of(
            "v1/Namespace", Namespace.class,
            "v1/ServiceAccount", ServiceAccount.class,
            "v1/ConfigMap", ConfigMap.class,
            "v1/Secret", Secret.class,
            "v1/Service", Service.class,
            "apps/v1/Deployment", Deployment.class,
            "networking.k8s.io/v1/Ingress", Ingress.class,
            "networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
            "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class);

    private Manifests() {
    }

    /** Every document of the kustomization, rendered with freshly generated policy ConfigMaps, typed. */
    static List<HasMetadata> load() throws IOException {
        return load(generate(Path.of("../policies"), Path.of("../models-config"), Files.createTempDirectory("dw-configmaps")));
    }

    /** The kustomization rendered with the generator's output in {@code generated}. */
    static List<HasMetadata> load(Path generated) throws IOException {
        JsonNode kustomization = YAML.readTree(DIR.resolve("kustomization.yaml").toFile());
        List<HasMetadata> all = new ArrayList<>();
        for (JsonNode resource : kustomization.path("resources")) {
            all.addAll(read(resolve(resource.asText(), generated)));
        }
        for (JsonNode patch : kustomization.path("patches")) {
            for (HasMetadata p : read(resolve(patch.path("path").asText(), generated))) {
                applyVolumePatch(all, (Deployment) p);
            }
        }
        return all;
    }

    /**
     * The same rendering as {@link #load(Path)} but as the YAML says it, untyped (for the schema check: the typed model
     * would already have coerced "3" into 3).
     */
    static List<JsonNode> loadRaw(Path generated) throws IOException {
        JsonNode kustomization = YAML.readTree(DIR.resolve("kustomization.yaml").toFile());
        List<JsonNode> all = new ArrayList<>();
        for (JsonNode resource : kustomization.path("resources")) {
            all.addAll(readRaw(resolve(resource.asText(), generated)));
        }
        for (JsonNode patch : kustomization.path("patches")) {
            for (JsonNode p : readRaw(resolve(patch.path("path").asText(), generated))) {
                JsonNode target = all.stream().filter(d -> d.path("kind").asText().equals(p.path("kind").asText())
                        && d.at("/metadata/name").asText().equals(p.at("/metadata/name").asText())).findFirst()
                        .orElseThrow(() -> new AssertionError("patch for an unknown object " + p.at("/metadata/name").asText()));
                var volumes = (com.fasterxml.jackson.databind.node.ArrayNode) target.at("/spec/template/spec/volumes");
                for (JsonNode v : p.at("/spec/template/spec/volumes")) {
                    boolean replaced = false;
                    for (int i = 0; i < volumes.size(); i++) {
                        if (volumes.get(i).path("name").asText().equals(v.path("name").asText())) {
                            volumes.set(i, v);
                            replaced = true;
                        }
                    }
                    if (!replaced) {
                        throw new AssertionError("patch for an unknown volume " + v.path("name").asText());
                    }
                }
            }
        }
        return all;
    }

    static List<JsonNode> readRaw(Path file) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        try (YAMLParser parser = (YAMLParser) YAML.getFactory().createParser(file.toFile())) {
            for (JsonNode doc : YAML.readValues(parser, JsonNode.class).readAll()) {
                if (doc != null && !doc.isNull() && !doc.isEmpty()) {
                    out.add(doc);
                }
            }
        }
        return out;
    }

    private static Path resolve(String resource, Path generated) {
        return resource.startsWith(GENERATED) ? generated.resolve(resource.substring(GENERATED.length())) : DIR.resolve(resource);
    }

    /**
     * The one kind of patch the kustomization has: volumes of the Deployment, replaced by name (a strategic merge on
     * {@code volumes}, whose merge key is the name; a ConfigMap volume's {@code items} list has none, so it is replaced).
     */
    private static void applyVolumePatch(List<HasMetadata> all, Deployment patch) {
        Deployment target = all(all, Deployment.class).stream()
                .filter(d -> d.getMetadata().getName().equals(patch.getMetadata().getName())).findFirst()
                .orElseThrow(() -> new AssertionError("patch for an unknown Deployment " + patch.getMetadata().getName()));
        List<io.fabric8.kubernetes.api.model.Volume> volumes = target.getSpec().getTemplate().getSpec().getVolumes();
        for (io.fabric8.kubernetes.api.model.Volume v : patch.getSpec().getTemplate().getSpec().getVolumes()) {
            int at = -1;
            for (int i = 0; i < volumes.size(); i++) {
                if (volumes.get(i).getName().equals(v.getName())) {
                    at = i;
                }
            }
            if (at < 0) {
                throw new AssertionError("patch for an unknown volume " + v.getName());
            }
            volumes.set(at, v);
        }
    }

    /** The result of one run of deploy/generate-configmaps.sh. */
    record Generation(int exitCode, String stderr, Path out) {
    }

    /** Runs deploy/generate-configmaps.sh and fails when it does. */
    static Path generate(Path policies, Path models, Path out) {
        Generation run = runGenerator(policies, models, out);
        if (run.exitCode() != 0) {
            throw new AssertionError("deploy/generate-configmaps.sh failed: " + run.stderr());
        }
        return out;
    }

    static Generation runGenerator(Path policies, Path models, Path out) {
        try {
            Process process = new ProcessBuilder("bash", GENERATOR.toString(), policies.toString(), models.toString(), out.toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            String stderr = new String(process.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            return new Generation(process.waitFor(), stderr, out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static List<HasMetadata> read(Path file) throws IOException {
        List<HasMetadata> out = new ArrayList<>();
        try (YAMLParser parser = (YAMLParser) YAML.getFactory().createParser(file.toFile())) {
            for (JsonNode doc : YAML.readValues(parser, JsonNode.class).readAll()) {
                if (doc == null || doc.isNull() || doc.isEmpty()) {
                    continue;
                }
                String key = doc.path("apiVersion").asText() + "/" + doc.path("kind").asText();
                Class<? extends HasMetadata> type = KINDS.get(key);
                if (type == null) {
                    throw new AssertionError(file + ": unexpected kind " + key);
                }
                out.add(YAML.treeToValue(doc, type));
            }
        }
        return out;
    }

    static <T extends HasMetadata> T one(List<HasMetadata> all, Class<T> type) {
        List<T> found = all.stream().filter(type::isInstance).map(type::cast).toList();
        if (found.size() != 1) {
            throw new AssertionError("expected exactly one " + type.getSimpleName() + ", found " + found.size());
        }
        return found.getFirst();
    }

    static <T extends HasMetadata> List<T> all(List<HasMetadata> all, Class<T> type) {
        return all.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Paths of fields the Kubernetes API does not have (they land in fabric8's additionalProperties). */
    static List<String> unknownFields(Object resource) {
        List<String> unknown = new ArrayList<>();
        walk(resource, resource.getClass().getSimpleName(), unknown, java.util.Collections.newSetFromMap(new IdentityHashMap<>()));
        return unknown;
    }

    private static void walk(Object node, String path, List<String> unknown, Set<Object> seen) {
        if (node == null || !seen.add(node)) {
            return;
        }
        if (node instanceof Collection<?> list) {
            int i = 0;
            for (Object item : list) {
                walk(item, path + "[" + i++ + "]", unknown, seen);
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> walk(v, path + "." + k, unknown, seen));
            return;
        }
        if (!node.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method m : node.getClass().getMethods()) {
            if (m.getParameterCount() != 0 || Modifier.isStatic(m.getModifiers()) || !m.getName().startsWith("get")
                    || m.getDeclaringClass() == Object.class) {
                continue;
            }
            Object value;
            try {
                value = m.invoke(node);
            } catch (ReflectiveOperationException e) {
                continue;
            }
            if (m.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    unknown.add(path + ": " + extra.keySet());
                }
                continue;
            }
            String field = Character.toLowerCase(m.getName().charAt(3)) + m.getName().substring(4);
            walk(value, path + "." + field, unknown, seen);
        }
    }

    static JsonMapper json() {
        return JsonMapper.builder().build();
    }
}
