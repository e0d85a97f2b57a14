package nl.dijkwacht.pii.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * KvK numbers (eight digits next to "KvK") where they identify a person: a sole trader (eenmanszaak, zzp'er,
 * zelfstandige) is named in the same passage and no legal person (B.V., stichting, vereniging) is nearer.
 * The KvK number of a company is not personal data and is left alone.
 */
public final class KvkRecognizer implements Recognizer {

    private static final Pattern CANDIDATE = Pattern.compile(
            "(?<![\\p{L}\\d])(\\d{8}|\\d{4} \\d{4}|\\d{2}\\.\\d{3}\\.\\d{3}|\\d{2} \\d{3} \\d{3})(?![\\p{L}\\d]|[.,]\\d)");
    private static final ContextWords KVK = new ContextWords(
            List.of("kvk", "kvk-nummer", "kvk nummer", "kvknummer", "kvk-nr", "kamer van koophandel",
                    "handelsregister", "inschrijfnummer kvk"),
            List.of("rsin", "btw", "vestigingsnummer", "zaaknummer", "kenmerk", "factuurnummer", "bsn"), 50, 0);
    private static final ContextWords SOLE_TRADER = new ContextWords(
            List.of("eenmanszaak", "eenmanszaken", "zzp", "zzp'er", "zzp’er", "zzper", "zelfstandige", "zelfstandig ondernemer",
                    "freelancer", "freelance", "sole trader", "op eigen naam", "handelend onder de naam",
                    "h.o.d.n.", "hodn", "eigenaar van"),
            List.of("b.v.", "bv", "n.v.", "nv", "stichting", "vereniging", "coöperatie", "cooperatie", "v.o.f.",
                    "vof", "gemeente", "holding", "ltd", "gmbh"), 250, 150);

    @Override
    public String name() {
        return "kvk";
    }

    @Override
    public List<Finding> find(String text) {
        List<Finding> found = new ArrayList<>();
        String lower = text.toLowerCase(Locale.ROOT);
        if (!KVK.mentionedAnywhere(lower)) {
            return found;
        }
        for (java.util.regex.MatchResult m : CandidateScan.matches(CANDIDATE, text, CandidateScan.digitRunStart(text))) {
            if (lower == null) {
                lower = text.toLowerCase(Locale.ROOT);
            }
            int s = m.start(1);
            int e = m.end(1);
            if (KVK.signal(lower, s, e) == ContextWords.Signal.POSITIVE
                    && SOLE_TRADER.signal(lower, s, e) == ContextWords.Signal.POSITIVE) {
                found.add(new Finding(EntityType.KVK, s, e, 0.85, name()));
            }
        }
        return found;
    }
}
