package nl.dijkwacht.response;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.dijkwacht.catalog.ModelCatalog;
import nl.dijkwacht.catalog.ModelDefinition;
import nl.dijkwacht.catalog.ProviderKind;
import nl.dijkwacht.pii.anonymize.OperatorPolicy;
import nl.dijkwacht.pipeline.CallerHeaders;
import nl.dijkwacht.pipeline.Endpoint;
import nl.dijkwacht.pipeline.Exchange;
import nl.dijkwacht.policy.PolicySet;
import nl.dijkwacht.policy.UseCasePolicy;
import org.junit.jupiter.api.Test;

/**
 * The disclaimer is made once per request and model: asked again it is the same text, and after a fallback (another
 * model), another use-case or from another template it is made anew — always the text the template gives.
 */
class DisclaimerKeptTest {

    private static ModelDefinition model(String id) {
        return new ModelDefinition(id, null, ProviderKind.OPENAI_COMPATIBLE, URI.create("http://x"), id, null,
                Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1), true, id + ".yaml");
    }

    @Test
    void madeOncePerModelAndUseCase() {
        ModelDefinition first = model("eerste");
        ModelDefinition fallback = model("reserve");
        Exchange exchange = new Exchange("t-1", Endpoint.CHAT_COMPLETIONS, CallerHeaders.NONE,
                new PolicySet("v", Map.of(), Map.of(), new ModelCatalog(List.of(first, fallback)), List.of()));
        Disclaimer disclaimer = new Disclaimer("Gemaakt met AI (model {model}, {use_case}). Traceercode: {trace_id}");

        assertThat(disclaimer.plainFor(exchange)).isEqualTo("Gemaakt met AI (model ?, ?). Traceercode: t-1");
        exchange.model(first);
        String text = disclaimer.plainFor(exchange);
        assertThat(text).isEqualTo("Gemaakt met AI (model eerste, ?). Traceercode: t-1");
        assertThat(disclaimer.plainFor(exchange)).isSameAs(text);
        assertThat(disclaimer.textFor(exchange)).isEqualTo("\n\n---\n" + text);

        exchange.model(fallback);
        assertThat(disclaimer.plainFor(exchange)).isEqualTo("Gemaakt met AI (model reserve, ?). Traceercode: t-1");

        exchange.useCase(new UseCasePolicy("u", "p", List.of("eerste"), OperatorPolicy.pseudonymiseAll(), "Let op: {model} ({trace_id}) "));
        assertThat(disclaimer.plainFor(exchange)).isEqualTo("Let op: reserve (t-1)");
        assertThat(new Disclaimer("Ander: {model}").plainFor(exchange)).as("the use-case's template still").isEqualTo("Let op: reserve (t-1)");

        exchange.useCase(new UseCasePolicy("v", "p", List.of("eerste"), OperatorPolicy.pseudonymiseAll(), null));
        assertThat(disclaimer.plainFor(exchange)).isEqualTo("Gemaakt met AI (model reserve, v). Traceercode: t-1");
        assertThat(new Disclaimer("Ander: {model}").plainFor(exchange)).as("another fallback template").isEqualTo("Ander: reserve");
        assertThat(new Disclaimer(" ").plainFor(exchange)).isEmpty();
    }
}
