package nl.dijkwacht.pii;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import nl.dijkwacht.pii.detect.EntityType;

/**
 * Writes the labelled evaluation set: realistic municipal documents (letters, Wmo kitchen-table notes,
 * objections, Woo requests, staff e-mails, chat prompts) with character offsets. Written independently of the
 * training generator: other templates, whole documents instead of single sentences, a different seed, and half
 * of the person names drawn from held-out lists that are in neither the gazetteers nor the training data.
 * Hard negatives (elfproef-passing case numbers, RSIN, BTW-ids, amounts, law articles, meeting dates,
 * organisation mailboxes, 14 0xx numbers, the baker, streets and organisations named after people) are
 * mixed in unlabelled. Run from the repository root:
 * <pre>
 * ./mvnw -q -B -pl gateway test-compile exec:exec@pii-eval-set
 * </pre>
 */
public final class EvalSetGenerator {

    static final long SEED = 4242L;
    static final int DOCUMENTS = 360;
    static final String OUTPUT = "src/test/resources/pii/eval/municipal-eval.jsonl";

    public static void main(String[] args) throws IOException {
        Path out = Path.of(OUTPUT);
        if (!Files.isDirectory(out.getParent())) {
            out = Path.of("gateway").resolve(OUTPUT);
        }
        EvalSetGenerator g = new EvalSetGenerator(new Random(SEED));
        ObjectMapper json = new ObjectMapper();
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < DOCUMENTS; i++) {
            Doc d = g.document(i);
            ObjectNode node = json.createObjectNode();
            node.put("id", "eval-" + (i + 1));
            node.put("genre", d.genre);
            node.put("text", d.text.toString());
            ArrayNode ents = node.putArray("entities");
            for (Object[] e : d.entities) {
                ObjectNode en = ents.addObject();
                en.put("type", (String) e[0]);
                en.put("start", (Integer) e[1]);
                en.put("end", (Integer) e[2]);
                en.put("value", d.text.substring((Integer) e[1], (Integer) e[2]));
            }
            lines.append(json.writeValueAsString(node)).append('\n');
        }
        Files.writeString(out, lines, StandardCharsets.UTF_8);
        System.out.println("wrote " + DOCUMENTS + " documents to " + out.toAbsolutePath());
    }

    /** A document under construction; {@code e(...)} appends a labelled value, {@code t(...)} plain text. */
    static final class Doc {
        final String genre;
        final StringBuilder text = new StringBuilder();
        final List<Object[]> entities = new ArrayList<>();

        Doc(String genre) {
            this.genre = genre;
        }

        Doc t(String s) {
            text.append(s);
            return this;
        }

        Doc e(EntityType type, String value) {
            entities.add(new Object[] {type.name(), text.length(), text.length() + value.length()});
            text.append(value);
            return this;
        }
    }

    private final Random r;
    private final List<String> firstKnown;
    private final List<String> lastKnown;
    private final List<String> firstHeldOut;
    private final List<String> lastHeldOut;

    EvalSetGenerator(Random random) {
        this.r = random;
        this.firstKnown = capitalised(readLowerSet("/pii/names/first-names.txt"));
        this.lastKnown = capitalised(readLowerSet("/pii/names/surnames.txt"));
        this.firstHeldOut = readList("/pii/eval/heldout-first-names.txt");
        this.lastHeldOut = readList("/pii/eval/heldout-surnames.txt");
        Set<String> known = new HashSet<>(readLowerSet("/pii/names/first-names.txt"));
        known.addAll(readLowerSet("/pii/names/surnames.txt"));
        for (String s : firstHeldOut) {
            if (known.contains(s.toLowerCase(Locale.ROOT))) {
                throw new IllegalStateException("held-out name is in the gazetteer: " + s);
            }
        }
        for (String s : lastHeldOut) {
            if (known.contains(s.toLowerCase(Locale.ROOT))) {
                throw new IllegalStateException("held-out name is in the gazetteer: " + s);
            }
        }
    }

    // ------------------------------------------------------------------ documents

    Doc document(int i) {
        return switch (i % 6) {
            case 0 -> letter();
            case 1 -> kitchenTableNote();
            case 2 -> objection();
            case 3 -> wooRequest();
            case 4 -> staffEmail();
            default -> chatPrompt();
        };
    }

    private Doc letter() {
        Doc d = new Doc("brief");
        String[] p = person();
        d.t(pick("Aan ", "T.a.v. ", "")).t(pick("mevrouw ", "de heer ", "")).e(EntityType.PERSON, formal(p)).t("\n");
        address(d);
        d.t("\n\nOns kenmerk: ").t(caseNumber()).t("\nDatum: ").t(meetingDate()).t("\nOnderwerp: ")
                .t(pick("uw aanvraag bijzondere bijstand", "besluit op uw aanvraag Wmo", "toekenning parkeervergunning",
                        "terugvordering uitkering", "uw melding openbare ruimte"))
                .t("\n\n").t(pick("Geachte mevrouw ", "Geachte heer ")).e(EntityType.PERSON, surnameWithParticle(p)).t(",\n\n");
        d.t("Op ").t(meetingDate()).t(" hebben wij uw aanvraag ontvangen. ");
        if (r.nextBoolean()) {
            d.t("Wij hebben uw gegevens gecontroleerd (BSN ").e(EntityType.BSN, bsn()).t("). ");
        }
        if (r.nextBoolean()) {
            d.t("Het toegekende bedrag van € ").t(amount()).t(" maken wij over op rekeningnummer ")
                    .e(EntityType.IBAN, iban()).t(". ");
        }
        d.t(pick("Dit besluit is genomen op grond van artikel 4:8 Awb. ", "Zie ook artikel 35 van de Participatiewet. ",
                "Wij verwijzen naar artikel 2.3.5 van de Wmo 2015. "));
        if (r.nextInt(3) == 0) {
            d.t("Uw geboortedatum (").e(EntityType.DATE_OF_BIRTH, date()).t(") hebben wij vergeleken met de BRP. ");
        }
        d.t("Heeft u vragen? Bel dan ").t(pick("14 020", "14 030", "14 0341", "14 050")).t(" of mail naar ")
                .t(pick("info@", "wmo@", "klantcontact@")).t(pick("utrecht.nl", "zwolle.nl", "gemeente-ede.nl"))
                .t(". U kunt ons ook bellen op werkdagen tussen 9.00 en 17.00 uur.\n\n");
        d.t("Met vriendelijke groet,\n\n").t(pick("namens het college van burgemeester en wethouders,\n", ""));
        String[] staff = person();
        d.e(EntityType.PERSON, staff[0] + " " + staff[1]).t("\n").t(pick("Consulent Wmo", "Klantmanager Werk en Inkomen",
                "Medewerker Publiekszaken", "Beleidsadviseur")).t("\n");
        return d;
    }

    private Doc kitchenTableNote() {
        Doc d = new Doc("keukentafelgesprek");
        String[] p = person();
        d.t("Verslag keukentafelgesprek\nDatum gesprek: ").t(meetingDate()).t("\nCliënt: ").e(EntityType.PERSON, formal(p))
                .t(", geboren ").e(EntityType.DATE_OF_BIRTH, date()).t("\nBSN: ").e(EntityType.BSN, bsn()).t("\nAdres: ");
        address(d);
        d.t("\nTelefoon: ").e(EntityType.PHONE, phone()).t("\n\n");
        String[] mz = person();
        d.t("Aanwezig: ").t(pick("cliënt, ", "mevrouw, ", "meneer, ")).t("haar ").t(pick("dochter ", "zoon ", "buurvrouw "))
                .e(EntityType.PERSON, mz[0]).t(" en consulent ").e(EntityType.PERSON, casual(person())).t(".\n\n");
        d.t("Hulpvraag: ").t(pick("Cliënt", "Mevrouw", "Meneer")).t(" heeft ").e(EntityType.SPECIAL_CATEGORY,
                pick("diabetes", "dementie", "parkinson", "COPD", "reuma", "hartfalen", "een beperking").replace("een ", ""))
                .t(" en kan het huishouden niet meer zelf doen. ");
        d.t("Er wordt gevraagd om ");
        if (r.nextBoolean()) {
            d.t("een ").e(EntityType.SPECIAL_CATEGORY, pick("scootmobiel", "traplift", "woningaanpassing"));
        } else {
            d.e(EntityType.SPECIAL_CATEGORY, pick("huishoudelijke hulp", "dagbesteding", "individuele begeleiding"));
        }
        d.t(". ");
        d.t(pick("De ", "Haar ")).e(EntityType.SPECIAL_CATEGORY, "mantelzorger").t(" ").e(EntityType.PERSON, mz[0])
                .t(" komt drie keer per week langs. ");
        if (r.nextBoolean()) {
            d.t("Zij gebruikt ").e(EntityType.SPECIAL_CATEGORY, "medicatie").t(" voor haar hart en gaat binnenkort naar het ")
                    .t(pick("Jeroen Bosch Ziekenhuis", "Antonius Ziekenhuis", "Isala", "Maxima MC")).t(". ");
        }
        d.t("De bakker brengt op vrijdag brood. Afspraak: evaluatie op ").t(meetingDate()).t(" om 10.00 uur.\n");
        d.t("Zaaknummer ").t(caseNumber()).t(" (intern).\n");
        return d;
    }

    private Doc objection() {
        Doc d = new Doc("bezwaarschrift");
        String[] p = person();
        d.e(EntityType.PERSON, p[0] + " " + p[1]).t("\n");
        address(d);
        d.t("\n").e(EntityType.EMAIL, email(p)).t("\n\nAan het college van burgemeester en wethouders\nPostbus ")
                .t(String.valueOf(100 + r.nextInt(9000))).t("\n\nBetreft: bezwaar tegen besluit van ").t(meetingDate())
                .t(", kenmerk ").t(caseNumber()).t("\n\nGeachte heer, mevrouw,\n\n");
        d.t("Hierbij maak ik bezwaar tegen uw besluit. ");
        d.t(pick("Mijn burgerservicenummer is ", "Mijn BSN: ", "BSN ")).e(EntityType.BSN, bsn()).t(". ");
        if (r.nextBoolean()) {
            d.t("U heeft mijn parkeervergunning voor de auto met kenteken ").e(EntityType.LICENCE_PLATE, plate())
                    .t(" ten onrechte ingetrokken. ");
        } else {
            d.t("U stelt dat ik inkomsten heb uit mijn eenmanszaak (KvK-nummer ").e(EntityType.KVK, kvk())
                    .t("), maar dat klopt niet. ");
        }
        d.t("De factuur met factuurnummer ").t(elfproefNumber()).t(" van ").t(pick("Bouwbedrijf Van Dijk B.V.",
                "Stichting De Brug", "Zorggroep Noord")).t(" (RSIN ").t(elfproefNumber()).t(", btw-id NL")
                .t(elfproefNumber()).t("B01) is al betaald. ");
        d.t("Ik ben ").e(EntityType.SPECIAL_CATEGORY, pick("arbeidsongeschikt", "rolstoelgebonden", "slechtziend"))
                .t(" en ben afhankelijk van deze voorziening. ");
        if (r.nextBoolean()) {
            d.t("Bouwbedrijf Van Dijk B.V. (KvK ").t(kvk()).t(") heeft de aanpassing uitgevoerd. ");
        }
        d.t("Mijn gemachtigde, ").t(pick("mr. ", "")).e(EntityType.PERSON, formal(person()))
                .t(", stuurt de gronden na. Telefonisch ben ik bereikbaar op ").e(EntityType.PHONE, phone()).t(".\n\n");
        d.t("Hoogachtend,\n").e(EntityType.PERSON, p[0] + " " + p[1]).t("\n");
        return d;
    }

    private Doc wooRequest() {
        Doc d = new Doc("woo-verzoek");
        String[] p = person();
        d.t("Woo-verzoek\n\nGeachte heer, mevrouw,\n\nOp grond van de Wet open overheid (Woo) verzoek ik u om ")
                .t("openbaarmaking van alle documenten over ").t(pick("de herinrichting van de ",
                        "de verkeersbesluiten voor de ", "de bomenkap aan de ")).t(pick("Willem de Zwijgerlaan",
                        "Johan de Wittlaan", "Anne Frankstraat", "Burgemeester Reigerstraat", "Prins Hendrikkade"))
                .t(" in de periode ").t(meetingDate()).t(" tot en met ").t(meetingDate()).t(". ");
        d.t("Het gaat om de notulen van het overleg met wethouder ").e(EntityType.PERSON, surnameWithParticle(person()))
                .t(" en de e-mails van de projectleider. ");
        d.t("Ik verzoek u persoonsgegevens van ambtenaren te lakken conform artikel 5.1 lid 2 sub e Woo. ");
        d.t("U kunt mij bereiken via ").e(EntityType.EMAIL, email(p)).t(" of ").e(EntityType.PHONE, phone())
                .t(". Informatie over Woo-verzoeken staat op de website; vragen kunnen naar woo@")
                .t(pick("amersfoort.nl", "leiden.nl", "gemeente.nl")).t(".\n\nMet vriendelijke groet,\n\n")
                .e(EntityType.PERSON, formal(p)).t("\n");
        address(d);
        d.t("\n");
        return d;
    }

    private Doc staffEmail() {
        Doc d = new Doc("interne-mail");
        String[] to = person();
        String[] client = person();
        String[] from = person();
        d.t("Van: ").e(EntityType.EMAIL, email(from)).t("\nAan: ").e(EntityType.EMAIL, email(to))
                .t("\nOnderwerp: ").t(pick("dossier", "vraag over casus", "overdracht", "terugbelverzoek")).t("\n\n");
        d.t(pick("Hoi ", "Hallo ", "Beste ")).e(EntityType.PERSON, to[0]).t(",\n\n");
        d.t(pick("Kun jij de casus van ", "Wil je even kijken naar het dossier van ", "Ik draag de zaak van "))
                .e(EntityType.PERSON, formal(client)).t(pick(" oppakken? ", " bekijken? ", " aan je over. "));
        int kind = r.nextInt(5);
        switch (kind) {
            case 0 -> d.t("Zijn V-nummer is ").e(EntityType.V_NUMBER, vnumber()).t(" en hij heeft een verblijfsvergunning. ");
            case 1 -> d.t("Zij heeft haar ").t(pick("paspoort", "ID-kaart", "identiteitskaart")).t(" (documentnummer ")
                    .e(EntityType.ID_DOCUMENT, documentNumber()).t(") laten zien aan de balie. ");
            case 2 -> d.t("Zijn rijbewijs met rijbewijsnummer ").e(EntityType.ID_DOCUMENT, tenDigits())
                    .t(" is verlopen. ");
            case 3 -> d.t("De melding kwam binnen via het webformulier vanaf IP-adres ").e(EntityType.IP_ADDRESS, ip())
                    .t(". ");
            default -> d.t("Bel ").t(pick("hem", "haar")).t(" op ").e(EntityType.PHONE, phone()).t(". ");
        }
        switch (r.nextInt(3)) {
            case 0 -> d.t("Er loopt ook ").e(EntityType.SPECIAL_CATEGORY, "jeugdhulp").t(" voor het gezin");
            case 1 -> d.t("Er is ook een melding bij ").e(EntityType.SPECIAL_CATEGORY, "Veilig Thuis").t(" gedaan");
            default -> d.t("Er loopt ook schuldhulpverlening voor het gezin"); // sensitive, but not art. 9
        }
        d.t(", zie zaaknummer ").t(caseNumber()).t(". ");
        d.t("De vergadering is verplaatst naar ").t(meetingDate()).t(" in de ").t(pick("Willem Alexanderzaal",
                "raadzaal", "kamer 2.14")).t(". ");
        d.t("Groeten,\n").e(EntityType.PERSON, from[0]).t("\n");
        return d;
    }

    private Doc chatPrompt() {
        Doc d = new Doc("chatprompt");
        String[] p = person();
        switch (r.nextInt(8)) {
            case 0 -> d.t("schrijf een vriendelijke brief aan ").e(EntityType.PERSON, lower(p[0] + " " + p[1]))
                    .t(" dat haar aanvraag voor ").e(EntityType.SPECIAL_CATEGORY, "huishoudelijke hulp").t(" is toegekend");
            case 1 -> d.t("Vat dit samen: mevrouw ").e(EntityType.PERSON, p[1]).t(" (bsn ").e(EntityType.BSN, bsn())
                    .t(") belde over haar uitkering, ze woont op ").e(EntityType.ADDRESS, street() + " " + houseNumber())
                    .t(" en wil teruggebeld worden op ").e(EntityType.PHONE, phone());
            case 2 -> d.t("kun je deze mail korter maken? 'Beste ").e(EntityType.PERSON, p[0])
                    .t(", uw afspraak op het stadskantoor is verzet naar ").t(meetingDate()).t(". Groet, team Burgerzaken'");
            case 3 -> d.t("Maak een samenvatting van het gesprek met ").e(EntityType.PERSON, p[0] + " " + p[1])
                    .t(". Hij is ").e(EntityType.SPECIAL_CATEGORY, pick("verslaafd", "gedetineerd",
                            "psychotisch")).t(" geweest en zoekt werk. Geboortedatum ")
                    .e(EntityType.DATE_OF_BIRTH, date()).t(".");
            case 4 -> d.t("herschrijf in B1: geachte heer ").e(EntityType.PERSON, lower(surnameWithParticle(p)))
                    .t(", wij hebben uw betaling op ").e(EntityType.IBAN, iban().toLowerCase(Locale.ROOT))
                    .t(" ontvangen. Vragen? Bel 14 020.");
            case 5 -> d.t("Help me een antwoord te schrijven aan ").e(EntityType.PERSON, formal(p)).t(" (")
                    .e(EntityType.EMAIL, email(p)).t(") over de boete voor ").e(EntityType.LICENCE_PLATE, plate())
                    .t(". Het gaat om € ").t(amount()).t(".");
            case 6 -> d.t("Wat betekent artikel 4:8 Awb voor de zienswijze van ").e(EntityType.PERSON, formal(p))
                    .t(" uit ").e(EntityType.POSTCODE, postcode()).t(" ").t(pick("Utrecht", "Zwolle", "Ede")).t("?");
            default -> d.t("controleer deze tekst op taal: 'Op ").t(meetingDate()).t(" sprak ").e(EntityType.PERSON, p[0])
                    .t(" met de wijkagent over de overlast bij de bakker.'");
        }
        d.t(pick("", " Dank!", "\n", " Graag in de u-vorm."));
        return d;
    }

    // ------------------------------------------------------------------ values

    private void address(Doc d) {
        d.e(EntityType.ADDRESS, street() + " " + houseNumber()).t("\n").e(EntityType.POSTCODE, postcode()).t(" ")
                .t(pick("UTRECHT", "Zwolle", "Amersfoort", "Ede", "Den Haag", "Tilburg", "Almere"));
    }

    private String[] person() {
        boolean heldOut = r.nextBoolean();
        String first = heldOut ? pick(firstHeldOut) : pick(firstKnown);
        String last = heldOut ? pick(lastHeldOut) : pick(lastKnown);
        String particle = r.nextInt(3) == 0 ? pick("de ", "van ", "van der ", "van den ", "ter ", "van 't ", "el ") : "";
        if (r.nextInt(12) == 0) {
            last = last + "-" + (r.nextBoolean() ? "de " : "") + (heldOut ? pick(lastKnown) : pick(lastHeldOut));
        }
        return new String[] {first, particle + last, particle, last};
    }

    private String formal(String[] p) {
        return switch (r.nextInt(3)) {
            case 0 -> p[0].charAt(0) + ". " + p[1];
            case 1 -> p[0].charAt(0) + "." + (char) ('A' + r.nextInt(26)) + ". " + p[1];
            default -> p[0] + " " + p[1];
        };
    }

    private String casual(String[] p) {
        return r.nextBoolean() ? p[0] : p[0] + " " + p[1];
    }

    private static String surnameWithParticle(String[] p) {
        return p[2].isEmpty() ? p[3] : capitalise(p[2]) + p[3];
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    private String street() {
        return pick("Lange Nieuwstraat", "Biltstraat", "Amsterdamsestraatweg", "Vleutenseweg", "Thorbeckelaan",
                "Diezerstraat", "Assendorperstraat", "Kamperpoort", "Langstraat", "Hoofdstraat", "Molenweg",
                "Julianalaan", "Beatrixstraat", "Dorpsstraat", "Stationsweg", "Marktplein", "Kerkpad", "Schoolstraat",
                "Burgemeester de Withstraat", "Koningin Wilhelminalaan", "Van Heemstralaan", "Oudegracht",
                "Prinses Margrietsingel", "Jan Steenstraat", "Mr. Troelstralaan");
    }

    private String houseNumber() {
        int n = 1 + r.nextInt(250);
        return n + pick("", "", "", "a", "b", "-I", "-II", " hs", " bis", "-3", "A");
    }

    private String postcode() {
        String letters;
        do {
            letters = "" + (char) ('A' + r.nextInt(26)) + (char) ('A' + r.nextInt(26));
        } while (letters.equals("SA") || letters.equals("SD") || letters.equals("SS"));
        return (1000 + r.nextInt(9000)) + (r.nextInt(4) == 0 ? "" : " ") + letters;
    }

    String bsn() {
        String v = elfproefNumber();
        return switch (r.nextInt(5)) {
            case 0 -> v.substring(0, 4) + "." + v.substring(4, 6) + "." + v.substring(6);
            case 1 -> v.substring(0, 3) + " " + v.substring(3, 6) + " " + v.substring(6);
            default -> v;
        };
    }

    /** Nine digits passing the elfproef (also how many case and invoice numbers look). */
    String elfproefNumber() {
        while (true) {
            int[] d = new int[9];
            d[0] = 1 + r.nextInt(9);
            int sum = 9 * d[0];
            for (int i = 1; i < 8; i++) {
                d[i] = r.nextInt(10);
                sum += (9 - i) * d[i];
            }
            int last = sum % 11;
            if (last < 10) {
                d[8] = last;
                StringBuilder b = new StringBuilder();
                for (int x : d) {
                    b.append(x);
                }
                return b.toString();
            }
        }
    }

    private String caseNumber() {
        return pick("Z-", "ZK", "", "2024-") + (r.nextBoolean() ? elfproefNumber() : String.valueOf(1000000 + r.nextInt(8999999)));
    }

    private String iban() {
        String country = pick("NL", "NL", "NL", "BE", "DE");
        String bban = switch (country) {
            case "NL" -> pick("ABNA", "RABO", "INGB", "SNSB", "TRIO", "ASNB", "KNAB", "BUNQ") + digits(10);
            case "BE" -> digits(12);
            default -> digits(18);
        };
        String check = String.format("%02d", 98 - mod97(bban + country + "00"));
        String compact = country + check + bban;
        if (r.nextBoolean()) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < compact.length(); i++) {
                if (i > 0 && i % 4 == 0) {
                    b.append(' ');
                }
                b.append(compact.charAt(i));
            }
            return b.toString();
        }
        return compact;
    }

    private static int mod97(String s) {
        int rem = 0;
        for (char c : s.toCharArray()) {
            if (Character.isDigit(c)) {
                rem = (rem * 10 + (c - '0')) % 97;
            } else {
                rem = (rem * 100 + (c - 'A' + 10)) % 97;
            }
        }
        return rem;
    }

    private String phone() {
        return switch (r.nextInt(7)) {
            case 0 -> "06-" + digits(8);
            case 1 -> "06 " + digits(4) + " " + digits(4);
            case 2 -> "+31 6 " + digits(8);
            case 3 -> "0" + pick("30", "38", "20", "10", "70", "33") + "-" + (2 + r.nextInt(7)) + digits(6);
            case 4 -> "0" + pick("341", "318", "575", "546") + " " + (2 + r.nextInt(7)) + digits(5);
            case 5 -> "+31 (0)" + pick("30", "20") + " " + (2 + r.nextInt(7)) + digits(2) + " " + digits(4);
            default -> "0031 6 " + digits(8);
        };
    }

    private String email(String[] p) {
        String first = ascii(p[0]);
        String last = ascii(p[3].replace(" ", ""));
        String local = switch (r.nextInt(3)) {
            case 0 -> first + "." + last;
            case 1 -> first.charAt(0) + "." + (p[2].isEmpty() ? "" : ascii(p[2].replace(" ", "")) + "") + last;
            default -> first + last + (10 + r.nextInt(89));
        };
        return local + "@" + pick("gmail.com", "hotmail.com", "outlook.com", "ziggo.nl", "kpnmail.nl", "xs4all.nl", "utrecht.nl");
    }

    private static String ascii(String s) {
        return java.text.Normalizer.normalize(s.toLowerCase(Locale.ROOT), java.text.Normalizer.Form.NFD)
                .replaceAll("[^a-z-]", "");
    }

    private String date() {
        int day = 1 + r.nextInt(28);
        int month = 1 + r.nextInt(12);
        int year = 1935 + r.nextInt(75);
        String[] months = {"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
            "oktober", "november", "december"};
        return switch (r.nextInt(3)) {
            case 0 -> String.format("%02d-%02d-%d", day, month, year);
            case 1 -> day + " " + months[month - 1] + " " + year;
            default -> String.format("%d-%02d-%02d", year, month, day);
        };
    }

    private String meetingDate() {
        String[] months = {"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
            "oktober", "november", "december"};
        int day = 1 + r.nextInt(28);
        int month = 1 + r.nextInt(12);
        return r.nextBoolean() ? day + " " + months[month - 1] + " 2025" : String.format("%02d-%02d-2025", day, month);
    }

    private String amount() {
        return r.nextBoolean() ? (100 + r.nextInt(9000)) + "," + digits(2) : (1 + r.nextInt(9)) + "." + digits(3) + ",00";
    }

    private String plate() {
        String c = "BDFGHJKLNPRSTVXZ";
        java.util.function.IntFunction<String> l = n -> {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < n; i++) {
                b.append(c.charAt(r.nextInt(c.length())));
            }
            return b.toString();
        };
        return switch (r.nextInt(6)) {
            case 0 -> digits(2) + "-" + l.apply(3) + "-" + digits(1);
            case 1 -> digits(1) + "-" + l.apply(3) + "-" + digits(2);
            case 2 -> l.apply(2) + "-" + digits(3) + "-" + l.apply(1);
            case 3 -> l.apply(1) + "-" + digits(3) + "-" + l.apply(2);
            case 4 -> l.apply(3) + "-" + digits(2) + "-" + l.apply(1);
            default -> digits(2) + "-" + l.apply(2) + "-" + l.apply(2);
        };
    }

    private String documentNumber() {
        String letters = "ABCDEFGHIJKLMNPQRSTUVWXYZ";
        String alnum = letters + "0123456789";
        StringBuilder b = new StringBuilder();
        b.append(letters.charAt(r.nextInt(letters.length()))).append(letters.charAt(r.nextInt(letters.length())));
        for (int i = 0; i < 6; i++) {
            b.append(alnum.charAt(r.nextInt(alnum.length())));
        }
        return b.append(r.nextInt(10)).toString();
    }

    private String tenDigits() {
        return (1 + r.nextInt(9)) + digits(9);
    }

    private String vnumber() {
        String v = tenDigits();
        return r.nextBoolean() ? v : v.substring(0, 4) + " " + v.substring(4, 7) + " " + v.substring(7);
    }

    private String kvk() {
        return (1 + r.nextInt(9)) + digits(7);
    }

    private String ip() {
        if (r.nextInt(4) == 0) {
            return "2001:db8:" + Integer.toHexString(r.nextInt(65536)) + "::" + Integer.toHexString(1 + r.nextInt(65535));
        }
        return (1 + r.nextInt(223)) + "." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
    }

    private String digits(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(r.nextInt(10));
        }
        return b.toString();
    }

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private String pick(String... options) {
        return options[r.nextInt(options.length)];
    }

    private String pick(List<String> options) {
        return options.get(r.nextInt(options.size()));
    }

    private static List<String> capitalised(Set<String> in) {
        List<String> out = new ArrayList<>();
        for (String s : in) {
            StringBuilder b = new StringBuilder();
            boolean up = true;
            for (char c : s.toCharArray()) {
                b.append(up ? Character.toUpperCase(c) : c);
                up = c == ' ' || c == '-';
            }
            out.add(b.toString());
        }
        out.sort(null);
        return out;
    }

    private static Set<String> readLowerSet(String resource) {
        Set<String> out = new HashSet<>();
        for (String s : readList(resource)) {
            out.add(s.toLowerCase(Locale.ROOT));
        }
        return out;
    }

    private static List<String> readList(String resource) {
        try (InputStream in = EvalSetGenerator.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            List<String> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String t = line.strip();
                if (!t.isEmpty() && !t.startsWith("#")) {
                    out.add(t);
                }
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
