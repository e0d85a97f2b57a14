package nl.dijkwacht.redaction;

import java.util.ArrayList;
import java.util.List;
import nl.dijkwacht.openai.FieldKind;
import nl.dijkwacht.openai.TextSlot;
import nl.dijkwacht.pii.PiiEngine;
import nl.dijkwacht.pii.anonymize.Anonymizer;
import nl.dijkwacht.pii.anonymize.OperatorPolicy;
import nl.dijkwacht.pii.anonymize.PlaceholderVault;

/** The redaction package's parts for {@link nl.dijkwacht.pii.WorstCaseRunner}: a message in many text parts, a long name. */
public final class WorstCaseRedaction {

    private static final Anonymizer ANONYMIZER = new Anonymizer("worst-case-inputs-key".getBytes());

    private WorstCaseRedaction() {
    }

    /** {@code text} cut into text parts of {@code partLength} characters of one message, then the split-value pass. */
    public static int splitAcrossParts(PiiEngine engine, String text, int partLength) {
        List<TextSlot> slots = new ArrayList<>();
        for (int i = 0, p = 0; i < text.length(); i += partLength, p++) {
            slots.add(new Slot("messages[0].content[" + p + "].text", text.substring(i, Math.min(text.length(), i + partLength)),
                    FieldKind.TEXT));
        }
        var result = new SplitAcrossParts(engine, ANONYMIZER).apply(slots, OperatorPolicy.pseudonymiseAll(), new PlaceholderVault());
        return result.counts().values().stream().mapToInt(Integer::intValue).sum();
    }

    /** A participant's name field read as the redaction step reads it (as is, and with '_' and '-' as spaces). */
    public static int participantName(PiiEngine engine, String name) {
        return new RedactPersonalDataStep(engine, ANONYMIZER).detectInName(name).size();
    }

    static final class Slot implements TextSlot {
        private final String path;
        private final FieldKind kind;
        private String text;

        Slot(String path, String text, FieldKind kind) {
            this.path = path;
            this.text = text;
            this.kind = kind;
        }

        @Override
        public String path() {
            return path;
        }

        @Override
        public String get() {
            return text;
        }

        @Override
        public void set(String text) {
            this.text = text;
        }

        @Override
        public FieldKind kind() {
            return kind;
        }
    }
}
