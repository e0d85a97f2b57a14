package nl.dijkwacht.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rendered Kubernetes manifests (deploy/kubernetes with freshly generated policy ConfigMaps) validated against the
 * Kubernetes API's OpenAPI schemas — the schema check kubeconform does, with the schemas compiled into the npm package
 * kubernetes-models (deploy/check/validate-kubernetes.mjs): types, required fields, enums, formats. Unknown fields are
 * caught by DeployManifestsTest. A broken manifest is refused too, so the check is known to bite.
 */
class KubernetesSchemaTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @BeforeEach
    void checker() {
        NodeChecks.require("kubernetes-models");
    }

    @Test
    void everyManifestIsValidAgainstTheKubernetesSchemas() throws Exception {
        Path generated = Manifests.generate(Path.of("../policies"), Path.of("../models-config"), tmp.resolve("generated"));
        List<JsonNode> manifests = Manifests.loadRaw(generated);

        NodeChecks.Result result = NodeChecks.run("validate-kubernetes.mjs", JSON.writeValueAsString(manifests));

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output().lines().filter(l -> l.startsWith("valid "))).hasSize(manifests.size());
        assertThat(result.output()).contains("valid apps/v1 Deployment/dijkwacht-gateway",
                "valid networking.k8s.io/v1 NetworkPolicy/dijkwacht-gateway", "valid policy/v1 PodDisruptionBudget/dijkwacht-gateway",
                "valid v1 ConfigMap/dijkwacht-policies");
    }

    @Test
    void aBrokenManifestIsRefusedWithThePathOfEachMistake() throws Exception {
        Path generated = Manifests.generate(Path.of("../policies"), Path.of("../models-config"), tmp.resolve("generated"));
        JsonNode deployment = Manifests.loadRaw(generated).stream().filter(d -> d.path("kind").asText().equals("Deployment"))
                .findFirst().orElseThrow();
        var broken = (com.fasterxml.jackson.databind.node.ObjectNode) deployment.deepCopy();
        var spec = (com.fasterxml.jackson.databind.node.ObjectNode) broken.path("spec");
        spec.put("replicas", "drie");
        spec.remove("selector");
        var container = (com.fasterxml.jackson.databind.node.ObjectNode) broken.at("/spec/template/spec/containers/0");
        container.put("imagePullPolicy", "Soms");
        var typo = JSON.createObjectNode().put("apiVersion", "v1").put("kind", "Servce");
        typo.putObject("metadata").put("name", "x");

        NodeChecks.Result result = NodeChecks.run("validate-kubernetes.mjs", JSON.writeValueAsString(List.of(broken, typo)));

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output()).contains("/spec/replicas must be integer", "/spec must have required property selector",
                "/spec/template/spec/containers/0/imagePullPolicy must be equal to one of the allowed values",
                "Servce/x: no such type in the Kubernetes API");
    }
}
