package nl.dijkwacht.invoke;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;
import java.util.Optional;

/**
 * The process's jtokkit encodings: one registry, each encoding loaded once, on first use. An encoding is a large table
 * (cl100k_base: 15 MB of heap), and each registry loads its own: the token counter and the budget's estimator held two
 * cl100k_base tables while they had a registry each.
 */
public final class TokenEncodings {

    private static final EncodingRegistry REGISTRY = Encodings.newLazyEncodingRegistry();

    private TokenEncodings() {
    }

    /** cl100k_base: the count where the model's own tokenizer is not known. */
    public static Encoding cl100k() {
        return REGISTRY.getEncoding(EncodingType.CL100K_BASE);
    }

    /** jtokkit's encoding for an OpenAI model name (o200k_base for gpt-4o, …), if it knows the model. */
    public static Optional<Encoding> forModel(String model) {
        return REGISTRY.getEncodingForModel(model);
    }
}
