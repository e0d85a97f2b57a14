package nl.dijkwacht.purpose;

import java.util.Set;

/**
 * One person pointed at without a name the tokens mark (split from {@link PurposeFactors} in the thirteenth round): by
 * role or form of address, by a pronoun, by a form of address with an initial, or by a number only a person has. Read by
 * the special-category step of {@link LayeredPurposeGuard}.
 */
final class OnePerson {

    private OnePerson() {
    }

    /**
     * Seventh round: one person referred to by role, without a name — "mevrouw", "meneer", "de cliënt", "deze aanvrager",
     * "mijn collega", or a case note that opens with the role ("Cliënt heeft …"). Such a text is about that person's data,
     * not a topic, however low the classifier's personal score ({@code topic-unnamed-below} does not apply).
     */
    private static final Set<String> ROLES = PurposeWords.set("person-roles");
    private static final Set<String> ONE_OF = Set.of("de", "deze", "die", "mijn", "onze", "haar", "zijn", "uw", "je", "jouw");
    private static final Set<String> ADDRESS = Set.of("mevrouw", "meneer", "mevr", "mw", "dhr", "mr", "mrs", "ms");

    static boolean byRole(String folded) {
        String previous = null;
        for (String w : FactorWords.of(folded)) {
            if (ADDRESS.contains(w) || ROLES.contains(w) && (previous == null || ONE_OF.contains(previous))) {
                return true;
            }
            previous = w;
        }
        return false;
    }

    /**
     * Thirteenth round: a form of address followed by an initial ("meneer B.", "mw. K."), which the tokens' name markers
     * take for a name only with a surname after it.
     */
    static boolean byTitleWithInitial(String folded) {
        // by hand, not a regular expression: asked for most requests that reach the special-category step (issue 15)
        for (int stop = folded.indexOf('.', 1); stop > 0; stop = folded.indexOf('.', stop + 1)) {
            char initial = folded.charAt(stop - 1);
            if (initial < 'a' || initial > 'z' || stop < 3 || !Character.isWhitespace(folded.charAt(stop - 2))) {
                continue;
            }
            int j = stop - 2;
            while (j >= 0 && Character.isWhitespace(folded.charAt(j))) {
                j--;
            }
            if (j >= 0 && folded.charAt(j) == '.') {
                j--;
            }
            int wordEnd = j + 1;
            while (j >= 0 && Character.isLetter(folded.charAt(j))) {
                j--;
            }
            if (wordEnd - j > 1 && ADDRESS.contains(folded.substring(j + 1, wordEnd))) {
                return true;
            }
        }
        return false;
    }

    /** Ninth round: a pronoun that can only point at one person ("hij", "hem", "he", "him", "his", "she"). */
    private static final Set<String> ONE_PERSON_PRONOUNS = Set.of("hij", "hem", "he", "him", "his", "she");

    static boolean byPronoun(String folded) {
        for (String w : FactorWords.of(folded)) {
            if (ONE_PERSON_PRONOUNS.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Ninth round: one person identified without a name — a role ("de bewoner", "huurder", "medewerker") together with a
     * house number or an identifying number ("flat Zonnehof nr 34", "Lindelaan 4", "personeelsnummer 4471"). Counts as a
     * named person in the special-category step.
     */
    private static final Set<String> ID_WORDS = Set.of("nr", "nummer", "huisnummer", "no", "klantnummer", "klantnr", "personeelsnummer",
            "personeelsnr", "dossiernummer", "zaaknummer", "registratienummer", "bsn", "badge", "pasnummer");

    /**
     * Eleventh round: a number that only a person has — a client's, employee's or applicant's number ("sollicitatienr
     * 2026-088", "kl.nr 21874") — identifies that person by itself, role or not, whatever the number's form.
     */
    private static final Set<String> PERSON_NUMBER_WORDS = Set.of("klantnummer", "klantnr", "personeelsnummer", "personeelsnr",
            "sollicitatienummer", "sollicitatienr", "clientnummer", "clientnr", "kandidaatnummer", "kandidaatnr", "relatienummer",
            "relatienr", "bsn", "burgerservicenummer", "leerlingnummer", "leerlingnr", "employee", "applicant");
    /** The first part of an abbreviated person number ("kl.nr", "pers.nr"). */
    private static final Set<String> PERSON_NUMBER_PARTS = Set.of("kl", "klant", "pers", "personeels", "sollicitatie", "client",
            "relatie", "leerling");

    static boolean byNumber(String folded) {
        boolean role = false;
        boolean number = false;
        String beforePrevious = null;
        String previous = null;
        for (String w : FactorWords.of(folded)) {
            role |= ROLES.contains(w) || ADDRESS.contains(w);
            number |= previous != null && FactorWords.isNumber(w) && (ID_WORDS.contains(previous) || FactorWords.street(previous));
            if (role && number) {
                return true;
            }
            if (previous != null && isIdentifier(w) && (PERSON_NUMBER_WORDS.contains(previous)
                    || "nr".equals(previous) && PERSON_NUMBER_PARTS.contains(beforePrevious))) {
                return true;
            }
            beforePrevious = previous;
            previous = w;
        }
        return false;
    }

    /** Digits, at least three, with letters, hyphens or slashes between them ("21874", "2026-088", "kw-26-3312"). */
    private static boolean isIdentifier(String w) {
        int digits = 0;
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (Character.isDigit(c)) {
                digits++;
            } else if (!Character.isLetter(c) && c != '-' && c != '/') {
                return false;
            }
        }
        return digits >= 3;
    }
}
