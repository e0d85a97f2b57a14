package nl.dijkwacht.pii.detect;


import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * E-mail addresses of people. Function mailboxes of organisations ({@code info@gemeente.nl},
 * {@code wmo@…}, {@code noreply@…}) identify no one and are left alone.
 */
public final class EmailRecognizer implements Recognizer {

    private static final Pattern EMAIL = Pattern.compile(
            "(?<![\\p{L}\\d._%+-])[\\p{L}\\d][\\p{L}\\d._%+-]*@[\\p{L}\\d](?:[\\p{L}\\d-]*[\\p{L}\\d])?(?:\\.[\\p{L}\\d](?:[\\p{L}\\d-]*[\\p{L}\\d])?)*\\.[A-Za-z]{2,24}\\b");

    /** Local parts that name a function, not a person. */
    static final Set<String> FUNCTION_MAILBOXES = Set.of(
            "info", "informatie", "contact", "post", "postbus", "mail", "email", "gemeente", "secretariaat",
            "klantcontact", "klantcontactcentrum", "kcc", "servicedesk", "helpdesk", "support", "service",
            "noreply", "no-reply", "donotreply", "do-not-reply", "privacy", "fg", "functionarisgegevensbescherming",
            "avg", "balie", "wmo", "jeugd", "jeugdzorg", "sociaaldomein", "sociaal.domein", "bezwaar", "bezwaren",
            "bezwaarschriften", "woo", "wob", "communicatie", "pers", "persvoorlichting", "administratie",
            "facturen", "factuur", "crediteuren", "debiteuren", "belastingen", "burgerzaken", "vergunningen",
            "omgevingsloket", "klachten", "klacht", "ombudsman", "griffie", "raadsgriffie", "college", "receptie",
            "hr", "personeelszaken", "ict", "it", "security", "cert", "abuse", "postmaster", "webmaster",
            "redactie", "office", "sales", "team", "afvalservice", "meldingen", "leerplicht", "participatie",
            "werkeninkomen", "inkomen", "schuldhulp", "vraagenaanbod", "archief", "dpo", "datalek", "integriteit",
            "klantenservice", "servicecentrum", "aanvragen", "subsidie", "subsidies", "meldpunt", "vragen", "wmoloket",
            "jeugdteam", "wijkteam", "buurtteam", "zorgloket", "loket", "afval", "parkeren", "ozb", "woz", "finance",
            "recruitment", "vacatures", "sollicitaties", "nieuwsbrief", "webredactie", "it-servicedesk",
            "functioneelbeheer", "beheer", "onderwijs", "bibliotheek", "raad", "gemeenteraad", "rekenkamer",
            "burgemeester", "bestuurssecretariaat", "bestuur", "directie", "juridischezaken", "juridisch",
            "inkoop", "contracten", "omgevingsdienst", "milieu", "handhaving", "toezicht", "veiligheid",
            "openbareorde", "evenementen", "markt", "sport", "cultuur", "welzijn", "zorg", "wonen", "huisvesting",
            "statushouders", "inburgering", "participatiewet", "bijstand", "minimabeleid", "kwijtschelding",
            "belastingzaken", "heffingen", "postkamer", "dic", "digitalepost", "e-facturen", "efacturen",
            "noreply-gemeente", "no_reply", "mailer-daemon", "notifications", "notificaties", "alerts");

    private static boolean isLocalChar(char c) {
        return Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
    }

    @Override
    public String name() {
        return "email";
    }

    @Override
    public List<Finding> find(String text) {
        if (text.indexOf('@') < 0) {
            return List.of();
        }
        List<Finding> found = new ArrayList<>();
        java.util.function.IntPredicate start = i -> {
            char c = text.charAt(i);
            if (!Character.isLetterOrDigit(c) || (i > 0 && isLocalChar(text.charAt(i - 1)))) {
                return false;
            }
            int j = i;
            while (j < text.length() && isLocalChar(text.charAt(j))) {
                j++;
            }
            return j < text.length() && text.charAt(j) == '@';
        };
        for (java.util.regex.MatchResult m : CandidateScan.matches(EMAIL, text, start)) {
            String value = m.group();
            String local = value.substring(0, value.indexOf('@')).toLowerCase(Locale.ROOT);
            if (FUNCTION_MAILBOXES.contains(local)) {
                continue;
            }
            found.add(new Finding(EntityType.EMAIL, m.start(), m.end(), 0.99, name()));
        }
        return found;
    }
}
