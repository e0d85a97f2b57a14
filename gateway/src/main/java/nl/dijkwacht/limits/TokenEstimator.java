package nl.dijkwacht.limits;

import com.fasterxml.jackson.databind.JsonNode;
import com.knuddels.jtokkit.api.Encoding;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToLongFunction;
import nl.dijkwacht.catalog.ModelDefinition;
import nl.dijkwacht.invoke.TokenEncodings;
import nl.dijkwacht.openai.ChatRequest;
import nl.dijkwacht.openai.TextSlot;
import nl.dijkwacht.pipeline.Endpoint;

/**
 * Estimates the tokens a request will cost before the model is called: the prompt counted with the model's
 * tokenizer (jtokkit; the encoding of the upstream model when jtokkit knows it, such as o200k_base for gpt-4o,
 * else cl100k_base), plus the answer's allowance ({@code max_completion_tokens} or {@code max_tokens}, else the
 * policy's estimate) for each of {@code n} choices. The estimate is settled with the reported usage afterwards, so
 * it only has to be close; it errs on the high side rather than let a request slip past an exhausted budget.
 *
 * <p>{@link #upperBound} is the cheap form: every tokenizer jtokkit knows is byte-level BPE, so a text never has more
 * tokens than UTF-8 bytes. The budget step reserves that bound and tokenises only when the bound does not fit (near
 * the budget's end), so most requests never pay for the tokenizer (it was ~12 % of a request's CPU).
 */
public final class TokenEstimator {

    /** OpenAI's accounting: every message costs a few tokens of framing, and the reply is primed with three. */
    private static final int PER_MESSAGE = 4;
    private static final int REPLY_PRIMING = 3;

    private static final Map<String, Encoding> BY_UPSTREAM_MODEL = new ConcurrentHashMap<>();

    private final Encoding fallback = TokenEncodings.cl100k();

    public long estimate(Endpoint endpoint, ChatRequest request, ModelDefinition model, long defaultCompletionTokens) {
        return count(endpoint, request, defaultCompletionTokens, true, encodingFor(model)::countTokensOrdinary);
    }

    /**
     * The prompt alone, counted as {@link #estimate} counts it (texts, framing, tool definitions) but without the
     * answer's allowance: the input a stream that failed after it started is charged (ADR 0012).
     */
    public long prompt(Endpoint endpoint, ChatRequest request, ModelDefinition model) {
        return count(endpoint, request, 0, false, encodingFor(model)::countTokensOrdinary);
    }

    /** The encoding used for a model: jtokkit's for the upstream model name when it knows that model, else cl100k_base. */
    public Encoding encodingFor(ModelDefinition model) {
        String name = model == null ? null : model.upstreamModel();
        if (name == null || name.isBlank()) {
            return fallback;
        }
        return BY_UPSTREAM_MODEL.computeIfAbsent(name, n -> TokenEncodings.forModel(n).orElse(fallback));
    }

    /** Whether the encoding for this upstream model is loaded already ({@link #encodingFor} has been asked for it). */
    public static boolean loaded(String upstreamModel) {
        return BY_UPSTREAM_MODEL.containsKey(upstreamModel);
    }

    /**
     * At least {@link #estimate} for the same request, without tokenising: UTF-8 bytes instead of tokens (a byte-level
     * BPE token is at least one byte), the same framing and answer allowance.
     */
    public long upperBound(Endpoint endpoint, ChatRequest request, long defaultCompletionTokens) {
        return count(endpoint, request, defaultCompletionTokens, true, TokenEstimator::utf8Length);
    }

    /** The texts, the chat framing, the tool definitions and the answer allowance, each text measured by {@code length}. */
    private static long count(Endpoint endpoint, ChatRequest request, long defaultCompletionTokens, boolean allowance,
            ToLongFunction<String> length) {
        long prompt = 0;
        for (TextSlot slot : request.textSlots()) {
            prompt += length.applyAsLong(slot.get());
        }
        if (endpoint == Endpoint.EMBEDDINGS) {
            return Math.max(1, prompt);
        }
        JsonNode body = request.body();
        prompt += (long) PER_MESSAGE * body.path("messages").size() + REPLY_PRIMING;
        JsonNode tools = body.get("tools");
        if (tools != null && tools.isArray() && !tools.isEmpty()) {
            prompt += length.applyAsLong(tools.toString());
        }
        return allowance ? prompt + answerAllowance(body, defaultCompletionTokens) : prompt;
    }

    private static long answerAllowance(JsonNode body, long defaultCompletionTokens) {
        JsonNode max = body.hasNonNull("max_completion_tokens") ? body.get("max_completion_tokens") : body.get("max_tokens");
        long perChoice = max != null && max.canConvertToLong() && max.asLong() > 0 ? max.asLong() : defaultCompletionTokens;
        long choices = Math.max(1, body.path("n").asLong(1));
        return perChoice * choices;
    }

    static long utf8Length(String text) {
        if (text == null) {
            return 0;
        }
        long bytes = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                bytes += 4; // the pair; an unpaired surrogate becomes '?' (1 byte), so 4 still bounds it
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
