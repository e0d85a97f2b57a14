package nl.dijkwacht.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ParamPathTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void readsEachProvidersWayOfWritingAPath() throws Exception {
        assertThat(ParamPath.parse("temperature")).isEqualTo(new ParamPath("temperature", ""));
        assertThat(ParamPath.parse("messages[1].content")).hasToString("messages[1].content");
        assertThat(ParamPath.parse("'messages.[0].content'")).hasToString("messages[0].content");
        assertThat(ParamPath.parse("messages.0.content")).hasToString("messages[0].content");
        assertThat(ParamPath.ofLocation(JSON.readTree("[\"body\",\"messages\",0,\"user\",\"name\"]")))
                .isEqualTo(new ParamPath("messages", "[0].user.name"));
    }

    @Test
    void aSentenceOrAValueIsNoParameter() {
        assertThat(ParamPath.parse("prompt is too long")).isNull();
        assertThat(ParamPath.parse("100000 > 64000")).isNull();
        assertThat(ParamPath.parse("")).isNull();
        assertThat(ParamPath.parse(null)).isNull();
        assertThat(ParamPath.parse("a".repeat(250))).isNull();
    }

    @Test
    void aNameBelowTheTopLevelThatTheToolChoseIsNotRepeated() {
        // a JSON schema's property names are the tool's own words (they may be a surname or a BSN)
        assertThat(ParamPath.parse("response_format.json_schema.schema.properties.jan_jansen"))
                .hasToString("response_format.json_schema.schema.properties.…");
    }

    @Test
    void countsOnlyWhenTheRequestHasItsTopLevelField() throws Exception {
        var request = JSON.readTree("{\"model\":\"x\",\"seed\":3,\"random_seed\":4}");
        assertThat(ParamPath.parse("seed").sentIn(request)).hasToString("seed");
        assertThat(ParamPath.parse("temperature").sentIn(request)).isNull();
        // present, but not an OpenAI field name: never shown
        assertThat(ParamPath.parse("random_seed").sentIn(request)).isNull();
    }
}
