package nl.dijkwacht.invoke;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;

/**
 * Counts tokens with the cl100k_base encoding (jtokkit) where an upstream does not report usage. For models
 * with another tokenizer this is an estimate, which is what quotas and energy estimates need.
 */
public final class TokenCounter {

    /** Shared by every instance: the default registry loaded all encodings (tens of MB) for each Spring context. */
    private static final Encoding CL100K = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);

    private final Encoding encoding = CL100K;

    public int count(String text) {
        return text == null || text.isEmpty() ? 0 : encoding.countTokensOrdinary(text);
    }
}
