package nl.dijkwacht.invoke;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import nl.dijkwacht.catalog.AzureSettings;
import nl.dijkwacht.catalog.ModelDefinition;
import nl.dijkwacht.openai.ParamPath;
import org.apache.hc.core5.http.HttpRequest;

/**
 * Where the OpenAI wire format of one provider differs from OpenAI's own: the URL of a call, how it authenticates and
 * which parameters it names differently. OpenAI-compatible servers (vLLM, Ollama, llama.cpp, OpenAI): {@code
 * <base>/chat/completions}, {@code Authorization: Bearer}, {@code model} = upstream model (a LoRA adapter's name on
 * vLLM/Ollama). Azure OpenAI: {@code <base>/deployments/<deployment>/chat/completions?api-version=…}, {@code api-key}
 * or an Entra ID bearer token, no {@code model} (the deployment decides). Mistral: {@code random_seed} for
 * {@code seed}, {@code max_tokens} for {@code max_completion_tokens}; fields its API does not take are left out
 * (they carry no content: identifiers, metadata, stream options — Mistral sends usage in its last chunk anyway).
 * A parameter the provider names in an error is named back ({@link #requestParam}).
 */
final class WireDialect {

    /** Parameters Mistral's chat API does not accept (request metadata and OpenAI-only options, never content). */
    private static final List<String> NOT_FOR_MISTRAL = List.of("stream_options", "user", "metadata", "store", "service_tier",
            "prompt_cache_key", "safety_identifier", "reasoning_effort", "verbosity", "logit_bias", "modalities", "audio");

    /** How many call URLs are kept (a model per base URL and path; a reload that brings new base URLs starts over). */
    static final int KEPT_TARGETS = 256;

    private final EntraTokens tokens;
    /**
     * The URL of each call made so far, by base URL, Azure settings and path: resolving a URL parses it anew (a URI and
     * its parts, a few hundred bytes), and every call of a model asks for the same one.
     */
    private final ConcurrentHashMap<Target, URI> targets = new ConcurrentHashMap<>();

    /** By the base URL's text: {@link URI#equals} takes hosts that differ in case as equal, the request's Host would not. */
    private record Target(String base, AzureSettings azure, String path) {
    }

    WireDialect(EntraTokens tokens) {
        this.tokens = tokens;
    }

    URI target(ModelCall call, String path) {
        URI base = call.baseUrl();
        Target key = new Target(base.toString(), call.model().serving().azure(), path);
        URI known = targets.get(key);
        if (known != null) {
            return known;
        }
        URI target = resolve(base, key.azure(), path);
        if (targets.size() >= KEPT_TARGETS) {
            targets.clear();
        }
        targets.put(key, target);
        return target;
    }

    private static URI resolve(URI base, AzureSettings azure, String path) {
        if (azure != null) {
            return base.resolve(base.getPath() + "/deployments/" + URLEncoder.encode(azure.deployment(), StandardCharsets.UTF_8)
                    + path + "?api-version=" + URLEncoder.encode(azure.apiVersion(), StandardCharsets.UTF_8));
        }
        return base.resolve(base.getPath() + path);
    }

    void authenticate(ModelCall call, HttpRequest request) {
        ModelDefinition model = call.model();
        AzureSettings azure = model.serving().azure();
        if (azure == null) {
            model.apiKey().ifPresent(key -> request.setHeader("Authorization", "Bearer " + key));
        } else if (azure.auth() == AzureSettings.Auth.ENTRA_ID) {
            request.setHeader("Authorization", "Bearer " + tokens.token(model));
        } else {
            model.apiKey().ifPresent(key -> request.setHeader("api-key", key));
        }
    }

    /** The body as this provider wants it (a copy of the policy-checked request, changed in place). */
    ObjectNode body(ModelCall call, ObjectNode body) {
        ModelDefinition model = call.model();
        switch (model.provider()) {
            case AZURE_OPENAI -> body.remove("model");
            case MISTRAL -> {
                body.put("model", model.upstreamModel());
                rename(body, "seed", "random_seed");
                rename(body, "max_completion_tokens", "max_tokens");
                NOT_FOR_MISTRAL.forEach(body::remove);
            }
            default -> body.put("model", model.upstreamModel());
        }
        return body;
    }

    /**
     * The parameter a provider's error names, by its name in the request the gateway was given: Mistral's
     * {@code random_seed} is the tool's {@code seed}, its {@code max_tokens} the tool's {@code max_completion_tokens}
     * when that is what the tool sent; Azure's content filter names the {@code prompt}, which in a chat request is
     * {@code messages}. {@code null} when the request has no such field (a limit the server set itself, say).
     */
    ParamPath requestParam(ModelCall call, ParamPath param) {
        if (param == null) {
            return null;
        }
        JsonNode request = call.body();
        ParamPath named = switch (call.model().provider()) {
            case MISTRAL -> switch (param.field()) {
                case "random_seed" -> renamedFrom(request, param, "seed");
                case "max_tokens" -> renamedFrom(request, param, "max_completion_tokens");
                default -> param;
            };
            default -> param.field().equals("prompt") && !request.has("prompt") ? param.fieldOnly("messages") : param;
        };
        return named.sentIn(request);
    }

    /** The request's own name for a parameter {@link #body} renamed, when the request used that name and not the other. */
    private static ParamPath renamedFrom(JsonNode request, ParamPath param, String requestName) {
        return request.has(requestName) && !request.has(param.field()) ? param.as(requestName) : param;
    }

    private static void rename(ObjectNode body, String from, String to) {
        JsonNode value = body.remove(from);
        if (value != null && !body.has(to)) {
            body.set(to, value);
        }
    }
}
