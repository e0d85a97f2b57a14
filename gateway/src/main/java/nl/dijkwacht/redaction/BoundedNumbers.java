package nl.dijkwacht.redaction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Numeric request fields brought to the precision a provider uses (redteam51): as sent they were a channel for any
 * number — {@code max_tokens: 111222333} or {@code temperature: 0.111222333} fit the schema and reached the provider
 * digit for digit. A token ceiling is capped at {@value #MAX_TOKENS} (no model writes that many tokens in one answer; a
 * tool that sends a huge ceiling to mean "no limit" keeps its meaning), a sampling setting is rounded to three
 * significant digits and four decimals ({@code 0.7}, {@code 0.95}, {@code 0.001} stay as they are). A value already
 * within that precision is left untouched, so an ordinary request goes out byte for byte.
 */
final class BoundedNumbers {

    /** Above any model's longest answer; six digits after the one, so no BSN, phone number or date fits in it. */
    static final int MAX_TOKENS = 1_000_000;

    private static final String[] CEILINGS = {"max_tokens", "max_completion_tokens"};
    private static final String[] SETTINGS = {"temperature", "top_p", "frequency_penalty", "presence_penalty"};
    private static final MathContext SIGNIFICANT = new MathContext(3, RoundingMode.HALF_EVEN);

    private BoundedNumbers() {
    }

    static void apply(ObjectNode body) {
        for (String field : CEILINGS) {
            if (body.get(field) instanceof JsonNode value && value.isNumber()
                    && value.decimalValue().compareTo(BigDecimal.valueOf(MAX_TOKENS)) > 0) {
                body.set(field, IntNode.valueOf(MAX_TOKENS));
            }
        }
        for (String field : SETTINGS) {
            if (body.get(field) instanceof JsonNode value && value.isNumber()) {
                BigDecimal sent = value.decimalValue();
                BigDecimal rounded = sent.round(SIGNIFICANT).setScale(4, RoundingMode.HALF_EVEN);
                if (rounded.compareTo(sent) != 0) {
                    body.set(field, DoubleNode.valueOf(rounded.doubleValue()));
                }
            }
        }
    }
}
