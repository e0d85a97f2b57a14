package nl.dijkwacht.pii.detect;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import nl.dijkwacht.words.WordList;

/**
 * Whole values of table cells, JSON values and labelled lines whose key says what they are
 * ({@code /pii/context/field-keys.txt}): a {@code geboortedatum} column makes a date a birth date in any common form,
 * a {@code naam} key makes a lower-case or "Achternaam, Voornaam" value a person, a {@code mobiel} column makes
 * {@code 31612345678} a phone number, a {@code bsn} column makes {@code 999 916 488} a BSN. The value must still
 * have the type's shape (and a BSN its elfproef); the key alone never makes text personal data.
 */
public final class FieldRecognizer implements AnalysedTextRecognizer {

    static final String RESOURCE = "/pii/context/field-keys.txt";
    private static final double SCORE = 0.97;

    private static final String MONTHS = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober"
            + "|november|december|jan|feb|febr|mrt|maa|apr|jun|jul|aug|sep|sept|okt|oct|nov|dec|march|may|june|july"
            + "|october";
    private static final Pattern DATE = Pattern.compile("(?i)(?:"
            + "(?:0?[1-9]|[12]\\d|3[01])[-/. ](?:0?[1-9]|1[0-2])[-/. ](?:19|20)?\\d{2}"
            + "|(?:19|20)\\d{2}[-/.](?:0?[1-9]|1[0-2])[-/.](?:0?[1-9]|[12]\\d|3[01])(?:[t ][\\d:.z+-]*)?"
            + "|(?:19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])"
            + "|(?:0?[1-9]|[12]\\d|3[01])(?:e|st|nd|rd|th)? (?:" + MONTHS + ")\\.? '?(?:19|20)?\\d{2}"
            + "|(?:0?[1-9]|[12]\\d|3[01])-(?:" + MONTHS + ")-(?:19|20)?\\d{2})"); // "13-FEB-84" in an export
    private static final Pattern POSTCODE = Pattern.compile("[1-9]\\d{3} ?[A-Za-z]{2}");
    private static final Pattern V_NUMBER = Pattern.compile("(?i)(?:v[ -]?)?\\d{4}[ .]?\\d{2,4}[ .]?\\d{0,3}");
    private static final Pattern PASSPORT = Pattern.compile("(?i)[A-NP-Z]{2}[A-NP-Z0-9]{6}\\d|\\d{10}");
    private static final Pattern STREET = Pattern.compile("[\\p{L}][\\p{L}'’. -]{1,50}(?: \\d{1,5}(?:[ -]?[A-Za-z0-9]{1,4})?)?");

    private final Map<EntityType, List<String>> keys = new EnumMap<>(EntityType.class);
    private final Map<EntityType, KeyWords> keyWords = new EnumMap<>(EntityType.class);
    private final Map<EntityType, KeyWords> notKeyWords = new EnumMap<>(EntityType.class);
    private final Elfproef elfproef = new Elfproef();

    public FieldRecognizer() {
        for (Map.Entry<String, List<String>> e : WordList.sections(RESOURCE).entrySet()) {
            boolean not = e.getKey().endsWith("-not");
            EntityType type = EntityType.valueOf(not ? e.getKey().substring(0, e.getKey().length() - 4) : e.getKey());
            // compared with keys as keys are normalised ("geb_datum" → "geb datum"), once, not per field
            List<String> words = e.getValue().stream().map(FieldKeys::normalise).toList();
            if (not) {
                notKeyWords.put(type, new KeyWords(words));
            } else {
                keys.put(type, words);
                keyWords.put(type, new KeyWords(words));
            }
        }
        if (keys.isEmpty()) {
            throw new PiiEngineException("resource empty: " + RESOURCE);
        }
    }

    @Override
    public String name() {
        return "field";
    }

    @Override
    public List<Finding> find(AnalysedText analysed) {
        String text = analysed.text();
        TextStructure structure = analysed.structure();
        if (structure.isEmpty()) {
            return List.of();
        }
        List<Finding> found = new ArrayList<>();
        List<TextStructure.Field> fields = structure.fields();
        // every cell of a table's column has its key, every object of a JSON array the same paths: each read once per
        // text (pii22: read for every cell, a fifth of this recognizer on a 10 KB table); dropped with the call
        Map<String, KeyType> byPath = new HashMap<>();
        for (int index = 0; index < fields.size(); index++) {
            TextStructure.Field f = fields.get(index);
            KeyType named = byPath.get(f.path());
            if (named == null || !named.key().equals(f.key())) {
                named = keyType(f);
                byPath.put(f.path(), named);
            }
            EntityType type = named.type();
            String word = named.word();
            if (type == null) {
                continue;
            }
            String where = switch (f.kind()) {
                case TABLE -> "column header";
                case JSON -> "JSON key";
                case LINE -> "label";
            };
            String why = "context +'" + word + "' " + where;
            if (type == EntityType.PERSON) {
                PersonFieldValues.find(text, f, word, why, SCORE, name(), found);
                continue;
            }
            String value = text.substring(f.start(), f.end());
            if (shaped(type, value, f.key()) && (type != EntityType.ADDRESS || addressOfAPerson(text, fields, index, value)
                    || houseNumberBeside(text, fields, index))) {
                found.add(new Finding(type, f.start(), f.end(), SCORE, name(), "value of a field", why));
            }
        }
        return found;
    }

    /** What a field's key names: the first type whose cue word it holds, and that word; both null for none. */
    private record KeyType(String key, EntityType type, String word) {
    }

    /** The first type whose cue word the field's key (else its path) holds and that nothing in either rules out. */
    private KeyType keyType(TextStructure.Field f) {
        for (EntityType t : keys.keySet()) {
            String w = matches(t, f.key());
            if (w == null && !f.path().equals(f.key()) && !blocked(t, f.key())) {
                w = matches(t, f.path());
            }
            if (w != null && parentRulesOut(t, f)) {
                w = null;
            }
            if (w != null) {
                return new KeyType(f.key(), t, w);
            }
        }
        return new KeyType(f.key(), null, null);
    }

    /** The cue word when the key names the type and nothing in it rules the type out, else null. */
    private String matches(EntityType type, String key) {
        if (blocked(type, key)) {
            return null;
        }
        return keyWords.get(type).firstIn(key);
    }

    /** Whether the field's key rules findings of this type out ("bedrijfsnaam" for a person, "fax" for a phone). */
    public boolean rulesOut(EntityType type, TextStructure.Field field) {
        return blocked(type, field.key()) || parentRulesOut(type, field);
    }

    /**
     * As {@link #rulesOut(EntityType, TextStructure.Field)} for a finding at {@code start}: a line's label speaks for
     * its first sentence only ("Grootste schuldeiser: Dirk van den Broek (…). Afspraak met mevr. Soekhlal …").
     */
    public boolean rulesOut(EntityType type, TextStructure.Field field, String text, int start) {
        return rulesOut(type, field) && (field.kind() != TextStructure.Kind.LINE || start < firstSentenceEnd(text, field));
    }

    /** The end of the first sentence of a line's value: ". " after a word of four letters or more, or after ")". */
    static int firstSentenceEnd(String text, TextStructure.Field f) {
        for (int i = text.indexOf(". ", f.start()); i >= 0 && i < f.end(); i = text.indexOf(". ", i + 1)) {
            if (text.charAt(i - 1) == ')') {
                return i;
            }
            int letters = 0;
            for (int k = i - 1; k >= f.start() && Character.isLetter(text.charAt(k)); k--) {
                letters++;
            }
            if (letters >= 4) {
                return i;
            }
        }
        return f.end();
    }

    /**
     * {@code "department": {"name": "Belastingen"}}, {@code "schuldeiser": {"naam": …}}: the enclosing JSON key rules
     * the type out, unless it also names the type ({@code "bedrijf": {"contactpersoon": {"naam": …}}}).
     */
    private boolean parentRulesOut(EntityType type, TextStructure.Field f) {
        String path = f.path();
        String key = f.key();
        if (path.length() <= key.length() || !path.endsWith(key)) {
            return false;
        }
        String parent = path.substring(0, path.length() - key.length()).strip();
        if (!blocked(type, parent)) {
            return false;
        }
        KeyWords own = keyWords.get(type);
        return own == null || own.firstIn(parent) == null;
    }

    private boolean blocked(EntityType type, String key) {
        KeyWords not = notKeyWords.get(type);
        return not != null && not.anyIn(key);
    }

    /**
     * A street with a house number is an address; a street name alone only where the key says it is where someone
     * lives ({@code verblijfplaats}, {@code adres}): "locatie/straat" of a report about a street lamp is not, nor
     * (pii47) the street alone on a table row of a firm or foundation ("Garage Smid B.V.", "Stichting …").
     */
    private boolean addressOfAPerson(String text, List<TextStructure.Field> fields, int index, String value) {
        TextStructure.Field f = fields.get(index);
        for (int i = 0; i < value.length(); i++) {
            if (Character.isDigit(value.charAt(i))) {
                return true;
            }
        }
        return RESIDENCE_KEYS.anyIn(f.path()) && !(f.kind() == TextStructure.Kind.TABLE && firmRow(text, fields, index))
                && !ThingRecordFields.thingNamed(fields, index);
    }

    /**
     * pii47b: the firm word must stand in the row's name column ("Garage Smid B.V." under {@code Naam}): a person's
     * row with a {@code Werkgever} column is no firm's. Only a row without a name column is read whole.
     */
    private boolean firmRow(String text, List<TextStructure.Field> fields, int index) {
        TextStructure.Field f = fields.get(index);
        int from = text.lastIndexOf('\n', f.start()) + 1;
        int to = text.indexOf('\n', f.end());
        to = to < 0 ? text.length() : to;
        boolean nameColumn = false;
        int first = index;
        while (first > 0 && fields.get(first - 1).start() >= from) {
            first--;
        }
        for (int k = first; k < fields.size() && fields.get(k).start() < to; k++) { // fields are sorted by start
            TextStructure.Field g = fields.get(k);
            if (g.kind() != TextStructure.Kind.TABLE || g.end() > to
                    || keyType(g).type() != EntityType.PERSON) {
                continue;
            }
            nameColumn = true;
            if (firmWordIn(text, g.start(), g.end())) {
                return true;
            }
        }
        return !nameColumn && firmWordIn(text, from, to);
    }

    private static boolean firmWordIn(String text, int from, int to) {
        return PersonFieldValues.firmWordIn(text.substring(from, to).toLowerCase(Locale.ROOT), 0, to - from);
    }

    /**
     * A street split from its house number by the tool that wrote it: a {@code huisnummer} cell on the same table row,
     * or a {@code huisnummer} key in the same JSON object. The street is then that dwelling's address.
     */
    static boolean houseNumberBeside(String text, List<TextStructure.Field> fields, int index) {
        TextStructure.Field f = fields.get(index);
        if (f.kind() == TextStructure.Kind.LINE) {
            return false;
        }
        String parent = f.path().substring(0, f.path().length() - f.key().length());
        for (int k = Math.max(0, index - 3); k < Math.min(fields.size(), index + 4); k++) {
            TextStructure.Field g = fields.get(k);
            if (k == index || g.kind() != f.kind() || !HOUSE_NUMBER_KEYS.contains(g.key())) {
                continue;
            }
            int from = Math.min(f.end(), g.end());
            int to = Math.max(f.start(), g.start());
            boolean together = true;
            for (int i = from; i < to && together; i++) {
                char c = text.charAt(i);
                together = f.kind() == TextStructure.Kind.TABLE ? c != '\n' : c != '{' && c != '}';
            }
            if (together && (f.kind() == TextStructure.Kind.TABLE || g.path().startsWith(parent))) {
                return true;
            }
        }
        return false;
    }

    private static final java.util.Set<String> HOUSE_NUMBER_KEYS = java.util.Set.of("huisnummer", "huisnr", "huisnr.", "nr", "nr.",
            "huisnummer toevoeging", "house number", "housenumber", "huis nr", "nummer", "number");

    private static final KeyWords RESIDENCE_KEYS = new KeyWords(List.of("adres", "address", "verblijfplaats",
            "woonadres", "huisadres", "woon", "residence", "home"));

    /** Compiled once: {@code String.replaceAll} compiled it for every BSN-keyed value. */
    private static final Pattern BSN_SEPARATORS = Pattern.compile("[ .-]");

    private boolean shaped(EntityType type, String value, String key) {
        String v = value.strip();
        return switch (type) {
            case DATE_OF_BIRTH -> DATE.matcher(v).matches() || BirthDateFieldShapes.shaped(v, key);
            case BSN -> {
                // a scanned form's boxes read "9 9 9 9 2 O 6 5 O": under a BSN key, O and l are the digits they resemble
                String digits = BSN_SEPARATORS.matcher(v).replaceAll("").replace('O', '0').replace('o', '0')
                        .replace('l', '1').replace('I', '1');
                yield digits.length() == 9 && digits.chars().allMatch(Character::isDigit)
                        && elfproef.validate(digits) == ChecksumValidator.Validity.VALID;
            }
            case PHONE -> phoneShaped(v);
            case POSTCODE -> POSTCODE.matcher(v).matches();
            case ADDRESS -> STREET.matcher(v).matches() && v.indexOf('@') < 0;
            // pii48b: also "V 2841 7730", as a V-nummer column may write it (a V and eight to ten digits)
            case V_NUMBER -> V_NUMBER.matcher(v).matches() && vNumberDigits(v);
            case ID_DOCUMENT -> PASSPORT.matcher(v.replace(" ", "")).matches();
            default -> false;
        };
    }

    /** Ten digits, or eight to ten after a {@code V}. */
    private static boolean vNumberDigits(String v) {
        int digits = 0;
        for (int i = 0; i < v.length(); i++) {
            digits += Character.isDigit(v.charAt(i)) ? 1 : 0;
        }
        return Character.isDigit(v.charAt(0)) ? digits == 10 : digits >= 8 && digits <= 10;
    }

    /** 0612345678, 06-12345678, +31 6 12345678, 31612345678, 612345678 (as Excel leaves them), 0031…, 32478120455. */
    static boolean phoneShaped(String v) {
        StringBuilder d = new StringBuilder();
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (Character.isDigit(c)) {
                d.append(c);
            } else if (!(c == ' ' || c == '-' || c == '(' || c == ')' || c == '.' || (c == '+' && i == 0))) {
                return false;
            }
        }
        String digits = d.toString().replace("(0)", "");
        if (digits.startsWith("0031")) {
            digits = digits.substring(4);
        } else if (digits.startsWith("31") && digits.length() == 11) {
            digits = digits.substring(2);
        } else if (digits.startsWith("0") && digits.length() == 10) {
            digits = digits.substring(1);
        } else if (v.startsWith("+")) {
            return digits.length() >= 8 && digits.length() <= 15;
        } else if (d.length() == v.length() && v.length() >= 11 && v.length() <= 13 && v.charAt(0) != '0') {
            return true; // "32478120455" under a phone key: an international number without its "+"
        }
        return digits.length() == 9 && digits.charAt(0) != '0';
    }

    @Override
    public Description describe() {
        StringBuilder how = new StringBuilder("the whole value of a table cell, JSON value or labelled line whose key names"
                + " the type (list `pii/context/field-keys.txt`:");
        keys.forEach((t, w) -> how.append(' ').append(t.label()).append(" ").append(w.size()).append(','));
        how.setLength(how.length() - 1);
        how.append(")");
        return new Description(EntityType.PERSON, how.toString(),
                "the value must have the type's shape: a date in any common form (`1969-09-01`, `01.09.1969`, `1-9-69`,"
                        + " `19690901`, `1 sep 1969`), nine digits passing the elfproef in any grouping, a phone number"
                        + " also as Excel leaves it (`31612345678`, `612345678`), a name of at most six words also in"
                        + " lower case or as `Achternaam, Voornaam`; e-mail headers (`Van:`, `Aan:`, `CC:`) give one"
                        + " person per recipient. Keys that rule a type out (`[TYPE-not]`, e.g. `bedrijfsnaam`,"
                        + " `geboorteplaats`) win. Score " + SCORE + ".");
    }
}
