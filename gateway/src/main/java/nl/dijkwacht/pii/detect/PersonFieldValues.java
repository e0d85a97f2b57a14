package nl.dijkwacht.pii.detect;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import nl.dijkwacht.words.Letters;
import nl.dijkwacht.words.WordList;
import nl.dijkwacht.words.WordSet;

/**
 * The person names in the value of a field whose key names a person ({@link FieldRecognizer}): titles skipped, one
 * person per recipient of an e-mail header, initials under an initials key, and values that are a firm's, an
 * organisation's or a service's left alone.
 */
final class PersonFieldValues {

    private PersonFieldValues() {
    }

    /**
     * A name value: letters, spaces, hyphens, apostrophes, dots and a comma ("Achternaam, Voornaam"), at most six
     * words; e-mail headers ("Sanne Visser &lt;s.visser@…&gt;; Jan", "Sanne Visser [mailto:s.visser@…]") give one person
     * per recipient.
     */
    static void find(String text, TextStructure.Field f, String word, String why, double score, String recognizer,
            List<Finding> found) {
        boolean givenNames = givenNamesKey(f.key());
        int s = f.start();
        int end = f.end();
        while (s < end) {
            // only as far as the value (pii28: to the text's end, for every field of a long one-line JSON text)
            int semi = text.indexOf(';', s, end);
            int partEnd = semi < 0 ? end : semi;
            ReadCounts.add(ReadCounts.SPAN, partEnd - s);
            int nameEnd = partEnd;
            // both searched only as far as they can count (pii22: to the text's end, 10 KB for each name of a table)
            int angle = text.indexOf('<', s, partEnd);
            if (angle >= 0) {
                nameEnd = angle;
            }
            int mailto = text.indexOf(MAILTO, s, Math.min(text.length(), nameEnd - 1 + MAILTO.length()));
            if (mailto >= 0) { // Outlook's quoted header: "From: Sanne Visser [mailto:s@…]"
                nameEnd = mailto;
            }
            int a = givenNames ? s : skipTitles(text, s, nameEnd); // "voornamen": "Lieve Marie" opens with no salutation
            int b = nameEnd;
            while (a < b && (Letters.whitespace(text.charAt(a)) || text.charAt(a) == '"' || text.charAt(a) == '\'')) {
                a++;
            }
            while (b > a && (Letters.whitespace(text.charAt(b - 1)) || text.charAt(b - 1) == '"'
                    || text.charAt(b - 1) == '\'' || text.charAt(b - 1) == ',')) {
                b--;
            }
            b = beforeJobTitle(text, a, b); // pii46: "T. Van Minh, Handhaver Openbare Ruimte"
            if (b > a && !JobWords.holdsJobWord(text, a, b) && (nameShaped(text, a, b) || surnameWord(f.key(), text, a, b) || initialsKey(f.key(), word) && INITIALS.matcher(text).region(a, b).matches())
                    && !(nameEnd == angle && serviceSender(text, angle, partEnd))) {
                found.add(new Finding(EntityType.PERSON, a, b, score, recognizer, "value of a field", why));
            }
            s = partEnd + 1;
        }
    }

    private static final String MAILTO = " [mailto:";

    /** Outlook's and the BRP's order with the particles between commas: {@code Wijk, van der, Bart}. */
    private static final Pattern COMMA_PARTICLE_ORDER = Pattern.compile(
            "\\p{Lu}[\\p{L}'’-]+, (?:van|de|der|den|ter|ten|te|het|'t)(?: (?:van|de|der|den|het|'t)){0,2}, "
                    + "\\p{Lu}[\\p{L}'’-]+(?: \\p{Lu}[\\p{L}'’-]+)?");

    private static final Set<String> TITLES = WordList.set("/pii/names/titles.txt");

    /** Local parts of addresses that only machines send from. */
    private static final List<String> MACHINE_SENDERS = List.of("noreply", "no-reply", "no_reply", "donotreply",
            "do-not-reply", "mailer-daemon", "postmaster", "notification", "bounce");

    /**
     * "Van: Microsoft Teams &lt;noreply@…&gt;": the name shown for a no-reply or system sender is a service's, not a
     * person's. (A person may well write from {@code info@} of their own firm, so only machine senders count.)
     */
    private static boolean serviceSender(String text, int angle, int to) {
        int at = text.indexOf('@', angle);
        if (at < 0 || at >= to) {
            return false;
        }
        String local = text.substring(angle + 1, at).toLowerCase(Locale.ROOT);
        for (String machine : MACHINE_SENDERS) {
            if (local.startsWith(machine)) {
                return true;
            }
        }
        return false;
    }

    /** "M.", "E.J.": a person's initials, which under an initials key identify with the surname beside them. */
    private static final Pattern INITIALS = Pattern.compile("(?:\\p{Lu}\\.\\s?){1,5}");

    /** "voorletters", "initialen", or a header that abbreviates them ("Voorl.", matched as the word {@code voorletters}). */
    private static boolean initialsKey(String key, String word) {
        return key.startsWith("voorletter") || key.startsWith("initial") || word.equals("voorletters");
    }

    /**
     * pii47: under a surname key ("Achternaam", "geslachtsnaam") one capitalised word is the surname even when it is
     * also a word ("Haar", "Prins", "Wijk"): the column says what it is.
     */
    private static boolean surnameWord(String key, String text, int a, int b) {
        if (!(key.startsWith("achternaam") || key.startsWith("geslachtsnaam") || key.startsWith("familienaam")
                || key.startsWith("surname") || key.startsWith("last name") || key.equals("lastname"))
                || b - a < 2 || b - a > 30 || !Character.isUpperCase(text.charAt(a))) {
            return false;
        }
        for (int i = a + 1; i < b; i++) {
            if (!Letters.letter(text.charAt(i)) && text.charAt(i) != '-' && text.charAt(i) != '\'') {
                return false;
            }
        }
        return !NOT_A_NAME.contains(text.substring(a, b).toLowerCase(Locale.ROOT));
    }

    /** A key that holds given names only: no title or salutation stands before them ("Lieve", "Dag" are names there). */
    private static boolean givenNamesKey(String key) {
        return key.startsWith("voornam") || key.equals("roepnaam") || key.startsWith("first name")
                || key.startsWith("given name") || key.equals("firstname");
    }

    /** "de heer Jansen", "mevr. Kaya": the offset after the titles at the start of [from, to). */
    private static int skipTitles(String text, int from, int to) {
        int i = from;
        while (true) {
            int a = i;
            while (a < to && text.charAt(a) == ' ') {
                a++;
            }
            int b = a;
            while (b < to && Character.isLetter(text.charAt(b))) {
                b++;
            }
            String word = text.substring(a, b).toLowerCase(Locale.ROOT);
            if (b == a || !(TITLES.contains(word) || (word.equals("de") && text.startsWith(" heer", b)))) {
                return i;
            }
            if (b < to && text.charAt(b) == '.') {
                b++;
            }
            if (b >= to || text.charAt(b) != ' ') {
                return i;
            }
            i = b;
        }
    }

    /** "Samira Ouali - Coördinator Wijkteam", "H.J. Çelik, Medewerker Vergunningen": the name ends before the title. */
    private static int beforeJobTitle(String text, int a, int b) {
        for (int i = a + 2; i < b - 2; i++) {
            char c = text.charAt(i);
            if ((c == ',' || c == '(' || c == '-' && text.charAt(i - 1) == ' ') && JobWords.holdsJobWord(text, i + 1, b)
                    && !JobWords.holdsJobWord(text, a, i)) {
                int e = i;
                while (e > a && (text.charAt(e - 1) == ' ')) {
                    e--;
                }
                return e;
            }
        }
        return b;
    }

    private static boolean nameShaped(String text, int a, int b) {
        if (b - a > 60 || b - a < 2) {
            return false;
        }
        int words = 1;
        int letters = 0;
        int commas = 0;
        for (int i = a; i < b; i++) {
            char c = text.charAt(i);
            if (Letters.letter(c)) {
                letters++;
            } else if (c == ' ') {
                if (text.charAt(i - 1) != ' ') {
                    words++;
                }
            } else if (c == ',') {
                commas++;
            } else if (!(c == '-' || c == '\'' || c == '’' || c == '.')) {
                return false;
            }
        }
        if (letters < 2 || words > 6 || commas > 2) {
            return false;
        }
        String lower = text.substring(a, b).toLowerCase(Locale.ROOT);
        if (NOT_A_NAME.contains(lower) || KNOWN_FIRMS.contains(lower) || NamedThings.partOfNamedThing(text, a, b)) {
            return false; // "Dirk van den Broek" in a bank statement's name column is the supermarket
        }
        if (words > 1) { // "Van der Valk Hotel Houten", "Esposito Vertalingen", "Smit Bouw B.V." (no regex split: every cell)
            for (int w = 0; w < lower.length(); ) {
                int e = w;
                while (e < lower.length() && lower.charAt(e) != ' ' && lower.charAt(e) != ',') {
                    e++;
                }
                if (e > w && (FIRM_WORDS.containsLowerCase(lower, w, e) || LEGAL_FORMS.containsLowerCase(lower, w, e))) {
                    return false; // asked of the value's lower case in place: no substring per word of every cell
                }
                w = e + 1;
            }
        }
        if (words > 1 && lowerCaseWordOfText(text, a, b)) {
            return false; // names49: "het college van burgemeester en wethouders" under "ondertekend_door"
        }
        // "Team Jeugd", "Afdeling Burgerzaken": a group, not a person
        int space = lower.indexOf(' ');
        String first = (space < 0 ? lower : lower.substring(0, space)).replace(",", "");
        if (COMMA_PARTICLE_ORDER.matcher(text).region(a, b).matches()) {
            return true; // names49: "Wijk, van der, Bart": the first word is a surname in this order, whatever else it is
        }
        return !(NOT_NAMES.contains(first) && !PARTICLES.contains(first)) && !organisationWord(first);
    }

    /**
     * names49: a lower-case word of running text ({@code not-names.txt}: {@code college}, {@code en}, {@code wethouders})
     * that is no particle stands in the value: a phrase, not a person's name ({@code fenna de wolf} has none).
     */
    private static boolean lowerCaseWordOfText(String text, int a, int b) {
        for (int w = a; w < b; ) {
            int e = w;
            while (e < b && Letters.letter(text.charAt(e))) {
                e++;
            }
            // a whole word of two letters or more: not the part after a hyphen ("Ji-woo") nor letter-spaced OCR
            if (e - w >= 2 && (w == a || text.charAt(w - 1) == ' ') && Character.isLowerCase(text.charAt(w))) {
                String word = text.substring(w, e);
                if (NOT_NAMES.contains(word) && !PARTICLES.contains(word)) {
                    return true;
                }
            }
            w = e + 1;
        }
        return false;
    }

    /**
     * pii47: whether a firm's or foundation's word ("B.V.", "Stichting", "Café") stands in {@code lower}, a lower-cased
     * line, between {@code from} and {@code to} — a table row that is a business's.
     */
    static boolean firmWordIn(String lower, int from, int to) {
        for (int w = from; w < to; ) {
            int e = w;
            while (e < to && Character.isLetterOrDigit(lower.charAt(e)) || e < to && lower.charAt(e) == '.') {
                e++;
            }
            if (e > w && (FIRM_WORDS.containsLowerCase(lower, w, e) || LEGAL_FORMS.containsLowerCase(lower, w, e))) {
                return true;
            }
            w = e + 1;
        }
        return false;
    }

    /** "Muziekvereniging Sint Caecilia", "Stichting Jan Pieter Heije" in an {@code Aan:} line: an organisation. */
    static boolean organisationWord(String first) {
        return OrganisationOpeners.opens(first);
    }


    private static final Set<String> KNOWN_FIRMS = WordList.set("/pii/names/known-firms.txt");
    private static final WordSet LEGAL_FORMS = WordSet.of(WordList.list("/pii/names/legal-forms.txt"));
    /** Words that make a name value a firm's wherever they stand in it (not street words: "van Dijk" is a person). */
    private static final WordSet FIRM_WORDS = WordSet.of(List.of("hotel", "restaurant", "café", "cafe",
            "stichting", "vereniging", "groep", "group", "bakkerij", "supermarkt", "winkel", "kantoor", "bureau",
            "praktijk", "advocaten", "advocatuur", "notarissen", "makelaardij", "workforce", "uitvaartzorg",
            "vertalingen", "vertaalbureau", "schoonmaak", "hoveniers", "installaties", "services", "solutions"));
    private static final Set<String> NOT_NAMES = WordList.set("/pii/names/not-names.txt");
    private static final Set<String> PARTICLES = WordList.set("/pii/names/particles.txt");

    private static final Set<String> NOT_A_NAME = Set.of("onbekend", "n.v.t.", "nvt", "ja", "nee",
            "true", "false", "null", "geen", "anoniem", "leeg", "nb", "n.b.", "-", "x", "unknown", "none", "gemeente",
            "iedereen", "allen", "team", "afdeling",
            // pii47: the roles and channels of chat logs and contact records ("from": "bot", "system": "phone")
            "bot", "user", "assistant", "system", "phone", "sms", "email", "servicedesk", "helpdesk",
            // pii48: the codes of a FHIR HumanName's "use" and forms of address alone in its "prefix"
            // ("name": [{"use": "official", …, "prefix": ["mw."]}])
            "usual", "official", "temp", "nickname", "anonymous", "maiden", "mw.", "mw", "mevr.", "mevr", "dhr.", "dhr",
            "hr.", "mr.", "dr.", "drs.", "ir.", "ing.", "prof.", "ms.", "mrs.");
}
