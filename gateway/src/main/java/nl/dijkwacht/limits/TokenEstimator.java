package nl.dijkwacht.limits;

import com.fasterxml.jackson.databind.JsonNode;
import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import nl.dijkwacht.catalog.ModelDefinition;
import nl.dijkwacht.openai.ChatRequest;
import nl.dijkwacht.openai.TextSlot;
import nl.dijkwacht.pipeline.Endpoint;

/**
 * Estimates the tokens a request will cost before the model is called: the prompt counted with the model's
 * tokenizer (jtokkit; the encoding of the upstream model when jtokkit knows it, such as o200k_base for gpt-4o,
 * else cl100k_base), plus the answer's allowance ({@code max_completion_tokens} or {@code max_tokens}, else the
 * policy's estimate) for each of {@code n} choices. The estimate is settled with the reported usage afterwards, so
 * it only has to be close; it errs on the high side rather than let a request slip past an exhausted budget.
 */
public final class TokenEstimator {

    /** OpenAI's accounting: every message costs a few tokens of framing, and the reply is primed with three. */
    private static final int PER_MESSAGE = 4;
    private static final int REPLY_PRIMING = 3;

    private final EncodingRegistry registry = Encodings.newLazyEncodingRegistry();
    private final Encoding fallback = registry.getEncoding(EncodingType.CL100K_BASE);
    private final Map<String, Encoding> byUpstreamModel = new ConcurrentHashMap<>();

    public long estimate(Endpoint endpoint, ChatRequest request, ModelDefinition model, long defaultCompletionTokens) {
        Encoding encoding = encodingFor(model);
        long prompt = 0;
        for (TextSlot slot : request.textSlots()) {
            prompt += encoding.countTokensOrdinary(slot.get());
        }
        if (endpoint == Endpoint.EMBEDDINGS) {
            return Math.max(1, prompt);
        }
        JsonNode body = request.body();
        prompt += (long) PER_MESSAGE * body.path("messages").size() + REPLY_PRIMING;
        JsonNode tools = body.get("tools");
        if (tools != null && tools.isArray() && !tools.isEmpty()) {
            prompt += encoding.countTokensOrdinary(tools.toString());
        }
        JsonNode max = body.hasNonNull("max_completion_tokens") ? body.get("max_completion_tokens") : body.get("max_tokens");
        long perChoice = max != null && max.canConvertToLong() && max.asLong() > 0 ? max.asLong() : defaultCompletionTokens;
        long choices = Math.max(1, body.path("n").asLong(1));
        return prompt + perChoice * choices;
    }

    /** The encoding used for a model: jtokkit's for the upstream model name when it knows that model, else cl100k_base. */
    public Encoding encodingFor(ModelDefinition model) {
        String name = model == null ? null : model.upstreamModel();
        if (name == null || name.isBlank()) {
            return fallback;
        }
        return byUpstreamModel.computeIfAbsent(name, n -> registry.getEncodingForModel(n).orElse(fallback));
    }
}
