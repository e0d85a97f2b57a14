package nl.dijkwacht.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@link ChatRequest#fields} keeps its walk of the body: after every rewrite through a slot, and after the gateway's own
 * metadata was taken out, the kept walk says exactly what a new walk of the body as it is then says (every list, path,
 * kind and value, the unknown field), on generated requests.
 */
class KeptFieldsTest {

    private final ObjectMapper json = new ObjectMapper();

    private static final String[] CONTENTS = {
        "\"hoi\"", "\"\"", "null",
        "[{\"type\":\"text\",\"text\":\"deel een\"},{\"type\":\"text\",\"text\":\"deel twee\"}]",
        "[{\"type\":\"text\",\"text\":\"kijk\"},{\"type\":\"image_url\",\"image_url\":{\"url\":\"data:image/png;base64,AAAA\"}}]",
    };
    private static final String[] EXTRAS = {
        "", ",\"user\":\"u-1\"", ",\"prompt_cache_key\":\"k-1\"", ",\"safety_identifier\":\"s\"", ",\"stop\":[\"a\",\"b\"]",
        ",\"metadata\":{\"zaak\":\"Z-1\",\"dw_sources\":\"a,b\",\"dw_template\":\"t\"}", ",\"metadata\":{\"dw_sources\":\"a\"}",
        ",\"metadata\":{\"zaak\":\"Z-1\"}",
        ",\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"zoek\",\"description\":\"Zoek een dossier\","
                + "\"parameters\":{\"type\":\"object\",\"properties\":{\"q\":{\"type\":\"string\",\"description\":\"term\","
                + "\"enum\":[\"x\",\"y\"]}}}}}]",
        ",\"onbekend\":1",
    };

    @Test
    void theKeptWalkIsANewWalkAfterEveryRewriteThroughASlot() throws Exception {
        Random random = new Random(24);
        int compared = 0;
        for (int n = 0; n < 2_000; n++) {
            ChatRequest request = new ChatRequest(body(random), RequestFields.CHAT_COMPLETIONS);
            assertSame(request);
            if (random.nextBoolean()) {
                request.takeGatewayMetadata();
                assertSame(request);
            }
            GovernedFields kept = request.fields();
            for (int step = 0; step < 4; step++) {
                List<TextSlot> slots = switch (random.nextInt(3)) {
                    case 0 -> kept.texts();
                    case 1 -> kept.pseudonyms();
                    default -> kept.keyedHashes();
                };
                for (TextSlot slot : slots) {
                    if (random.nextInt(3) > 0) {
                        slot.set(slot.get() + " [" + random.nextInt(1_000) + "]");
                    }
                }
                assertSame(request);
                compared++;
            }
            request.takeGatewayMetadata();
            assertSame(request);
        }
        assertThat(compared).isEqualTo(8_000);
    }

    @Test
    void takingTheGatewaysMetadataOutIsSeenByTheNextWalk() throws Exception {
        ChatRequest request = new ChatRequest((ObjectNode) json.readTree("""
                {"model":"m","messages":[{"role":"user","content":"hoi"}],"metadata":{"zaak":"Z-1","dw_sources":"a"}}
                """), RequestFields.CHAT_COMPLETIONS);
        assertThat(request.fields().metadata()).extracting(GovernedFields.MetadataEntry::key).containsExactly("zaak", "dw_sources");

        request.takeGatewayMetadata();

        assertThat(request.fields().metadata()).extracting(GovernedFields.MetadataEntry::key).containsExactly("zaak");
        assertThat(request.gatewayMetadata("dw_sources")).contains("a");
    }

    @Test
    void aFieldRemovedOutsideTheSlotsIsSeenAfterFieldsChanged() throws Exception {
        ChatRequest request = new ChatRequest((ObjectNode) json.readTree("""
                {"model":"m","messages":[{"role":"user","content":"hoi"}],"metadata":{"zaak":"Z-1"}}
                """), RequestFields.CHAT_COMPLETIONS);
        assertThat(request.fields()).isSameAs(request.fields());

        request.body().remove("metadata");
        request.fieldsChanged();

        assertSame(request);
        assertThat(request.fields().metadata()).isEmpty();
    }

    private ObjectNode body(Random random) throws Exception {
        StringBuilder messages = new StringBuilder("[{\"role\":\"system\",\"content\":\"Wees kort.\"}");
        for (int i = 0, turns = 1 + random.nextInt(3); i < turns; i++) {
            messages.append(",{\"role\":\"user\"").append(random.nextInt(4) == 0 ? ",\"name\":\"Jan_Jansen\"" : "")
                    .append(",\"content\":").append(CONTENTS[random.nextInt(CONTENTS.length)]).append('}');
        }
        messages.append(']');
        StringBuilder extras = new StringBuilder();
        for (int i = 0, k = random.nextInt(4); i < k; i++) {
            String extra = EXTRAS[random.nextInt(EXTRAS.length)];
            String name = extra.isEmpty() ? "" : extra.substring(2, extra.indexOf('"', 2));
            if (!name.isEmpty() && extras.indexOf("\"" + name + "\"") < 0) {
                extras.append(extra);
            }
        }
        return (ObjectNode) json.readTree("{\"model\":\"m\",\"messages\":" + messages + extras + "}");
    }

    /** The kept walk against a new one of the body as it is now: every list and value. */
    private static void assertSame(ChatRequest request) {
        assertThat(describe(request.fields())).isEqualTo(describe(GovernedFields.of(request.body(), request.table())));
    }

    private static String describe(GovernedFields fields) {
        return String.join("\n",
                "texts " + slots(fields.texts()),
                "identifiers " + fields.identifiers().stream().map(i -> i.path() + "=" + i.value()).collect(Collectors.joining("|")),
                "pseudonyms " + slots(fields.pseudonyms()),
                "hashes " + slots(fields.keyedHashes()),
                "metadata " + fields.metadata().stream().map(m -> m.key() + "@" + m.path() + "=" + m.owner().get(m.key()))
                        .collect(Collectors.joining("|")),
                "attachments " + fields.attachments().stream().map(a -> a.path() + ":" + a.kind() + ":" + a.form())
                        .collect(Collectors.joining("|")),
                "unknown " + fields.unknownField());
    }

    private static String slots(List<TextSlot> slots) {
        return slots.stream().map(s -> s.path() + ":" + s.kind() + "=" + s.get()).collect(Collectors.joining("|"));
    }
}
