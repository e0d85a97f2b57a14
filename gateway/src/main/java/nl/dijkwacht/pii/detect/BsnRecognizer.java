package nl.dijkwacht.pii.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * BSN: nine digits (also {@code 1234.56.782}, {@code 1234 56 782}, {@code 123 456 782}, {@code 123-456-782}) that pass the elfproef. About one in
 * eleven random nine-digit numbers passes too, and so do RSINs, so the nearest label decides: "zaaknummer",
 * "factuurnummer", "RSIN", "KvK" and the like push the score below the threshold; "BSN",
 * "burgerservicenummer", "sofinummer" push it up. An unlabelled passing number is reported (fail safe).
 */
public final class BsnRecognizer implements Recognizer {

    static final double BASE = 0.6;
    static final double THRESHOLD = 0.5;

    private static final Pattern CANDIDATE = Pattern.compile(
            "(?<![\\p{L}\\d.,€/-])(\\d{4}([. -])\\d{2}\\2\\d{3}|\\d{3}([. -])\\d{3}\\3\\d{3}|\\d{9})(?![\\d]|[.,-]\\d|\\p{L})");

    private static final ContextWords CONTEXT = new ContextWords(
            List.of("bsn", "burgerservicenummer", "burgerservice-nummer", "sofinummer", "sofi-nummer", "sofi nummer",
                    "persoonsnummer", "bsn-nummer", "bsn nummer", "burgerservicenr", "bsn-nr", "bsnnr"),
            List.of("zaaknummer", "zaak", "factuurnummer", "factuur", "rsin", "kvk", "kvk-nummer", "btw", "btw-nummer",
                    "btw-id", "ordernummer", "klantnummer", "dossiernummer", "kenmerk", "referentie", "referentienummer",
                    "bestelnummer", "debiteurnummer", "polisnummer", "relatienummer", "registratienummer",
                    "documentnummer", "volgnummer", "projectnummer", "contractnummer", "aanslagnummer",
                    "vestigingsnummer", "€", "euro", "bedrag", "telefoon", "tel.", "dossier", "ordernr", "factuurnr",
                    "klantnr", "kenmerknummer", "aanvraagnummer", "meldingsnummer", "melding", "ticket",
                    "ticketnummer", "incident", "incidentnummer", "inschrijvingsnummer", "lidnummer", "pasnummer",
                    "personeelsnummer", "werknemersnummer", "rekeningnummer", "bankrekening", "iban", "fax",
                    "mobiel", "ons kenmerk", "uw kenmerk", "nr. zaak", "boetenummer", "cjib", "beschikkingsnummer",
                    "vorderingsnummer", "betalingskenmerk", "kenteken", "postcode"),
            60, 25);

    private final Elfproef elfproef = new Elfproef();

    @Override
    public String name() {
        return "bsn";
    }

    @Override
    public List<Finding> find(String text) {
        List<Finding> found = new ArrayList<>();
        String lower = null;
        for (java.util.regex.MatchResult m : CandidateScan.matches(CANDIDATE, text, CandidateScan.digitRunStart(text))) {
            String candidate = m.group(1);
            if (elfproef.validate(candidate) != ChecksumValidator.Validity.VALID) {
                continue;
            }
            if (lower == null) {
                lower = text.toLowerCase(Locale.ROOT);
            }
            ContextWords.Signal signal = CONTEXT.signal(lower, m.start(1), m.end(1));
            if (candidate.indexOf('.') == 3 && signal != ContextWords.Signal.POSITIVE) {
                continue; // 123.456.789 is how amounts are written; a BSN only with its label
            }
            double score = switch (signal) {
                case POSITIVE -> 0.95;
                case NEGATIVE -> 0.2;
                case NONE -> BASE;
            };
            if (score >= THRESHOLD) {
                found.add(new Finding(EntityType.BSN, m.start(1), m.end(1), score, name()));
            }
        }
        return found;
    }
}
