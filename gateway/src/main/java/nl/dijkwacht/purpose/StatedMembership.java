package nl.dijkwacht.purpose;

import java.util.regex.Pattern;
import nl.dijkwacht.words.LiteralsInText;

/**
 * A special category stated outright about someone (fourteenth round): membership of a union ("FNV-kaderlid", "namens de
 * bonden"), of a political party ("raadslid … (DENK)", "van de lokale partij …"), an office in a church or mosque
 * ("dominee Wolters", "diaken van de hervormde gemeente"), same-sex parents or spouse ("twee vaders", "zij en haar vrouw") or an ethnic origin ("van
 * Syrische afkomst"). Next to a named person that is the person's data whatever the classifier's personal score: these
 * staff write about colleagues, volunteers and councillors in ordinary tasks (minutes, a thank-you mail, a speech), where
 * the classifier, trained on requests about residents' cases, scores low. A title of office before a capitalised word
 * ("dominee Wolters", "imam Yusuf") also names the person ({@link #namesByOffice}). Read by the special-category step of
 * {@link LayeredPurposeGuard} only when it would otherwise allow the text.
 */
final class StatedMembership {

    private StatedMembership() {
    }

    private static final String PARTIES = "vvd|pvv|cda|d66|groenlinks|gl|pvda|sp|christenunie|cu|sgp|bbb|ja21|fvd|volt|pvdd|nsc|50plus|denk|bij1";
    private static final String OFFICES = "dominee|diaken|ouderling|predikant|pastoor|pastor|kapelaan|priester|imam|rabbijn|rabbi|reverend|deacon";

    private static final Pattern STATED = Pattern.compile("\\b("
            // a union, as what someone is a member or an official of
            + "(fnv|cnv|vcp|vakbonds?)[- ]?(kaderlid|lid|bestuurder|vertegenwoordiger|consulent|man|vrouw)|kaderlid|vakbondslid|bondslid"
            + "|namens (de |het )?(bonden|vakbond|vakbonden|fnv|cnv|vcp)"
            // a party, by its name in brackets or as what someone belongs to
            + "|(" + PARTIES + ")-(raadslid|fractie\\w*|lid|wethouder|kandidaat|statenlid)"
            + "|(lokale|politieke) partij|partij(lid|genoot|voorzitter)|(raadslid|fractievoorzitter|lid) (van|voor|namens) (de |het )?(" + PARTIES + ")"
            // an office in a religious community
            + "|(" + OFFICES + ")"
            // same-sex parents; an origin said of someone
            + "|twee (vaders|moeders|papa's|mama's)|two (dads|mums|moms|fathers|mothers)"
            + "|haar (vrouw|echtgenote)|her wife|zijn (man|echtgenoot)|his husband"
            + "|van \\w+ (afkomst|komaf)|of \\w+ (descent|origin))\\b"
            // a party or union by its name in brackets after a name ("Ahmed Yilmaz (DENK)")
            + "|\\((" + PARTIES + "|fnv|cnv|vcp)\\)");

    private static final java.util.List<String> OFFICE_WORDS = java.util.List.of(OFFICES.split("\\|"));

    /** A cheap test before {@link #namesByOffice}: whether the folded text holds a title of office. */
    static boolean officeIn(String folded) {
        for (String t : OFFICE_WORDS) {
            if (folded.contains(t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Literals one of which every form above holds, found in one pass ({@link LiteralsInText}) before the expression runs:
     * most texts hold none (the expression over the harness's whole request cost about 90 µs per call).
     */
    private static final LiteralsInText TRIGGERS = LiteralsInText.of(java.util.List.of(triggers()));

    private static java.util.List<String> triggers() {
        java.util.List<String> out = new java.util.ArrayList<>(java.util.List.of("fnv", "cnv", "vcp", "vakbond", "kaderlid", "bondslid",
                "bonden", "partij", "raadslid", "fractievoorzitter", "lid van", "lid voor", "lid namens", "twee vaders", "twee moeders",
                "twee papa", "twee mama", "two dads", "two mums", "two moms", "two fathers", "two mothers", "afkomst", "komaf",
                "descent", "origin", "haar vrouw", "haar echtgenote", "her wife", "zijn man", "zijn echtgenoot", "his husband"));
        for (String party : PARTIES.split("\\|")) {
            out.add("(" + party + ")");
            out.add(party + "-");
        }
        out.addAll(OFFICE_WORDS);
        return out;
    }

    /** A cheap test before {@link #in}: whether the folded text holds a literal one of the forms needs. */
    static boolean mayStateIn(String folded) {
        return LiteralsInText.has(TRIGGERS.in(folded), 0);
    }

    /** Whether the folded text states one of the categories above (about whom is the caller's question). */
    static boolean in(String folded) {
        return STATED.matcher(folded).find();
    }

    private static final Pattern OFFICE_NAME = Pattern.compile("\\b(?i:" + OFFICES + ")\\s+\\p{Lu}\\p{Ll}+");

    /** A title of office before a capitalised word names a person ("dominee Wolters"), as "meneer Wolters" does. */
    static boolean namesByOffice(String text) {
        return OFFICE_NAME.matcher(text).find();
    }
}
