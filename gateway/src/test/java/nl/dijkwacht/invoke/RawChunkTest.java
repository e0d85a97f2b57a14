package nl.dijkwacht.invoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Which upstream events may reach the tool as their bytes: plain text for choice 0, and nothing a step reads. */
class RawChunkTest {

    private final ObjectMapper json = new ObjectMapper();

    private static final String HEAD = "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"system_fingerprint\":\"fp\",";

    private RawChunk chunk(String text) {
        byte[] bytes = (text + "trailing bytes of the relay's buffer").getBytes(StandardCharsets.UTF_8);
        return new RawChunk(bytes, text.getBytes(StandardCharsets.UTF_8).length, json);
    }

    private String plain(String text) {
        return chunk(text).plainContent();
    }

    @Test
    void aTextEventAsProvidersSendItIsPlain() {
        assertThat(plain(HEAD + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\" Beste\"},\"logprobs\":null,\"finish_reason\":null}]}"))
                .isEqualTo(" Beste");
        assertThat(plain(HEAD + "\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null},"
                + "\"logprobs\":null,\"finish_reason\":null}],\"usage\":null,\"obfuscation\":\"x\"}")).isEmpty();
        assertThat(plain("{\"choices\":[{\"delta\":{\"content\":\"caf\\u00e9 \\\"x\\\"\\n\"},\"index\":0}]}")).isEqualTo("café \"x\"\n");
        assertThat(plain("{\"choices\":[{\"index\":0,\"delta\":{\"content\":null}}]}")).isEmpty();
        assertThat(plain("{\"choices\":[{\"index\":0}]}")).isEmpty();
        assertThat(plain("{ \"choices\" : [ { \"index\" : 0 , \"delta\" : { \"content\" : \"a\" } } ] } ")).isEqualTo("a");
    }

    @Test
    void everythingAStepReadsOrChangesIsNotPlain() {
        String[] notPlain = {
            HEAD + "\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}",
            HEAD + "\"choices\":[],\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":2}}",
            HEAD + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"}}],\"usage\":{\"prompt_tokens\":1}}",
            HEAD + "\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{\"}}]}}]}",
            HEAD + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\",\"annotations\":[]}}]}",
            HEAD + "\"citations\":[\"https://x\"],\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"}}]}",
            "{\"error\":{\"message\":\"overloaded\"}}",
            HEAD + "\"choices\":[{\"index\":1,\"delta\":{\"content\":\"a\"}}]}",
            HEAD + "\"choices\":[{\"delta\":{\"content\":\"a\"}}]}",
            HEAD + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"}},{\"index\":1,\"delta\":{\"content\":\"b\"}}]}",
            HEAD + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"}}],\"choices\":[]}",
            HEAD + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\",\"content\":\"b\"}}]}",
            HEAD + "\"choices\":[{\"index\":0,\"delta\":{\"content\":7}}]}",
            HEAD + "\"choices\":[{\"index\":0,\"delta\":\"a\"}]}",
            HEAD + "\"choices\":{}}",
            "{\"id\":\"c\"}",
            "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"}}]}\n",
            "{\"choices\":[{\"index\":0,\n\"delta\":{\"content\":\"a\"}}]}",
            "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"}}]} {}",
            "[1]",
            "not json",
            "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"",
        };
        for (String event : notPlain) {
            assertThat(plain(event)).as(event).isNull();
        }
    }

    @Test
    void theTreeIsParsedOnceAndWhatIsNotAnObjectIsMalformed() {
        RawChunk chunk = chunk(HEAD + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"}}]}");
        assertThat(chunk.tree()).isSameAs(chunk.tree());
        assertThat(chunk.tree().at("/choices/0/delta/content").asText()).isEqualTo("a");

        assertThatThrownBy(() -> chunk("not json").tree()).isInstanceOfSatisfying(UpstreamException.class,
                e -> assertThat(e.kind()).isEqualTo(UpstreamException.Kind.MALFORMED));
        assertThatThrownBy(() -> chunk("[1]").tree()).isInstanceOfSatisfying(UpstreamException.class,
                e -> assertThat(e.kind()).isEqualTo(UpstreamException.Kind.MALFORMED));
    }
}
