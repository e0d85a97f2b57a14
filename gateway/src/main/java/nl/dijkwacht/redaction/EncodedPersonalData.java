package nl.dijkwacht.redaction;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import nl.dijkwacht.openai.TextSlot;
import nl.dijkwacht.pii.PiiEngine;
import nl.dijkwacht.pii.anonymize.Operator;
import nl.dijkwacht.pii.detect.EntityType;
import nl.dijkwacht.pii.detect.Finding;
import nl.dijkwacht.pipeline.Outcome;
import nl.dijkwacht.pipeline.Refusal;
import nl.dijkwacht.pii.anonymize.OperatorPolicy;
import nl.dijkwacht.words.EncodedRuns;

/**
 * Personal data inside a base64, hex or percent-encoded run of a text (encoded28): a model decodes
 * {@code MTExMjIyMzMz} at once, the PII engine reads it as letters. Each text that holds such a run
 * ({@link EncodedRuns}; an ordinary text pays one cheap pass) is read by the engine with its runs decoded in place (so
 * the words around a run are its context), and a finding inside a decoded run whose operator is not {@code allow}
 * refuses the request: 400 {@code personal_data_encoded}, naming the encoding and the types, never the value.
 *
 * <p>Refused rather than replaced: a finding cannot be redacted inside the encoded characters (the model would read
 * the decoded text around a placeholder it cannot decode, and a pseudonym could not be restored into an encoding the
 * answer does not repeat); replacing the whole run with a placeholder would send a request with its content silently
 * taken out, which the model answers wrongly without anyone seeing why. A refusal tells the writer to send the text
 * as text, and then the use-case's operators apply as to any text.
 */
final class EncodedPersonalData {

    private final PiiEngine detector;

    EncodedPersonalData(PiiEngine detector) {
        this.detector = detector;
    }

    /** What was found: the encodings and the entity types inside decoded runs. */
    record Found(Set<String> encodings, Set<EntityType> types) {
        boolean any() {
            return !types.isEmpty();
        }
    }

    /** The personal data (not allowed by {@code policy}) in the decoded runs of the texts. */
    Found find(List<TextSlot> texts, OperatorPolicy policy) {
        Set<String> encodings = new TreeSet<>();
        Set<EntityType> types = new TreeSet<>();
        for (TextSlot slot : texts) {
            find(slot.get(), policy, encodings, types);
        }
        return new Found(encodings, types);
    }

    void find(String text, OperatorPolicy policy, Set<String> encodings, Set<EntityType> types) {
        if (text == null) {
            return;
        }
        List<EncodedRuns.Run> runs = EncodedRuns.find(text);
        if (runs.isEmpty()) {
            return;
        }
        // the decoded runs' places in the decoded text
        List<int[]> spans = new ArrayList<>(runs.size());
        int shift = 0;
        for (EncodedRuns.Run r : runs) {
            int start = r.start() + shift;
            spans.add(new int[] {start, start + r.decoded().length()});
            shift += r.decoded().length() - (r.end() - r.start());
        }
        String decoded = EncodedRuns.decoded(text, runs);
        for (Finding f : detector.detect(decoded)) {
            if (policy.operatorFor(f.type()) == Operator.ALLOW) {
                continue;
            }
            for (int k = 0; k < spans.size(); k++) {
                int[] span = spans.get(k);
                if (f.start() < span[1] && f.end() > span[0] && !jsonKey(decoded, f)) {
                    types.add(f.type());
                    encodings.add(runs.get(k).encoding());
                }
            }
        }
    }

    /**
     * Whether the finding is a JSON object's key that reads as a claim's name ({@code "aud": …} in a token's decoded
     * claims, encoded45): the name of a field, not a value; the engine read {@code aud} as a name in every JWT. Only a
     * name of lower-case letters and underscores, as claim names are (review45b: any key was let through, so a BSN or an
     * e-mail address encoded as a key, {@code {"111222333": 1}}, passed).
     */
    static boolean jsonKey(String text, Finding f) {
        if (f.start() == 0 || text.charAt(f.start() - 1) != '"' || f.end() >= text.length() || text.charAt(f.end()) != '"') {
            return false;
        }
        for (int i = f.start(); i < f.end(); i++) {
            char c = text.charAt(i);
            if ((c < 'a' || c > 'z') && c != '_') {
                return false;
            }
        }
        int k = f.end() + 1;
        while (k < text.length() && text.charAt(k) == ' ') {
            k++;
        }
        return k < text.length() && text.charAt(k) == ':';
    }

    /** The refusal for what was found. */
    static Outcome refusal(Found found) {
        String types = found.types().stream().map(EntityType::label).collect(Collectors.joining(", "));
        String encodings = String.join(", ", found.encodings());
        return Outcome.deny(Refusal.badRequest("personal_data_encoded",
                "Uw verzoek bevat gecodeerde tekst (" + encodings + ") met persoonsgegevens (" + types + "). Dijkwacht kan "
                        + "persoonsgegevens in gecodeerde tekst niet vervangen. Stuur de tekst gewoon leesbaar mee; dan "
                        + "worden de persoonsgegevens volgens het beleid van deze toepassing behandeld.", "messages"),
                "pii:encoded:" + found.types().stream().map(Enum::name).collect(Collectors.joining("+")));
    }
}
