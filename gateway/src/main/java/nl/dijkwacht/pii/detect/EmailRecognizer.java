package nl.dijkwacht.pii.detect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import nl.dijkwacht.words.WordList;

/**
 * E-mail addresses of people. Function mailboxes of organisations ({@code info@gemeente.nl},
 * {@code wmo@…}, {@code noreply@…}) identify no one and are left alone.
 */
public final class EmailRecognizer implements Recognizer {

    private static final Pattern EMAIL = Pattern.compile(
            "(?<![\\p{L}\\d._%+-])[\\p{L}\\d][\\p{L}\\d._%+-]*@[\\p{L}\\d](?:[\\p{L}\\d-]*[\\p{L}\\d])?(?:\\.[\\p{L}\\d](?:[\\p{L}\\d-]*[\\p{L}\\d])?){0,126}\\.[A-Za-z]{2,24}\\b");

    /** Local parts that name a function, not a person ({@code /pii/function-mailboxes.txt}). */
    static final Set<String> FUNCTION_MAILBOXES = WordList.set("/pii/function-mailboxes.txt");
    /** Further words that mailbox names are built from ({@code expat} + {@code desk}), never a mailbox alone. */
    private static final Set<String> FUNCTION_PARTS = WordList.set("/pii/function-mailbox-parts.txt");
    /** Endings of service words ("invordering", "marktzaken"), {@code /pii/function-mailbox-endings.txt}. */
    private static final List<String> FUNCTION_ENDINGS = WordList.list("/pii/function-mailbox-endings.txt");
    /** Labels of personal mail providers ({@code gmail}, {@code ziggo}), {@code /pii/personal-mail-domains.txt}. */
    private static final Set<String> PERSONAL_MAIL = WordList.set("/pii/personal-mail-domains.txt");
    /** Domain labels of public bodies ({@code gemeente}, {@code politie}), {@code /pii/public-body-domains.txt}. */
    private static final Set<String> PUBLIC_BODIES = WordList.set("/pii/public-body-domains.txt");
    private static final List<String> PUBLIC_BODY_OPENERS = List.of("gemeente", "provincie", "waterschap");

    private static boolean isSeparator(char c) {
        return c == '.' || c == '_' || c == '-';
    }

    /** {@code local} without {@code .}, {@code _} and {@code -}: {@code replaceAll("[._-]", "")} without a regex. */
    static String withoutSeparators(String local) {
        StringBuilder out = null;
        for (int i = 0; i < local.length(); i++) {
            char c = local.charAt(i);
            if (isSeparator(c)) {
                if (out == null) {
                    out = new StringBuilder(local.length()).append(local, 0, i);
                }
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? local : out.toString();
    }

    /**
     * {@code Pattern.compile("[._-]").split(local)} without a regex (regex20): the parts between separators, an empty
     * one for a leading separator or two in a row, trailing empty parts dropped, {@code [local]} when there is none.
     */
    static String[] splitAtSeparators(String local) {
        List<String> parts = null;
        int from = 0;
        for (int i = 0; i < local.length(); i++) {
            if (isSeparator(local.charAt(i))) {
                if (parts == null) {
                    parts = new ArrayList<>(4);
                }
                parts.add(local.substring(from, i));
                from = i + 1;
            }
        }
        if (parts == null) {
            return new String[] {local};
        }
        parts.add(local.substring(from));
        int size = parts.size();
        while (size > 0 && parts.get(size - 1).isEmpty()) {
            size--;
        }
        return parts.subList(0, size).toArray(String[]::new);
    }

    private static boolean isLocalChar(char c) {
        return Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
    }

    @Override
    public String name() {
        return "email";
    }

    /** "info", "wmo", and also "team.wmo", "team-bezwaar", "iedereen": a function or a group, not a person. */
    static boolean functionMailbox(String local) {
        if (FUNCTION_MAILBOXES.contains(local)) {
            return true;
        }
        int cut = 0;
        while (cut < local.length() && Character.isLetter(local.charAt(cut))) {
            cut++;
        }
        return cut < local.length() && cut > 1 && FUNCTION_MAILBOXES.contains(local.substring(0, cut))
                || builtOfFunctionWords(local);
    }

    /**
     * "expatdesk", "verhuur", "team-noord", "aanmeldingen.jeugd": a local part that splits wholly into at most three
     * function words (a separator may stand between them) names a desk, not a person. A person's name is never
     * made of these words only, and one letter too many or a digit ("expatdesk2", "jverhuur") breaks the split.
     */
    static boolean builtOfFunctionWords(String local) {
        String letters = withoutSeparators(local);
        if (letters.length() < 4 || letters.length() > 40 || !letters.chars().allMatch(Character::isLetter)) {
            return false;
        }
        return splits(letters, 0, 3);
    }

    /**
     * "invordering@", "expatloket@", "marktzaken@" at an organisation's domain: one word ending like a service or
     * department word names a desk. Not when the word is a known given name or surname ("meijering@" can be a
     * person's own address) or the domain is a personal mail provider ("wiering@ziggo.nl").
     */
    static boolean serviceWordMailbox(String local, String domain) {
        if (personalMailDomain(domain)) {
            return false;
        }
        String[] parts = splitAtSeparators(local);
        boolean serviceWord = false;
        for (String part : parts) {
            if (serviceWord(part)) {
                serviceWord = true;
            } else if (!FUNCTION_MAILBOXES.contains(part) && !FUNCTION_PARTS.contains(part)) {
                return false; // "j.invordering": a person's initial
            }
        }
        return serviceWord; // "svc-koppeling", "team.urgentiecommissie"
    }

    /**
     * "verzuim@gemeente.nl", "kabinet@provincie.nl", "wijkagent.oostgelre@politie.nl": at a public body's domain, a
     * local part of plain words of four letters or more, none a known given name or surname nor initials glued to a
     * known surname ("pdevries@", "jjansen@"), names a desk; staff addresses carry an initial or a name.
     */
    static boolean publicBodyMailbox(String local, String domain) {
        if (!publicBodyDomain(domain)) {
            return false;
        }
        String[] parts = splitAtSeparators(local);
        boolean desk = false;
        for (String part : parts) {
            if (FUNCTION_MAILBOXES.contains(part) || FUNCTION_PARTS.contains(part) || serviceWord(part)) {
                desk = true;
                continue; // "wijkagent.centrum": a desk word, even where it is also a name somewhere
            }
            if (part.length() < 4 || !part.chars().allMatch(c -> c >= 'a' && c <= 'z')
                    || KnownNames.shared().isName(part) || initialsAndSurname(part)) {
                return false;
            }
        }
        // eleventh round: "voornaam.achternaam" is how public bodies address their staff; two words parted by one dot,
        // neither a desk word, are a person's address even when no gazetteer knows either name
        return desk || parts.length != 2 || local.indexOf('.') < 0;
    }

    private static boolean publicBodyDomain(String domain) {
        for (String label : domain.split("\\.")) {
            if (PUBLIC_BODIES.contains(label)) {
                return true;
            }
            for (String opener : PUBLIC_BODY_OPENERS) {
                if (label.startsWith(opener)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** "jjansen", "pdevries", "mvdberg": one to three letters, perhaps a particle, then a known surname. */
    private static boolean initialsAndSurname(String word) {
        Set<String> surnames = KnownNames.shared().surnames();
        for (int cut = 1; cut <= 3 && cut + 3 <= word.length(); cut++) {
            String rest = word.substring(cut);
            if (surnames.contains(rest)) {
                return true;
            }
            for (String particle : List.of("van", "de", "vd", "der", "den", "ter", "ten", "op")) {
                if (rest.startsWith(particle) && rest.length() - particle.length() >= 3
                        && surnames.contains(rest.substring(particle.length()))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean serviceWord(String word) {
        if (word.length() < 6 || !word.chars().allMatch(c -> c >= 'a' && c <= 'z') || KnownNames.shared().isName(word)) {
            return false;
        }
        for (String ending : FUNCTION_ENDINGS) {
            if (word.length() >= ending.length() + 3 && word.endsWith(ending)) {
                return true;
            }
        }
        return false;
    }

    private static boolean personalMailDomain(String domain) {
        for (String label : domain.split("\\.")) {
            if (PERSONAL_MAIL.contains(label)) {
                return true;
            }
        }
        return false;
    }

    private static boolean splits(String s, int from, int partsLeft) {
        if (from == s.length()) {
            return true;
        }
        if (partsLeft == 0) {
            return false;
        }
        for (int end = s.length(); end >= from + 2; end--) {
            String part = s.substring(from, end);
            if ((FUNCTION_MAILBOXES.contains(part) || FUNCTION_PARTS.contains(part)) && splits(s, end, partsLeft - 1)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public List<Finding> find(String text) {
        if (text.indexOf('@') < 0) {
            return List.of();
        }
        List<Finding> found = new ArrayList<>();
        for (MatchResult m : CandidateScan.matches(EMAIL, text, localPartStarts(text))) {
            String value = m.group();
            String local = value.substring(0, value.indexOf('@')).toLowerCase(Locale.ROOT);
            String domain = value.substring(value.indexOf('@') + 1).toLowerCase(Locale.ROOT);
            if (functionMailbox(local) || serviceWordMailbox(local, domain) || publicBodyMailbox(local, domain)) {
                continue;
            }
            found.add(new Finding(EntityType.EMAIL, m.start(), m.end(), 0.99, name(), "address anchored on @", ""));
        }
        return found;
    }

    /** Where a local part can start: for each '@', the start of the run of local-part characters before it. */
    private static int[] localPartStarts(String text) {
        int[] out = new int[4];
        int count = 0;
        for (int at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
            int i = at;
            while (i > 0 && isLocalChar(text.charAt(i - 1))) {
                i--;
            }
            if (i < at && Character.isLetterOrDigit(text.charAt(i))) {
                if (count == out.length) {
                    out = Arrays.copyOf(out, count * 2);
                }
                out[count++] = i;
            }
        }
        return Arrays.copyOf(out, count);
    }

    @Override
    public Description describe() {
        return new Description(EntityType.EMAIL, "pattern, anchored on `@`",
                "function mailboxes (`info@`, `wmo@`, `noreply@`, `privacy@`, `woo@` … " + FUNCTION_MAILBOXES.size()
                        + " local parts, list `pii/function-mailboxes.txt`; one word ending like a service word, `invordering@`,"
                        + " `marktzaken@`, list `pii/function-mailbox-endings.txt`, unless it is a known name or the domain a"
                        + " personal mail provider; at a public body's domain, list `pii/public-body-domains.txt`, plain words"
                        + " that are no known name nor initials and a surname, `verzuim@gemeente.nl`, but not two such words"
                        + " parted by one dot without a desk word, `voornaam.achternaam@politie.nl`) identify no one and are"
                        + " left alone.");
    }
}
