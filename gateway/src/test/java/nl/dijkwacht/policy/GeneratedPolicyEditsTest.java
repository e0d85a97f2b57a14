package nl.dijkwacht.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Generated edits of the default pack (fixed seed): every edit either loads — and then means what it says — or is
 * refused whole with Dutch problems that name the file and its line, never a Java exception or its text. A refused
 * reload leaves the policy in force untouched, across policies/ and models-config/, and is reported where the admin API
 * and the console read it ({@link ActivePolicy#lastFailure()}).
 *
 * <p>Edits of the tree (a key deleted, a value of another type, unknown keys, empty lists, numbers out of range, odd
 * ids, references to nothing, duplicate ids, invalid regular expressions) and of the text (anchors and aliases, an
 * alias bomb, tags such as {@code !!java.net.URL}, a second document, tabs, a byte-order mark, CRLF line ends, a key
 * twice). Each case is printed as it runs, so a failure names its seed, round and edit.
 */
@ExtendWith(OutputCaptureExtension.class)
class GeneratedPolicyEditsTest {

    static final long SEED = 2712_2026L;
    static final int ROUNDS = 400;

    /** Signs of text a person should not get: English parser or JVM messages, class names, stack frames. */
    static final Pattern NOT_FOR_PEOPLE = Pattern.compile(
            "(?i)exception|java\\.|javax\\.|com\\.fasterxml|org\\.yaml|snakeyaml|jackson|\\bat [a-z]+\\.[a-z]|"
                    + "\\b(found|expected|cannot|unexpected|malformed|while|not allowed|unrecognized|numeric value|"
                    + "out of range|must|should|invalid|error|illegal|unclosed|dangling|unknown|unmatched|character range)\\b");

    static final YAMLMapper YAML = YAMLMapper.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).build();

    @TempDir
    Path tmp;

    /** What an edit must do. */
    enum Expect {
        /** Refused: the edit is one the policy cannot mean (an alias, a reference to nothing, 1e400, ...). */
        REFUSED,
        /** Loads, and the policy is the default pack's: the edit changes bytes, not meaning (BOM, CRLF). */
        SAME_MEANING,
        /** Either loads or is refused; both are fine as long as a refusal is a proper one. */
        EITHER
    }

    /** Kinds of edit, each made by {@link #generate}. */
    enum Kind {
        DELETE_KEY, OTHER_TYPE, UNKNOWN_KEY, EMPTY_LIST, OUT_OF_RANGE, ODD_ID, DANGLING_REFERENCE, DUPLICATE_ID,
        BAD_REGEX, ALIAS, ALIAS_BOMB, TAG, SECOND_DOCUMENT, TAB, BOM, CRLF, DUPLICATE_KEY
    }

    /** One generated edit: the files it writes (relative to the pack root, full new contents). */
    record Edit(int round, Kind kind, String file, String what, Expect expect, Map<String, String> writes) {

        @Override
        public String toString() {
            return "seed " + SEED + " round " + round + ": " + kind + " " + file + " (" + what + ")";
        }
    }

    // ------------------------------------------------------------------ the tests

    @Test
    void everyGeneratedEditLoadsWithItsMeaningOrIsRefusedWithDutchProblemsNamingFileAndLine() {
        TestPack original = TestPack.copyOfDefault(tmp.resolve("original"));
        String baseline = meaning(original.load(), original);
        TestPack again = TestPack.copyOfDefault(tmp.resolve("again"));
        assertThat(meaning(again.load(), again))
                .as("the summary of a policy is stable").isEqualTo(baseline);
        Map<String, String> files = files(original);

        Random random = new Random(SEED);
        Map<Kind, int[]> outcomes = new EnumMap<>(Kind.class);
        for (int round = 0; round < ROUNDS; round++) {
            Edit edit = generate(round, random, files);
            TestPack pack = TestPack.copyOfDefault(tmp.resolve("round-" + round));
            edit.writes().forEach(pack::write);
            System.out.println(edit);

            Throwable failure = catchThrowable(pack::load);
            int[] counts = outcomes.computeIfAbsent(edit.kind(), k -> new int[2]);
            if (failure == null) {
                counts[0]++;
                assertThat(edit.expect()).as(edit + " loaded").isNotEqualTo(Expect.REFUSED);
                if (edit.expect() == Expect.SAME_MEANING) {
                    assertThat(meaning(pack.load(), pack)).as(edit + " means what the default pack means").isEqualTo(baseline);
                }
            } else {
                counts[1]++;
                assertThat(edit.expect()).as(edit + " was refused: " + failure.getMessage()).isNotEqualTo(Expect.SAME_MEANING);
                assertProperRefusal(edit, pack, failure);
            }
        }
        StringBuilder summary = new StringBuilder("loaded/refused per kind:");
        outcomes.forEach((k, c) -> summary.append(' ').append(k).append('=').append(c[0]).append('/').append(c[1]));
        System.out.println(summary);
        // the generator reaches every kind, and every kind that must be refused was refused at least once
        assertThat(outcomes.keySet()).containsExactlyInAnyOrder(Kind.values());
    }

    /**
     * A refused reload changes nothing: a valid edit in the other directory made at the same time is not in force, the
     * problems are kept for the admin API and console, the log names them without a stack trace; once the broken file
     * is put right, both edits come in together.
     */
    @Test
    void aRefusedReloadLeavesThePolicyInForceWholeAcrossBothDirectories(CapturedOutput output) {
        Random random = new Random(SEED + 1);
        Map<String, String> files = files(TestPack.copyOfDefault(tmp.resolve("original")));
        int checked = 0;
        for (int round = 0; checked < 24 && round < 400; round++) {
            Edit edit = generate(round, random, files);
            if (edit.expect() != Expect.REFUSED) {
                continue;
            }
            checked++;
            TestPack pack = TestPack.copyOfDefault(tmp.resolve("reload-" + round));
            ActivePolicy policy = new ActivePolicy(new PolicyLoader(), pack.policies, pack.models);
            PolicySet before = policy.current();
            String brokenFile = edit.file();
            // valid edits in both directories, then the broken one on top
            pack.replace("policies/use-cases/brieven-opstellen.yaml", "content-retention-days: 7", "content-retention-days: 8");
            pack.replace("models-config/eu-groot.yaml", "response: 120s", "response: 90s");
            Map<String, String> valid = files(pack);
            edit.writes().forEach((file, content) -> pack.write(file, content.replace("content-retention-days: 7", "content-retention-days: 8")
                    .replace("response: 120s", "response: 90s")));

            Throwable failure = catchThrowable(policy::reload);
            assertThat(failure).as(edit.toString()).isInstanceOf(PolicyLoadException.class);
            assertThat(policy.current()).as(edit + ": the policy in force is the same snapshot").isSameAs(before);
            assertThat(policy.current().useCase("brieven-opstellen").orElseThrow().contentRetentionDays()).isEqualTo(7);
            assertThat(policy.current().catalog().find("eu-groot").orElseThrow().responseTimeout()).isEqualTo(Duration.ofSeconds(120));
            assertThat(policy.lastFailure()).as(edit.toString()).isNotNull();
            assertThat(policy.lastFailure().problems()).isEqualTo(((PolicyLoadException) failure).problems());
            assertThat(output.getAll()).contains("policy reload refused, policy " + before.version() + " stays in force");

            // put the broken file right (or remove the file the edit added): both valid edits come in at once
            for (String file : edit.writes().keySet()) {
                if (valid.containsKey(file)) {
                    pack.write(file, valid.get(file));
                } else {
                    pack.delete(file);
                }
            }
            PolicySet after = policy.reload();
            assertThat(policy.lastFailure()).isNull();
            assertThat(after.useCase("brieven-opstellen").orElseThrow().contentRetentionDays()).as(brokenFile).isEqualTo(8);
            assertThat(after.catalog().find("eu-groot").orElseThrow().responseTimeout()).isEqualTo(Duration.ofSeconds(90));
        }
        assertThat(checked).isEqualTo(24);
        assertThat(output.getAll()).doesNotContain("\tat nl.dijkwacht").doesNotContain("Exception:");
    }

    /** Spot checks that what loads means what it says: YAML 1.1's yes, YAML's own tags, a BOM with CRLF. */
    @Test
    void whatLoadsMeansWhatItSays() {
        TestPack pack = TestPack.copyOfDefault(tmp.resolve("meaning"));
        pack.write("policies/use-cases/brieven-opstellen.yaml", "\uFEFF" + pack.read("policies/use-cases/brieven-opstellen.yaml")
                        .replace("human-review-required: true", "human-review-required: yes")
                        .replace("content-retention-days: 7", "content-retention-days: !!int 14")
                        .replace("\n", "\r\n"))
                .replace("models-config/eu-groot.yaml", "upstream-model: mistral-large-latest", "upstream-model: !!str 2411");
        PolicySet set = pack.load();
        UseCasePolicy letters = set.useCase("brieven-opstellen").orElseThrow();
        assertThat(letters.humanReviewRequired()).isTrue();
        assertThat(letters.contentRetentionDays()).isEqualTo(14);
        assertThat(letters.disclaimer()).startsWith("Concept opgesteld met AI (model {model}).").doesNotContain("\r");
        assertThat(set.catalog().find("eu-groot").orElseThrow().upstreamModel()).isEqualTo("2411");
    }

    /**
     * review43: a file that ends in an empty document ({@code ---} and nothing after it, as some editors and generators
     * write it) loaded before policy27 and means nothing more than the file without it: it still loads, with the same
     * meaning; a second document with content after it is still refused.
     */
    @Test
    void aFileEndingInAnEmptyDocumentStillLoads() {
        TestPack pack = TestPack.copyOfDefault(tmp.resolve("trailing-document"));
        String tools = pack.read("policies/tools.yaml");
        pack.write("policies/tools.yaml", tools + "---\n");
        pack.write("models-config/eu-groot.yaml", pack.read("models-config/eu-groot.yaml") + "---\n# leeg\n...\n");
        PolicySet set = pack.load();
        PolicySet plain = TestPack.copyOfDefault(tmp.resolve("trailing-document-plain")).load();
        assertThat(set.tools().toString()).isEqualTo(plain.tools().toString());
        assertThat(set.catalog().find("eu-groot").orElseThrow().toString()).isEqualTo(plain.catalog().find("eu-groot").orElseThrow().toString());

        pack.write("policies/tools.yaml", tools + "---\n---\ntools: []\n");
        PolicyLoadException e = (PolicyLoadException) catchThrowable(pack::load);
        assertThat(e).isNotNull();
        assertThat(e.problems()).extracting(PolicyProblem::toString).anyMatch(p -> p.contains("tools.yaml") && p.contains("meer dan één YAML-document"));
    }

    /** An alias bomb is refused on its first alias without expanding anything. */
    @Test
    void anAliasBombIsRefusedWithoutBeingExpanded() {
        TestPack pack = TestPack.copyOfDefault(tmp.resolve("bomb"));
        pack.write("policies/use-cases/brieven-opstellen.yaml", aliasBomb(12) + pack.read("policies/use-cases/brieven-opstellen.yaml"));

        PolicyLoadException e = (PolicyLoadException) catchThrowable(pack::load);

        assertThat(e).isNotNull();
        // one problem per alias up to a cap, not 9^12 of them, and no tree with 9^12 nodes was built
        assertThat(e.problems()).hasSizeLessThanOrEqualTo(YamlStructure.MAX_PROBLEMS + 1);
        assertThat(e.problems().getFirst().toString()).endsWith("brieven-opstellen.yaml:2: 'lol1[0]': een verwijzing naar een anker (*lol0) "
                + "wordt niet ondersteund; schrijf de waarde voluit");
    }

    // ------------------------------------------------------------------ checks

    static void assertProperRefusal(Edit edit, TestPack pack, Throwable failure) {
        assertThat(failure).as(edit + ": " + failure).isInstanceOf(PolicyLoadException.class);
        List<PolicyProblem> problems = ((PolicyLoadException) failure).problems();
        assertThat(problems).as(edit.toString()).isNotEmpty();
        Path root = pack.policies.getParent();
        for (PolicyProblem p : problems) {
            assertThat(p.file()).as(edit + ": " + p).isNotNull();
            assertThat(p.file().startsWith(root)).as(edit + ": names a file of the pack: " + p).isTrue();
            assertThat(p.line()).as(edit + ": names the line: " + p).isPositive();
            assertThat(p.message()).as(edit + ": says what is wrong: " + p).isNotBlank();
            // what the administrator wrote may be quoted ('!!java.net.URL'); the rest is Dijkwacht's own words
            String ownWords = p.message().replaceAll("'[^']*'", "''");
            assertThat(NOT_FOR_PEOPLE.matcher(ownWords).find()).as(edit + ": Dutch, no Java text: " + p).isFalse();
            assertThat(p.toString()).startsWith(p.file() + ":" + p.line() + ": ");
        }
        assertThat(problems).as(edit + ": a problem names the edited file")
                .anySatisfy(p -> assertThat(p.file()).isEqualTo(root.resolve(edit.file())));
    }

    /**
     * What a policy means, as text: the tools, use-cases, models, governance and limits (records print their values;
     * compiled patterns print their source).
     */
    static String meaning(PolicySet set, TestPack pack) {
        String root = pack.policies.getParent().toString();
        StringBuilder out = new StringBuilder();
        new TreeMap<>(set.tools()).forEach((id, t) -> out.append(t).append('\n'));
        new TreeMap<>(set.useCases()).forEach((id, u) -> out.append(u).append('\n'));
        set.catalog().all().stream().map(String::valueOf).map(m -> m.replace(root, "<pack>")).sorted()
                .forEach(m -> out.append(m).append('\n'));
        out.append(set.governance()).append('\n').append(set.operators()).append('\n').append(set.limits());
        return out.toString();
    }

    // ------------------------------------------------------------------ the generator

    static Edit generate(int round, Random random, Map<String, String> files) {
        Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
        List<String> yamlFiles = new ArrayList<>(files.keySet());
        String file = yamlFiles.get(random.nextInt(yamlFiles.size()));
        String text = files.get(file);
        return switch (kind) {
            case DELETE_KEY -> treeEdit(round, kind, file, text, random, Expect.EITHER, (tree, r) -> {
                ObjectNode object = randomObject(tree, r);
                if (object == null || object.isEmpty()) {
                    return "nothing to delete";
                }
                String key = pick(r, fieldNames(object));
                object.remove(key);
                return "deleted " + key;
            });
            case OTHER_TYPE -> treeEdit(round, kind, file, text, random, Expect.EITHER, (tree, r) -> {
                ObjectNode object = randomObject(tree, r);
                if (object == null || object.isEmpty()) {
                    return "nothing to change";
                }
                String key = pick(r, fieldNames(object));
                JsonNode value = pick(r, List.of(JsonNodeFactory.instance.numberNode(7), JsonNodeFactory.instance.textNode("zeven"),
                        JsonNodeFactory.instance.booleanNode(true), JsonNodeFactory.instance.arrayNode(),
                        JsonNodeFactory.instance.objectNode().put("a", 1), JsonNodeFactory.instance.nullNode()));
                object.set(key, value);
                return key + " := " + value;
            });
            case UNKNOWN_KEY -> treeEdit(round, kind, file, text, random, Expect.EITHER, (tree, r) -> {
                ObjectNode object = randomObject(tree, r);
                if (object == null) {
                    return "no object";
                }
                String key = pick(r, List.of("onbekend-veld", "risk_class", "Models", "kommentaar"));
                object.put(key, "x");
                return "added " + key;
            });
            case EMPTY_LIST -> treeEdit(round, kind, file, text, random, Expect.EITHER, (tree, r) -> {
                List<String> arrays = new ArrayList<>();
                collect(tree, "", arrays, JsonNode::isArray);
                if (arrays.isEmpty()) {
                    return "no list";
                }
                String at = pick(r, arrays);
                ((ArrayNode) tree.at(at)).removeAll();
                return at + " := []";
            });
            case OUT_OF_RANGE -> {
                List<String> numbers = lines(text, "^\\s*[a-z-]+: -?[0-9][0-9.]*\\s*(#.*)?$");
                if (numbers.isEmpty()) {
                    yield textEdit(round, kind, file, text + "energy-wh-per-1k-tokens: 1e400\n", "appended 1e400", Expect.REFUSED);
                }
                String line = pick(random, numbers);
                String bad = pick(random, List.of("1e400", "-1e400", ".nan", ".inf", "-.inf", "99999999999999999999999", "-5"));
                String key = line.substring(0, line.indexOf(':') + 1);
                // a negative number may be a valid value somewhere (none is in the pack); the rest never are
                yield textEdit(round, kind, file, text.replace(line, key + " " + bad), key.strip() + " " + bad,
                        bad.equals("-5") ? Expect.EITHER : Expect.REFUSED);
            }
            case ODD_ID -> {
                if (!text.contains("id: ")) {
                    file = "policies/tools.yaml";
                    text = files.get(file);
                }
                List<String> ids = lines(text, "^\\s*(- )?id: .*$");
                String line = pick(random, ids);
                String odd = pick(random, List.of("brieven-öpstellen", "x".repeat(129), "model\u202egroot", "🦆", "ID-HOOFDLETTERS", ""));
                yield textEdit(round, kind, file, text.replace(line, line.substring(0, line.indexOf("id:") + 3) + " '" + odd + "'"),
                        "id '" + odd.substring(0, Math.min(10, odd.length())) + "'", Expect.REFUSED);
            }
            case DANGLING_REFERENCE -> dangling(round, random);
            case DUPLICATE_ID -> {
                String source = pick(random, yamlFiles.stream().filter(f -> f.startsWith("models-config/") || f.startsWith("policies/use-cases/")).toList());
                String copy = source.substring(0, source.lastIndexOf('/') + 1) + "zz-kopie.yaml";
                yield new Edit(round, kind, copy, "copy of " + source, Expect.REFUSED, Map.of(copy, files.get(source)));
            }
            case BAD_REGEX -> {
                String gov = files.get("policies/governance.yaml");
                List<String> patterns = lines(gov, "^\\s*- '.*'$");
                String line = pick(random, patterns);
                String bad = pick(random, List.of("(beslis", "[a-", "*uitkering", "ab\\", "(?<naam", "x{2,1}"));
                yield textEdit(round, kind, "policies/governance.yaml", gov.replace(line, line.substring(0, line.indexOf('\'')) + "'" + bad + "'"),
                        "pattern " + bad, Expect.REFUSED);
            }
            case ALIAS -> {
                // an anchored value used again through an alias, once as a value and once in a merge key
                String anchored = text.contains("\nid: ") ? text.replaceFirst("\nid: ", "\nid: &eigen ") : text.replaceFirst("\n  - id: ", "\n  - id: &eigen ");
                String alias = pick(random, List.of("description: *eigen\n", "x-basis: &basis {a: 1}\nx-gebruik:\n  <<: *basis\n"));
                yield textEdit(round, kind, file, anchored + alias, alias.strip(), Expect.REFUSED);
            }
            case ALIAS_BOMB -> textEdit(round, kind, file, aliasBomb(9) + text, "billion laughs", Expect.REFUSED);
            case TAG -> {
                String tag = pick(random, List.of("!!java.net.URL [\"http://127.0.0.1:9/\"]", "!!javax.script.ScriptEngineManager "
                        + "[!!java.net.URLClassLoader [[!!java.net.URL [\"http://127.0.0.1:9/\"]]]]", "!beleid waarde", "!!binary aGFsbG8="));
                List<String> scalars = lines(text, "^[a-z-]+: [A-Za-z].*$");
                String line = scalars.isEmpty() ? null : pick(random, scalars);
                String edited = line == null ? text.replaceFirst("\n", "\nx-tag: " + tag + "\n")
                        : text.replace(line, line.substring(0, line.indexOf(':') + 1) + " " + tag);
                yield textEdit(round, kind, file, edited, tag.substring(0, tag.indexOf(' ')), Expect.REFUSED);
            }
            case SECOND_DOCUMENT -> textEdit(round, kind, file, text + "---\n" + pick(random, List.of("id: tweede\n", "risk-class: high\n", "{}\n")),
                    "second document", Expect.REFUSED);
            case TAB -> {
                List<String> indented = lines(text, "^  +[a-zA-Z'-].*$");
                if (indented.isEmpty()) {
                    yield textEdit(round, kind, file, text.replaceFirst("\n", "\n\tx: 1\n"), "tab", Expect.REFUSED);
                }
                String line = pick(random, indented);
                yield textEdit(round, kind, file, text.replace(line, "\t" + line.stripLeading()), "tab-indented: " + line.strip(), Expect.REFUSED);
            }
            case BOM -> textEdit(round, kind, file, "\uFEFF" + text, "byte-order mark", Expect.SAME_MEANING);
            case CRLF -> textEdit(round, kind, file, text.replace("\n", "\r\n"), "CRLF", Expect.SAME_MEANING);
            case DUPLICATE_KEY -> {
                List<String> top = lines(text, "^[a-z-]+: .*$");
                if (top.isEmpty()) {
                    yield textEdit(round, kind, file, text.replaceFirst("\n  - id: ([^\n]*)\n", "\n  - id: $1\n    id: $1\n"), "id twice",
                            Expect.REFUSED);
                }
                String line = pick(random, top);
                yield textEdit(round, kind, file, text + line + "\n", line.substring(0, line.indexOf(':')) + " twice", Expect.REFUSED);
            }
        };
    }

    /** A reference to something the pack does not define, in the file that holds the reference. */
    static Edit dangling(int round, Random random) {
        record Ref(String file, String from, String to) {
        }
        List<Ref> refs = List.of(
                new Ref("policies/use-cases/brieven-opstellen.yaml", "models: [eu-groot, lokaal-klein, dry-run]", "models: [eu-groot, gpt-9, dry-run]"),
                new Ref("policies/use-cases/brieven-opstellen.yaml", "risk-class: limited", "risk-class: limited\nallowed:\n  tools: [word-addin]"),
                new Ref("policies/use-cases/brieven-opstellen.yaml", "risk-class: limited", "risk-class: limited\nforbidden-purposes: [waarzeggen]"),
                new Ref("policies/use-cases/brieven-opstellen.yaml", "risk-class: limited",
                        "risk-class: limited\ntasks:\n  samenvatten: [lokaal-groot]"),
                new Ref("policies/tools.yaml", "default-use-case: algemene-vragen", "default-use-case: alles-mag"),
                new Ref("policies/tools.yaml", "use-cases: [brieven-opstellen,", "use-cases: [vergunningen,"),
                new Ref("models-config/eu-groot.yaml", "fallbacks: [lokaal-klein, dry-run]", "fallbacks: [lokaal-groot, dry-run]"),
                new Ref("policies/limits.yaml", "    documenten-samenvatten:", "    samenvatten:"));
        Ref ref = refs.get(random.nextInt(refs.size()));
        String text = read(TestPack.DEFAULT_POLICIES.getParent().resolve(ref.file()));
        assertThat(text).as(ref.file()).contains(ref.from());
        return new Edit(round, Kind.DANGLING_REFERENCE, ref.file(), ref.to().replace('\n', ' '), Expect.REFUSED,
                Map.of(ref.file(), text.replace(ref.from(), ref.to())));
    }

    interface TreeChange {
        String apply(JsonNode tree, Random random);
    }

    static Edit treeEdit(int round, Kind kind, String file, String text, Random random, Expect expect, TreeChange change) {
        try {
            JsonNode tree = YAML.readTree(text);
            String what = change.apply(tree, random);
            return new Edit(round, kind, file, what, expect, Map.of(file, YAML.writeValueAsString(tree)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Edit textEdit(int round, Kind kind, String file, String text, String what, Expect expect) {
        return new Edit(round, kind, file, what, expect, Map.of(file, text));
    }

    /** {@code lol0: &lol0 [lol, ...]}, then each level nine aliases of the one before: 9^levels strings once expanded. */
    static String aliasBomb(int levels) {
        StringBuilder out = new StringBuilder("lol0: &lol0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i <= levels; i++) {
            out.append("lol").append(i).append(": &lol").append(i).append(" [");
            for (int j = 0; j < 9; j++) {
                out.append(j == 0 ? "" : ", ").append("*lol").append(i - 1);
            }
            out.append("]\n");
        }
        return out.toString();
    }

    static ObjectNode randomObject(JsonNode tree, Random random) {
        List<String> objects = new ArrayList<>();
        collect(tree, "", objects, JsonNode::isObject);
        return objects.isEmpty() ? null : (ObjectNode) tree.at(pick(random, objects));
    }

    static void collect(JsonNode node, String pointer, List<String> out, java.util.function.Predicate<JsonNode> which) {
        if (which.test(node)) {
            out.add(pointer);
        }
        if (node.isObject()) {
            node.properties().forEach(e -> collect(e.getValue(), pointer + "/" + e.getKey().replace("~", "~0").replace("/", "~1"), out, which));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), pointer + "/" + i, out, which);
            }
        }
    }

    static List<String> fieldNames(ObjectNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static List<String> lines(String text, String regex) {
        Pattern p = Pattern.compile(regex);
        return text.lines().filter(l -> p.matcher(l).matches()).toList();
    }

    static <T> T pick(Random random, List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    /** Every YAML file of the pack by its path under the pack root, in name order. */
    static Map<String, String> files(TestPack pack) {
        Path root = pack.policies.getParent();
        Map<String, String> out = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(p -> p.toString().endsWith(".yaml")).sorted()
                    .forEach(p -> out.put(root.relativize(p).toString().replace('\\', '/'), read(p)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
