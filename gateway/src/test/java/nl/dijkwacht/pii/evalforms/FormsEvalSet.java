package nl.dijkwacht.pii.evalforms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The second evaluation set ("forms staff actually paste"): chat, tables, JSON, e-mail threads, OCR scans and names of
 * many origins. Written by hand in a markup ({@code src/test/resources/pii/eval-forms/<split>/<form>.txt}) and
 * compiled to JSONL with character offsets ({@code eval-forms-<split>.jsonl}, the format of the letter-like set plus
 * {@code form}, {@code variant} and a {@code harmless} list). See the README next to the files.
 *
 * <p>Markup: a document starts with a line {@code === <id> [variant]}; {@code ⟦TYPE|value⟧} marks personal data of an
 * {@code EntityType}, {@code ⟦~kind|value⟧} a harmless look-alike that must be left intact; {@code ⇥} stands for a
 * tab (TSV); lines starting with {@code #} before the first document are comments. The text of a document is
 * everything up to the next {@code ===} line, without the trailing line breaks.
 */
public final class FormsEvalSet {

    /** The six forms, in report order. */
    public static final List<String> FORMS = List.of("chat", "table", "json", "email", "ocr", "names");

    /**
     * The parts: {@code dev}, {@code heldout} (the seeded quarter; development data since the third tuning round),
     * {@code heldout3} to {@code heldout11} (each written separately before the third to eleventh round and run once
     * at its end; development data since), {@code heldout12} (written separately on 2026-12-03 before the twelfth
     * round, run once at its end; development data since round 15), {@code heldout13} (written ahead of session 46's
     * round, run once at its end; development data since round 14) and {@code heldout14} (written ahead of round 14,
     * run once at its end; development data since round 15), {@code heldout15} (written ahead of round 15, run once
     * at its end; development data since session 49), {@code heldout16} (written ahead of session 49's round, run
     * once at its end; development data since session 50) and {@code heldout17} (written ahead of session 50's round,
     * run once at its end; development data since session 51); see the README.
     */
    public static final List<String> SPLITS = List.of("dev", "heldout", "heldout3", "heldout4", "heldout5",
            "heldout6", "heldout7", "heldout8", "heldout9", "heldout10", "heldout11", "heldout12", "heldout13",
            "heldout14", "heldout15", "heldout16", "heldout17");

    /**
     * The paste-45 set (pii45, session 45): generated with seed 4545 by {@code paste45-generator.py} in the formats
     * staff paste (Excel ranges, semicolon CSV, Outlook threads, Teams and WhatsApp exports, zaaksysteem JSON, StUF-BG
     * XML, markdown tables, label-value forms, ordinary texts); a development part and a held-out part. Kept out of
     * {@link #SPLITS} so that the equivalence corpus and the name model's writer folds stay as they were.
     */
    public static final List<String> PASTE45_SPLITS = List.of("paste45", "paste45heldout");

    /** The paste-45 set's forms (its own: they are not the six forms above). */
    public static final List<String> PASTE45_FORMS = List.of("excel", "csv", "markdown", "email", "chat", "json", "xml",
            "form", "ordinary");

    /**
     * The paste-46 set (pii46, session 46): generated with seed 4646 by {@code paste46-generator.py}, one form per kind
     * of paste the paste-45 round left as a miss (Teams speaker lines, lower-case names in chat, addresses without a
     * street word in running text, split name columns, a town after an address, a handler's name or function title,
     * Excel ranges without a header row), each with harmless look-alikes of its kind. Kept out of {@link #SPLITS} like
     * paste-45.
     */
    public static final List<String> PASTE46_SPLITS = List.of("paste46", "paste46heldout");

    /** The paste-46 set's forms. */
    public static final List<String> PASTE46_FORMS = List.of("teams", "chatlower", "proseaddress", "namecolumns",
            "addresstown", "handledby", "noheader");

    /** The generated parts (paste-45 and paste-46), in that order. */
    public static final List<String> GENERATED_SPLITS = List.of("paste45", "paste45heldout", "paste46",
            "paste46heldout");

    /**
     * Hand-written held-out parts written ahead of the round that will spend them: {@code heldout18} (writer51b,
     * 2026-12-06, before session 51's round; earlier held-out-13 to -17, written so by writer46b, writer47b,
     * writer48b, writer49b and writer50b, moved to {@link #SPLITS} in rounds 14 and 15 and sessions 49, 50 and 51).
     * Kept out of {@link #SPLITS} until that round wires them, so that neither the equivalence corpus nor the name
     * model's writer folds (which train on every part of {@link #SPLITS} but the fold) ever see their texts; compiled
     * and checked like the other parts.
     */
    public static final List<String> WRITTEN_AHEAD = List.of("heldout18");

    /** The parts still held out: the evaluation prints only their aggregate figures, never their mismatches. */
    public static final Set<String> UNSEEN = Set.of("heldout18", "paste45heldout", "paste46heldout");

    /**
     * Every part: {@link #SPLITS}, {@link #GENERATED_SPLITS}, {@link #WRITTEN_AHEAD}. The lists above are the one place a
     * part is named (a fresh one in {@link #WRITTEN_AHEAD} and {@link #UNSEEN}, moved to {@link #SPLITS} when its round
     * spends it); {@code FormsEvalSetTest} fails when a folder under {@link #root()} is in none of them or an unseen part
     * is in {@link #SPLITS}.
     */
    public static List<String> allParts() {
        List<String> parts = new ArrayList<>(SPLITS);
        parts.addAll(GENERATED_SPLITS);
        parts.addAll(WRITTEN_AHEAD);
        return List.copyOf(parts);
    }

    /** The labelled personal-data types (special categories are not labelled in this set: see the README). */
    public static final Set<String> IDENTIFIER_TYPES = Set.of("BSN", "IBAN", "EMAIL", "PHONE", "POSTCODE", "ADDRESS",
            "DATE_OF_BIRTH", "LICENCE_PLATE", "ID_DOCUMENT", "V_NUMBER", "IP_ADDRESS", "KVK");

    public static final String PERSON = "PERSON";

    /** Harmless look-alike kinds. */
    public static final Set<String> HARMLESS_KINDS = Set.of("client-number", "case-number", "order-number", "amount",
            "organisation", "street", "date", "company-kvk", "mailbox", "phone-service", "product-code", "role",
            "word", "town");

    public record Span(String type, int start, int end, String value) {
    }

    public record Doc(String id, String form, String variant, String text, List<Span> entities, List<Span> harmless) {
    }

    private static final Pattern MARK = Pattern.compile("⟦(~?)([A-Za-z_-]+)\\|([^⟧]*)⟧");
    private static final Pattern HEADER = Pattern.compile("=== ([a-z]+)-(\\d{3,4})(?: ([a-z-]+))?");

    private FormsEvalSet() {
    }

    public static List<Doc> parseMarkup(String raw) {
        List<Doc> docs = new ArrayList<>();
        String[] lines = raw.split("\n", -1);
        String id = null;
        String form = null;
        String variant = null;
        StringBuilder body = new StringBuilder();
        for (String line : lines) {
            Matcher h = HEADER.matcher(line);
            if (h.matches()) {
                if (id != null) {
                    docs.add(compile(id, form, variant, body.toString()));
                }
                form = h.group(1);
                id = form + "-" + h.group(2);
                variant = h.group(3) == null ? "" : h.group(3);
                body.setLength(0);
            } else if (line.startsWith("===")) {
                throw new IllegalArgumentException("bad document header: " + line);
            } else if (id != null) {
                body.append(line).append('\n');
            } else if (!line.isBlank() && !line.startsWith("#")) {
                throw new IllegalArgumentException("text before the first document: " + line);
            }
        }
        if (id != null) {
            docs.add(compile(id, form, variant, body.toString()));
        }
        return docs;
    }

    private static Doc compile(String id, String form, String variant, String marked) {
        String source = marked.replace('⇥', '\t').replaceAll("\\s+$", "");
        StringBuilder text = new StringBuilder();
        List<Span> entities = new ArrayList<>();
        List<Span> harmless = new ArrayList<>();
        Matcher m = MARK.matcher(source);
        int cursor = 0;
        while (m.find()) {
            text.append(source, cursor, m.start());
            int start = text.length();
            String value = m.group(3);
            text.append(value);
            Span span = new Span(m.group(2), start, text.length(), value);
            if (m.group(1).isEmpty()) {
                if (!IDENTIFIER_TYPES.contains(span.type()) && !PERSON.equals(span.type())) {
                    throw new IllegalArgumentException(id + ": unknown type " + span.type());
                }
                entities.add(span);
            } else {
                if (!HARMLESS_KINDS.contains(span.type())) {
                    throw new IllegalArgumentException(id + ": unknown harmless kind " + span.type());
                }
                harmless.add(span);
            }
            cursor = m.end();
        }
        text.append(source.substring(cursor));
        String t = text.toString();
        if (t.indexOf('⟦') >= 0 || t.indexOf('⟧') >= 0) {
            throw new IllegalArgumentException(id + ": unbalanced markup");
        }
        return new Doc(id, form, variant, t, List.copyOf(entities), List.copyOf(harmless));
    }

    public static List<Doc> readMarkupDir(Path dir) throws IOException {
        List<Doc> docs = new ArrayList<>();
        List<String> forms = new ArrayList<>(FORMS);
        PASTE45_FORMS.stream().filter(f -> !FORMS.contains(f)).forEach(forms::add);
        PASTE46_FORMS.stream().filter(f -> !forms.contains(f)).forEach(forms::add);
        for (String form : forms) {
            Path file = dir.resolve(form + ".txt");
            if (Files.exists(file)) {
                docs.addAll(parseMarkup(Files.readString(file, StandardCharsets.UTF_8)));
            }
        }
        return docs;
    }

    public static String toJsonl(List<Doc> docs) {
        ObjectMapper json = new ObjectMapper();
        StringBuilder out = new StringBuilder();
        for (Doc d : docs) {
            ObjectNode o = json.createObjectNode();
            o.put("id", d.id());
            o.put("form", d.form());
            if (!d.variant().isEmpty()) {
                o.put("variant", d.variant());
            }
            o.put("text", d.text());
            ArrayNode es = o.putArray("entities");
            for (Span s : d.entities()) {
                es.addObject().put("type", s.type()).put("start", s.start()).put("end", s.end()).put("value", s.value());
            }
            ArrayNode hs = o.putArray("harmless");
            for (Span s : d.harmless()) {
                hs.addObject().put("kind", s.type()).put("start", s.start()).put("end", s.end()).put("value", s.value());
            }
            out.append(o.toString()).append('\n');
        }
        return out.toString();
    }

    public static List<Doc> readJsonl(String content) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Doc> docs = new ArrayList<>();
        for (String line : content.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode o = json.readTree(line);
            List<Span> es = new ArrayList<>();
            for (JsonNode e : o.get("entities")) {
                es.add(new Span(e.get("type").asText(), e.get("start").asInt(), e.get("end").asInt(),
                        e.get("value").asText()));
            }
            List<Span> hs = new ArrayList<>();
            JsonNode harmless = o.get("harmless");
            if (harmless != null) {
                for (JsonNode e : harmless) {
                    hs.add(new Span(e.get("kind").asText(), e.get("start").asInt(), e.get("end").asInt(),
                            e.get("value").asText()));
                }
            }
            String form = o.has("form") ? o.get("form").asText() : o.path("genre").asText();
            docs.add(new Doc(o.get("id").asText(), form, o.path("variant").asText(""), o.get("text").asText(),
                    List.copyOf(es), List.copyOf(hs)));
        }
        return docs;
    }

    /** The set's directory from the repository root or from {@code gateway/}. */
    public static Path root() {
        Path p = Path.of("src/test/resources/pii/eval-forms");
        return Files.isDirectory(Path.of("src/test/resources")) ? p : Path.of("gateway").resolve(p);
    }

    public static List<Doc> load(String split) throws IOException {
        return readJsonl(Files.readString(root().resolve(split).resolve("eval-forms-" + split + ".jsonl"),
                StandardCharsets.UTF_8));
    }
}
