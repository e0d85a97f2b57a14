package nl.dijkwacht.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** How one request body is sorted by the field tables: texts, identifiers, user fields, attachments, unknown fields. */
class GovernedFieldsTest {

    private final ObjectMapper json = new ObjectMapper();

    private ObjectNode body(String text) throws Exception {
        return (ObjectNode) json.readTree(text);
    }

    @Test
    void aResponsesApiConversationIsGovernedFieldByField() throws Exception {
        ObjectNode body = body("""
                {"model":"m","instructions":"Schrijf formeel.","user":"u-1","metadata":{"zaak":"Z-1"},
                 "input":[{"role":"user","content":[{"type":"input_text","text":"Brief aan jan@example.nl"},
                                                    {"type":"input_image","image_url":"data:image/png;base64,AAAA"}]},
                          {"type":"function_call","call_id":"call_1","name":"zoek","arguments":"{\\"q\\":\\"x\\"}"},
                          {"type":"function_call_output","call_id":"call_1","output":"gevonden"}],
                 "tools":[{"type":"function","name":"zoek","description":"Zoek een dossier","parameters":{"type":"object",
                           "properties":{"q":{"type":"string","description":"zoekterm"}}}}],
                 "text":{"format":{"type":"json_schema","name":"brief","schema":{"type":"object"}}}}
                """);

        GovernedFields fields = GovernedFields.of(body, RequestFields.RESPONSES);

        assertThat(fields.unknownField()).isNull();
        assertThat(fields.texts()).extracting(TextSlot::path).contains("instructions", "input[0].content[0].text",
                "input[1].arguments", "input[2].output", "tools[0].description", "tools[0].parameters.properties.….description",
                "metadata.…");
        assertThat(fields.identifiers()).extracting(GovernedFields.Identifier::path)
                .contains("input[1].call_id", "input[1].name", "tools[0].name", "text.format.name", "tools[0].parameters.properties.…");
        assertThat(fields.pseudonyms()).extracting(TextSlot::path).containsExactly("user");
        assertThat(fields.attachments()).extracting(Attachment::kind).containsExactly(Attachment.Kind.IMAGE);
    }

    /**
     * A schema's keys are strings the model reads too: those that are no JSON Schema keyword (a tool's own annotation,
     * an extension) are identifiers, scanned like property names (parse28: they reached the model unscanned).
     */
    @Test
    void schemaKeysThatAreNoKeywordAreIdentifiers() throws Exception {
        ObjectNode body = body("""
                {"model":"m","messages":[{"role":"user","content":"hoi"}],
                 "tools":[{"type":"function","function":{"name":"zoek","parameters":{"type":"object","x-notitie":true,
                           "BSN 111222333":{},"properties":{"q":{"type":"string","Description":"d","items":{"x-mail":1}}}}}}],
                 "response_format":{"type":"json_schema","json_schema":{"name":"a","schema":{"type":"object","jan@example.nl":{}}}}}
                """);

        GovernedFields fields = GovernedFields.of(body, RequestFields.CHAT_COMPLETIONS);

        assertThat(fields.identifiers()).extracting(GovernedFields.Identifier::value)
                .contains("x-notitie", "BSN 111222333", "q", "Description", "x-mail", "jan@example.nl")
                .doesNotContain("type", "properties", "items", "description")
                .as("the value of an unknown keyword stays an identifier").contains("d");
    }

    /**
     * A schema's example data is text, its whole numbers too (review44: a BSN as {@code "enum": [111222333]} went out
     * unscanned; floats that are whole numbers read as their digits, as json28 reads them in answers); fractions, booleans and a keyword's own number ({@code minimum}) are not.
     */
    @Test
    void wholeNumbersInASchemasExampleDataAreText() throws Exception {
        ObjectNode body = body("""
                {"model":"m","messages":[{"role":"user","content":"hoi"}],
                 "tools":[{"type":"function","function":{"name":"zoek","parameters":{"type":"object","properties":{
                   "a":{"type":"integer","enum":[111222333,"x",1.5,true,555666777.0,6.66777888E8],"minimum":7},
                   "b":{"const":222333444,"default":{"k":333444555},"examples":[[444555666]]}}}}}]}
                """);

        GovernedFields fields = GovernedFields.of(body, RequestFields.CHAT_COMPLETIONS);

        assertThat(fields.texts()).extracting(TextSlot::get)
                .contains("111222333", "x", "222333444", "333444555", "444555666")
                .as("a float that is a whole number, as its digits").contains("555666777", "666777888")
                .doesNotContain("1.5", "true", "7");
        TextSlot number = fields.texts().stream().filter(t -> t.get().equals("111222333")).findFirst().orElseThrow();
        number.set("[BSN]");
        assertThat(body.at("/tools/0/function/parameters/properties/a/enum/0").asText()).as("written back as a string").isEqualTo("[BSN]");
    }

    @Test
    void stateKeptAtTheProviderIsNotGoverned() throws Exception {
        assertThat(GovernedFields.of(body("{\"model\":\"m\",\"input\":\"x\",\"previous_response_id\":\"resp_1\"}"),
                RequestFields.RESPONSES).unknownField()).isEqualTo("previous_response_id");
    }

    @Test
    void chatFieldsAreFoundWhereverTheyAre() throws Exception {
        ObjectNode body = body("""
                {"model":"m","messages":[{"role":"user","name":"Jan_Jansen","content":"hoi"}],"stop":["a","b"],
                 "prompt_cache_key":"k","safety_identifier":"s","tool_choice":"auto","logit_bias":{"12":5}}
                """);

        GovernedFields fields = GovernedFields.of(body, RequestFields.CHAT_COMPLETIONS);

        assertThat(fields.unknownField()).isNull();
        assertThat(fields.texts()).extracting(TextSlot::path).containsExactly("messages[0].name", "messages[0].content", "stop[0]", "stop[1]");
        assertThat(fields.texts().getFirst().kind()).isEqualTo(FieldKind.PARTICIPANT);
        assertThat(fields.keyedHashes()).extracting(TextSlot::path).containsExactly("prompt_cache_key");
        assertThat(fields.pseudonyms()).extracting(TextSlot::path).containsExactly("safety_identifier");
    }
}
