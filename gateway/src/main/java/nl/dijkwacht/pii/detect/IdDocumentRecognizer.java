package nl.dijkwacht.pii.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Numbers of identity documents: Dutch passport and identity-card numbers (nine characters: two letters,
 * six letters or digits, one digit; never the letter O) and driving-licence numbers (ten digits). Both shapes
 * are common in other codes too, so a document word must be near ("paspoort", "ID-kaart", "rijbewijs",
 * "documentnummer").
 */
public final class IdDocumentRecognizer implements Recognizer {

    private static final Pattern DOCUMENT = Pattern.compile(
            "(?i)(?<![\\p{L}\\d])([A-NP-Z]{2}[A-NP-Z0-9]{6}\\d)(?![\\p{L}\\d])");
    private static final Pattern LICENCE = Pattern.compile("(?<![\\p{L}\\d])(\\d{10})(?![\\p{L}\\d])");

    private static final ContextWords DOCUMENT_CONTEXT = new ContextWords(
            List.of("paspoort", "paspoortnummer", "identiteitskaart", "id-kaart", "id kaart", "idkaart", "id-bewijs",
                    "identiteitsbewijs", "legitimatie", "legitimatiebewijs", "documentnummer", "document nr",
                    "documentnr", "reisdocument", "nummer van het paspoort", "passport", "id-nummer", "id nummer"),
            List.of("zaaknummer", "kenmerk", "factuurnummer", "ordernummer"), 60, 20);
    private static final ContextWords LICENCE_CONTEXT = new ContextWords(
            List.of("rijbewijs", "rijbewijsnummer", "rijbewijsnr"),
            List.of("zaaknummer", "kenmerk", "factuurnummer", "telefoon", "tel", "bel", "v-nummer",
                    "vreemdelingennummer"), 60, 20);

    @Override
    public String name() {
        return "id-document";
    }

    @Override
    public List<Finding> find(String text) {
        List<Finding> found = new ArrayList<>();
        String lower = text.toLowerCase(Locale.ROOT);
        boolean documents = DOCUMENT_CONTEXT.mentionedAnywhere(lower);
        boolean licences = LICENCE_CONTEXT.mentionedAnywhere(lower);
        if (!documents && !licences) {
            return found;
        }
        java.util.function.IntPredicate start = CandidateScan.tokenStart(text);
        for (java.util.regex.MatchResult m : CandidateScan.matches(DOCUMENT, text, documents ? start : i -> false)) {
            lower = lower == null ? text.toLowerCase(Locale.ROOT) : lower;
            if (DOCUMENT_CONTEXT.signal(lower, m.start(1), m.end(1)) == ContextWords.Signal.POSITIVE) {
                found.add(new Finding(EntityType.ID_DOCUMENT, m.start(1), m.end(1), 0.85, name()));
            }
        }
        for (java.util.regex.MatchResult l : CandidateScan.matches(LICENCE, text,
                licences ? CandidateScan.digitRunStart(text) : i -> false)) {
            lower = lower == null ? text.toLowerCase(Locale.ROOT) : lower;
            if (LICENCE_CONTEXT.signal(lower, l.start(1), l.end(1)) == ContextWords.Signal.POSITIVE) {
                found.add(new Finding(EntityType.ID_DOCUMENT, l.start(1), l.end(1), 0.85, name()));
            }
        }
        return found;
    }
}
