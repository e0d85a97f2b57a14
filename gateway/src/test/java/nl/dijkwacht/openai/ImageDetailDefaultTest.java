package nl.dijkwacht.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A Responses {@code input_image} without {@code detail} is what OpenAI's own examples send (the API reads it as
 * {@code auto}); the OpenAPI description calls the field required. The gateway accepts it, and still refuses a
 * {@code detail} that is not one of the API's values.
 */
class ImageDetailDefaultTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static RequestSchema schema;

    @BeforeAll
    static void load() {
        schema = new RequestSchema(JSON);
    }

    private static String withImage(String image) {
        return "{\"model\":\"m\",\"input\":[{\"role\":\"user\",\"content\":[{\"type\":\"input_text\",\"text\":\"Wat staat hierop?\"},"
                + image + "]}]}";
    }

    @Test
    void anImageWithoutDetailIsAccepted() throws Exception {
        var body = JSON.readTree(withImage("{\"type\":\"input_image\",\"image_url\":\"https://example.org/a.png\"}"));

        assertThat(schema.check(RequestSchema.Operation.RESPONSES, body)).isEmpty();
    }

    @Test
    void anImageWithAnUnknownDetailIsStillRefusedInDutch() throws Exception {
        var body = JSON.readTree(withImage("{\"type\":\"input_image\",\"image_url\":\"https://example.org/a.png\",\"detail\":\"scherp\"}"));

        var problem = schema.check(RequestSchema.Operation.RESPONSES, body);

        assertThat(problem).isPresent();
        assertThat(problem.get().field()).endsWith("detail");
        assertThat(problem.get().message()).doesNotContain("scherp");
    }

    @Test
    void otherRequiredFieldsOfTheImageStayRequired() throws Exception {
        var body = JSON.readTree(withImage("{\"image_url\":\"https://example.org/a.png\"}"));

        assertThat(schema.check(RequestSchema.Operation.RESPONSES, body)).isPresent();
    }
}
