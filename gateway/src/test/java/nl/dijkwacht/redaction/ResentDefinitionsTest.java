package nl.dijkwacht.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.dijkwacht.catalog.ModelCatalog;
import nl.dijkwacht.openai.ChatRequest;
import nl.dijkwacht.pii.PiiEngine;
import nl.dijkwacht.pii.RepeatedTexts;
import nl.dijkwacht.pii.anonymize.Anonymizer;
import nl.dijkwacht.pii.anonymize.OperatorPolicy;
import nl.dijkwacht.pipeline.CallerHeaders;
import nl.dijkwacht.pipeline.Endpoint;
import nl.dijkwacht.pipeline.Exchange;
import nl.dijkwacht.pipeline.Outcome;
import nl.dijkwacht.policy.PolicySet;
import nl.dijkwacht.policy.UseCasePolicy;
import org.junit.jupiter.api.Test;

/** Tool definitions and the answer's schema, resent with every request, are rewritten (or refused) the same with the repeats' findings kept. */
class ResentDefinitionsTest {

    private static final String TOOLS = """
            {"model":"m","messages":[{"role":"system","content":"Je helpt medewerkers van de gemeente Utrecht."},
              {"role":"user","content":"Maak een afspraak voor mevrouw De Vries, ze is bereikbaar op 06-12345678."}],
             "tools":[{"type":"function","function":{"name":"maak_afspraak",
                "description":"Plant een afspraak bij het loket. Vragen over de planning gaan naar Jan Jansen (jan.jansen@example.nl).",
                "parameters":{"type":"object","properties":{
                  "datum":{"type":"string","description":"De datum, bijvoorbeeld 14 maart."},
                  "locatie":{"type":"string","enum":["Stadskantoor, Stadsplateau 1","Dorpsstraat 12 in Utrecht"]},
                  "contact":{"type":"string","description":"Telefoon of e-mail, bijvoorbeeld piet.de.boer@example.nl"}},
                  "required":["datum"]}}}],
             "response_format":{"type":"json_schema","json_schema":{"name":"afspraak",
                "description":"Bevestiging voor NL91ABNA0417164300","schema":{"type":"object"}}}}
            """;

    /** A parameter named after a person's BSN: an identifier the gateway cannot rewrite, so the request is refused. */
    private static final String TOOL_WITH_PERSONAL_NAME = """
            {"model":"m","messages":[{"role":"user","content":"Zoek het dossier op."}],
             "tools":[{"type":"function","function":{"name":"zoek_dossier","parameters":{"type":"object",
                "properties":{"burger_111222333":{"type":"string"}}}}}]}
            """;

    @Test
    void onlyDefinitionsAreResent() {
        assertThat(ResentDefinitions.contains("tools[0].function.description")).isTrue();
        assertThat(ResentDefinitions.contains("tools[3].function.parameters.properties.datum.description")).isTrue();
        assertThat(ResentDefinitions.contains("functions[0].description")).isTrue();
        assertThat(ResentDefinitions.contains("response_format.json_schema.description")).isTrue();
        assertThat(ResentDefinitions.contains("messages[0].content")).isFalse();
        assertThat(ResentDefinitions.contains("tool_choice.function.name")).isFalse();
        assertThat(ResentDefinitions.contains("metadata.tools")).isFalse();
    }

    /** Each body sent three times (an agent resends its tools with every request): outgoing bodies, counts, outcomes. */
    private static List<String> send(RedactPersonalDataStep step, String body) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<String> out = new ArrayList<>();
        for (int repeat = 0; repeat < 3; repeat++) {
            ObjectNode request = (ObjectNode) json.readTree(body);
            Exchange exchange = new Exchange("trace-" + repeat, Endpoint.CHAT_COMPLETIONS, CallerHeaders.NONE,
                    new PolicySet("v1", Map.of(), Map.of(), new ModelCatalog(List.of()), List.of()));
            exchange.request(new ChatRequest(request));
            exchange.useCase(new UseCasePolicy("u", "test", List.of("m"), OperatorPolicy.pseudonymiseAll(), null));
            Outcome outcome = step.apply(exchange);
            out.add(outcome + " " + request + " " + exchange.entityCounts());
        }
        return out;
    }

    @Test
    void toolDefinitionsAreRewrittenAsWithoutTheCache() throws Exception {
        PiiEngine engine = PiiEngine.dutchDefault();
        Anonymizer anonymizer = new Anonymizer(new byte[32]);
        RedactPersonalDataStep without = new RedactPersonalDataStep(engine, new RepeatedTexts(engine, 0), anonymizer);
        RedactPersonalDataStep with = new RedactPersonalDataStep(engine, new RepeatedTexts(engine, 64), anonymizer);

        List<String> rewritten = send(with, TOOLS);
        assertThat(rewritten).isEqualTo(send(without, TOOLS));
        assertThat(rewritten).allSatisfy(r -> assertThat(r).startsWith("Rewrite[").doesNotContain("Jan Jansen")
                .doesNotContain("jan.jansen@example.nl").doesNotContain("NL91ABNA0417164300").doesNotContain("piet.de.boer"));

        List<String> refused = send(with, TOOL_WITH_PERSONAL_NAME);
        assertThat(refused).isEqualTo(send(without, TOOL_WITH_PERSONAL_NAME));
        assertThat(refused).allSatisfy(r -> assertThat(r).startsWith("Deny[").contains("pii:identifier:BSN"));
    }
}
