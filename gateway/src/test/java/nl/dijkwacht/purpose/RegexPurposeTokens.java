package nl.dijkwacht.purpose;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** PurposeTokens before PurposeCues (bf7de5d^): the two cues as one regular expression each, kept to compare. */
final class RegexPurposeTokens {

    private static final String SPECIAL_TERM = PurposeTokens.SPECIAL_TERM;
    private static final Set<String> TITLES = Set.of("mevrouw", "mevr", "mw", "meneer", "mnr", "dhr", "heer", "mr", "mrs",
            "ms", "familie", "fam", "cliënt", "client", "collega", "zoon", "dochter", "buurman", "buurvrouw", "inwoner",
            "bewoner", "aanvrager", "klant");

    /** Name particles: "mevrouw de Vries", "Anouk van der Berg" are a title or first name followed by a surname. */
    private static final Set<String> PARTICLES = Set.of("de", "van", "der", "den", "ter", "ten", "el", "al", "von", "'t", "le", "la", "du", "da");

    private static final Set<String> PERSONAL_PRONOUNS = Set.of("hij", "zij", "ze", "hem", "haar", "zijn", "diens", "u", "uw",
            "he", "she", "him", "his", "her", "mijn", "onze");

    /**
     * Special-category words the PII engine's (Dutch, clinical) term list lacks: English, colloquial and inflected
     * forms. Matched on the folded text; only a feature of the classifier, never a refusal by itself.
     */
    private static final Pattern SPECIAL_WORDS = Pattern.compile("\\b(cancer|chemotherap\\w*|diagnos\\w*|surgery|operated|"
            + "geopereerd|operatie|stroke|dementia|depress\\w*|illness|sick leave|disease|heart|hartinfarct|hartoperatie|"
            + "hartklachten|hartproblemen|psoriasis|parkinson\\w*|addict\\w*|verslaaf\\w*|afkick\\w*|alcoholist|mental health|"
            + "psychisch\\w*|gay|homo|homo's|homoseksu\\w*|lesbi\\w*|bi-?sex\\w*|biseksu\\w*|transgender|trans(vrouw|man)|"
            + "non-binair|queer|valt op (meisjes|jongens|mannen|vrouwen)|uit de kast|vakbond\\w*|(ambtenaren)?bond(en)?|fnv\\w*|"
            + "cnv|union|kaderlid|shop steward|vastgezeten|gevangen\\w*|prison|jail|detentie|celstraf|taakstraf|strafblad|"
            + "veroordeeld|convicted|criminal record|veelpleger|reclassering|enkelband|tbs|joods\\w*|jewish|jood|moslim\\w*|"
            + "muslim|islam\\w*|church|kerk|kerken|kerkelijk\\w*|kerkdienst\\w*|hindoe\\w*|hindu|synago\\w*|ramadan|hoofddoek|"
            + "gelovig\\w*|afkomst|descent|origin|roots|marokka\\w*|turks\\w*|surinaams\\w*|antilliaans\\w*|roma|sinti|koerd\\w*|"
            + "kurdish|ghanees\\w*|eritre\\w*|somalisch\\w*|huidskleur|racis\\w*|gediscrimineerd|vingerafdruk\\w*|fingerprint\\w*|"
            + "gezichtsscan|face scan|irisscan\\w*|gezichtsherkenn\\w*|stemherkenn\\w*|gezichtsfoto\\w*|handpalm\\w*|facial|dna|(heeft|has|met|with) ms|long covid|rolstoel|pasfoto\\w*|biometri\\w*|"
            + "pvv|vvd|d66|groenlinks|pvda|sp-\\w*|cda|fvd|bbb|partijlid|party member|political)\\b");

    /** A decision already taken (by a person): the letter about it is allowed, the decision itself is not asked. */
    private static final Pattern DECISION_TAKEN = Pattern.compile("\\b((heb|hebben|heeft|is|zijn|werd|werden|al)\\s+(al\\s+|zelf\\s+|gisteren\\s+)?"
            + "(besloten|toegekend|afgewezen|goedgekeurd|gekozen|vastgesteld|genomen|gestopt|beeindigd)|besluit (ligt|staat) (al )?vast|"
            + "genomen besluit|besluit (is|werd) genomen|already (decided|approved|rejected|chosen)|has (already )?decided|"
            + "(has|have) been (approved|rejected|granted|refused|decided)|decision (has been|was) (made|taken))\\b");

    private RegexPurposeTokens() {
    }

    static String[] of(String text, boolean specialTerm) {
        List<String> out = new ArrayList<>(64);
        int n = text.length();
        int i = 0;
        String previousRaw = null;
        boolean previousCapital = false;
        boolean sentenceStart = true;
        boolean number = false;
        boolean titleName = false;
        boolean name = false;
        boolean pronoun = false;
        boolean properNoun = false;
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                int s = i;
                while (i < n && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '\'' || text.charAt(i) == '-')) {
                    i++;
                }
                String raw = text.substring(s, i);
                boolean capital = Character.isUpperCase(raw.charAt(0)) && raw.length() > 1;
                String word = fold(raw);
                if (Character.isDigit(c)) {
                    number = true;
                    word = "__getal";
                }
                out.add(word);
                if (PERSONAL_PRONOUNS.contains(word)) {
                    pronoun = true;
                }
                if (word.length() > 5 && !word.startsWith("__")) {
                    out.add("p:" + word.substring(0, 5));
                }
                if (!capital && previousRaw != null && PARTICLES.contains(word)) {
                    // a particle between a title or first name and the surname keeps what came before it
                    sentenceStart = false;
                    continue;
                }
                if (capital && previousRaw != null && TITLES.contains(fold(previousRaw))) {
                    titleName = true;
                }
                if (capital && previousCapital && !sentenceStart) {
                    name = true;
                }
                if (capital && !sentenceStart && !TITLES.contains(word) && !raw.equals(raw.toUpperCase(Locale.ROOT))) {
                    properNoun = true;
                }
                sentenceStart = false;
                previousCapital = capital && !TITLES.contains(word);
                previousRaw = raw;
            } else {
                if (c == '.' || c == '!' || c == '?' || c == '\n' || c == ':') {
                    sentenceStart = true;
                    previousCapital = false;
                }
                i++;
            }
        }
        if (text.indexOf('?') >= 0) {
            out.add("__vraag");
        }
        if (number) {
            out.add("__getal");
        }
        if (titleName) {
            out.add("__titelnaam");
        }
        if (name) {
            out.add("__naam");
        }
        if (properNoun) {
            out.add("__eigennaam");
        }
        if (pronoun) {
            out.add("__voornaamwoord");
        }
        String folded = fold(text);
        if (DECISION_TAKEN.matcher(folded).find()) {
            out.add("__besluit-genomen");
        }
        if (SPECIAL_WORDS.matcher(folded).find()) {
            out.add("__bijzonder-woord");
            if (titleName || name) {
                out.add("__persoon+woord");
            } else if (properNoun) {
                out.add("__eigennaam+woord");
            }
            if (pronoun) {
                out.add("__voornaamwoord+woord");
            }
        }
        if (specialTerm) {
            out.add(SPECIAL_TERM);
            // a person and a special-category term together: the conjunction a bag of words cannot express
            if (titleName || name) {
                out.add("__persoon+bijzonder");
            }
            if (pronoun) {
                out.add("__voornaamwoord+bijzonder");
            }
        }
        return out.toArray(String[]::new);
    }

    static String fold(String raw) {
        String lower = raw.toLowerCase(Locale.ROOT);
        for (int k = 0; k < lower.length(); k++) {
            if (lower.charAt(k) > 127) {
                return Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
            }
        }
        return lower;
    }
}
