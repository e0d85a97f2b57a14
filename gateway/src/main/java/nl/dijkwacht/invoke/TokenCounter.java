package nl.dijkwacht.invoke;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;

/**
 * Counts tokens with the cl100k_base encoding (jtokkit) where an upstream does not report usage. For models
 * with another tokenizer this is an estimate, which is what quotas and energy estimates need.
 */
public final class TokenCounter {

    private final Encoding encoding = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);

    public int count(String text) {
        return text == null || text.isEmpty() ? 0 : encoding.countTokensOrdinary(text);
    }
}
