package nl.dijkwacht.invoke;

import com.knuddels.jtokkit.api.Encoding;

/**
 * Counts tokens with the cl100k_base encoding (jtokkit) where an upstream does not report usage. For models
 * with another tokenizer this is an estimate, which is what quotas and energy estimates need.
 */
public final class TokenCounter {

    private final Encoding encoding = TokenEncodings.cl100k();

    public int count(String text) {
        return text == null || text.isEmpty() ? 0 : encoding.countTokensOrdinary(text);
    }
}
