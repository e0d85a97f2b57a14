package nl.dijkwacht.purpose;

import java.util.regex.Pattern;

/**
 * Sixteenth round (guard50, held-out-15's personal-special misses as kinds): one person identified without a name the
 * tokens mark, by something only that person has or does — an e-mail address, a chat handle or user name, a profile
 * address, a personal, case or pass number, the desk or room they sit at, a transcript's speaker label, a routine
 * ("die op woensdag met het busje rijdt", "the one who runs the pub quiz") or an office held by one person ("de
 * wethouder van Sport"). Counts as a named person in the special-category step of {@link LayeredPurposeGuard}, which
 * asks it last, only where a special-category word and a personal score already hold.
 */
final class PersonPointedAt {

    private PersonPointedAt() {
    }

    private static final String WEEKDAYS = "maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|monday|tuesday|wednesday|thursday|friday|saturday|sunday";

    /** Folded text (lower case, no accents); each alternative one kind. */
    private static final Pattern TRACE = Pattern.compile(
            // an e-mail address of a person (not a shared mailbox), a chat handle, an initial-dot-surname user name
            "\\b(?!(?:info|contact|helpdesk|servicedesk|support|noreply|no-reply|klantenservice|secretariaat|team|admin|post)@)[a-z0-9]+(?:[._-][a-z0-9]+)*@[a-z0-9-]+(?:\\.[a-z0-9-]+)+"
            + "|(?:^|[\\s(\"':,])@[a-z][a-z0-9._-]{2,}"
            + "|(?:^|[\\s(\"':,])[a-z]\\.[a-z]{3,}(?=[\\s\"',:;)]|$)"
            // a profile address
            + "|\\b(?:linkedin\\.com/in|facebook\\.com|instagram\\.com|tiktok\\.com/@|twitter\\.com|x\\.com)/[a-z0-9._-]{3,}"
            // a personal, case or pass number ("employee no. 30984", "dossier W-31907", "pasnummer 7781")
            + "|\\b(?:employee|medewerker|werknemer|staff|student|leerling|client|klant|applicant|sollicitant|patient)\\s+(?:no|nr|number|nummer|#)\\.?\\s*[a-z]{0,3}-?\\d{3,}"
            + "|\\b(?:dossier(?:nummer|nr)?|zaak(?:nummer|nr)|pas(?:nummer|nr)|badge(?:nummer|nr)?)\\b\\.?\\s*:?\\s*[a-z]{0,3}-?\\d{3,}"
            // the desk or room someone sits at ("die van kamer 2.14", "colleague at desk 4"); "in kamer 2.14" is a place
            + "|\\b(?:van|at|aan|op)\\s+(?:de\\s+|the\\s+)?(?:kamer|room|desk|bureau|werkplek)\\s+\\d"
            // a transcript's speaker
            + "|\\b(?:spreker|speaker)\\s+\\d{1,2}\\b"
            // a routine that singles one out
            + "|\\b(?:the one who|degene die)\\b"
            + "|\\bdie\\s+(?:op|elke|iedere)\\s+(?:" + WEEKDAYS + ")"
            // an office one person holds, by what it is of ("de wethouder van Sport", "het oud-raadslid van Leefbaar")
            + "|\\b(?:de|het|onze|the|our)\\s+(?:oud-|ex-|former\\s+)?(?:wethouder|burgemeester|voorzitter|raadslid|griffier|gemeentesecretaris"
            + "|penningmeester|mayor|alderman|chair|chairman|chairwoman)\\s+(?:van|of)\\b");

    /** A cheap test before the expression: characters or words every kind above holds one of. */
    static boolean in(String folded) {
        if (folded.indexOf('@') < 0 && folded.indexOf('.') < 0 && folded.indexOf('/') < 0 && !hasDigit(folded)
                && !folded.contains(" die ") && !folded.contains("the one") && !folded.contains(" van") && !folded.contains(" of")) {
            return false;
        }
        return TRACE.matcher(folded).find();
    }

    private static boolean hasDigit(String folded) {
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (c >= '0' && c <= '9') {
                return true;
            }
        }
        return false;
    }
}
