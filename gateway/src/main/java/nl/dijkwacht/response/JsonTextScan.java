package nl.dijkwacht.response;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.util.function.UnaryOperator;

/**
 * The output scan of a JSON text (tool-call arguments, a JSON-mode answer), token by token: every string value, every key
 * and every number is scanned on its own (a float that is a whole number as its digits, json28) and, where the scan changes it, written as a JSON string, so a redaction
 * never breaks the JSON. Keys and numbers count (json27): a BSN the model writes as {@code {"bsn": 123456782}} or an
 * e-mail address as a key is found as it is in text. The rest is copied as it came (numbers as written, duplicate keys
 * kept); when nothing changed the text is given back as it was, its layout and escapes included.
 */
final class JsonTextScan {

    private JsonTextScan() {
    }

    /**
     * @param scan the output scan of one piece of text: counts, and gives it back redacted or as it was
     * @return the scanned JSON text, or null when {@code text} is not exactly one JSON value (it is then not scanned here)
     */
    static String scan(String text, ObjectMapper json, UnaryOperator<String> scan) {
        // first only read: nothing is scanned (and counted) in a text that turns out not to be JSON and is scanned as text
        return rewrite(text, json, UnaryOperator.identity()) == null ? null : rewrite(text, json, scan);
    }

    private static String rewrite(String text, ObjectMapper json, UnaryOperator<String> scan) {
        StringWriter out = new StringWriter(text.length() + 16);
        boolean changed = false;
        try (JsonParser in = json.getFactory().createParser(text); JsonGenerator gen = json.getFactory().createGenerator(out)) {
            JsonToken token = in.nextToken();
            if (token == null) {
                return null;
            }
            int depth = 0;
            do {
                switch (token) {
                    case FIELD_NAME -> {
                        String name = in.currentName();
                        String scanned = scan.apply(name);
                        changed |= !scanned.equals(name);
                        gen.writeFieldName(scanned);
                    }
                    case VALUE_STRING -> {
                        String value = in.getText();
                        String scanned = scan.apply(value);
                        changed |= !scanned.equals(value);
                        gen.writeString(scanned);
                    }
                    case VALUE_NUMBER_INT -> {
                        String number = in.getText();
                        String scanned = scan.apply(number);
                        if (scanned.equals(number)) {
                            gen.writeNumber(number);
                        } else {
                            changed = true;
                            gen.writeString(scanned);
                        }
                    }
                    case VALUE_NUMBER_FLOAT -> {
                        // json28: a float that is a whole number is the number the engine knows: 111222333.0 and
                        // 1.11222333E8 are the BSN 111222333, 3.1612345678E10 the mobile number 31612345678
                        String number = in.getText();
                        String scanned = scan.apply(asScanned(number));
                        if (scanned.equals(asScanned(number))) {
                            gen.writeNumber(number);
                        } else {
                            changed = true;
                            gen.writeString(scanned);
                        }
                    }
                    default -> gen.copyCurrentEvent(in);
                }
                depth += token.isStructStart() ? 1 : token.isStructEnd() ? -1 : 0;
            } while (depth > 0 && (token = in.nextToken()) != null);
            // the whole text must be one JSON value: "123 jan@example.nl" is text, not the number 123
            if (depth != 0 || in.nextToken() != null) {
                return null;
            }
        } catch (IOException e) {
            return null;
        }
        return changed ? out.toString() : text;
    }

    /** A float as scanned: a whole number as its digits ({@link nl.dijkwacht.openai.JsonNumbers}), else as written. */
    static String asScanned(String number) {
        return nl.dijkwacht.openai.JsonNumbers.asScanned(number);
    }
}
