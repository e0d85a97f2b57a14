package nl.dijkwacht.config;

import java.time.Clock;
import nl.dijkwacht.identity.CallerAuthenticator;
import nl.dijkwacht.policy.AiLiteracyStep;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.List;
import nl.dijkwacht.audit.Pseudonymizer;
import nl.dijkwacht.invoke.AnthropicClient;
import nl.dijkwacht.invoke.DryRunClient;
import nl.dijkwacht.invoke.IdleWatchdog;
import nl.dijkwacht.invoke.ModelClients;
import nl.dijkwacht.invoke.OpenAiCompatibleClient;
import nl.dijkwacht.invoke.TokenCounter;
import nl.dijkwacht.limits.RequestRateStep;
import nl.dijkwacht.limits.TokenBudgetStep;
import nl.dijkwacht.openai.ParseRequestStep;
import nl.dijkwacht.openai.RequestSchema;
import nl.dijkwacht.openai.WireFormat;
import nl.dijkwacht.pii.anonymize.Anonymizer;
import nl.dijkwacht.pii.PiiEngine;
import nl.dijkwacht.pii.RepeatedTexts;
import nl.dijkwacht.pipeline.RequestPipeline;
import nl.dijkwacht.policy.ActivePolicy;
import nl.dijkwacht.policy.PolicyLoader;
import nl.dijkwacht.purpose.PurposeGuardStep;
import nl.dijkwacht.policy.ResolveUseCaseStep;
import nl.dijkwacht.redaction.AttachmentsStep;
import nl.dijkwacht.redaction.GovernFieldsStep;
import nl.dijkwacht.redaction.RedactPersonalDataStep;
import nl.dijkwacht.response.Disclaimer;
import nl.dijkwacht.response.OutputScan;
import nl.dijkwacht.response.HeldArguments;
import nl.dijkwacht.response.ReplyRewriter;
import nl.dijkwacht.routing.ResolveModelStep;
import nl.dijkwacht.routing.SensitivityRoutingStep;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the request path: every policy step and model client is created once, here (audit: AuditConfiguration). */
@Configuration(proxyBeanMethods = false)
public class GatewayConfiguration {

    /** Jackson buffer sets kept for reuse: more than the requests that parse or write at the same moment on two cores. */
    static final int JSON_BUFFER_SETS = 64;

    /**
     * Jackson's parse and write buffers come from a pool shared by all threads. Its default pool keeps them per
     * thread, and every request runs on a new virtual thread: each read and write of a request allocated fresh
     * buffers (the upstream body's writer alone 8 KB + 4 KB). Bounded, so a burst of open streams leaves at most
     * {@value #JSON_BUFFER_SETS} sets behind.
     */
    @Bean
    ObjectMapper dijkwachtJson() {
        return new ObjectMapper(JsonFactory.builder().recyclerPool(JsonRecyclerPools.newBoundedPool(JSON_BUFFER_SETS)).build())
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    @Bean
    @Qualifier("secretKey")
    byte[] dijkwachtSecretKey(DijkwachtProperties properties) {
        return SecretKeys.load(properties);
    }

    @Bean
    ActivePolicy activePolicy(DijkwachtProperties properties) {
        return new ActivePolicy(new PolicyLoader(), properties.policiesDir(), properties.modelsDir());
    }

    /** The Dutch PII engine, names included; loaded once at start-up (a missing model stops the start). */
    @Bean
    PiiEngine piiEngine(PiiProperties pii) {
        return PiiEngine.dutch(pii.nameWindowSlots());
    }

    @Bean
    Anonymizer anonymizer(@Qualifier("secretKey") byte[] secretKey) {
        return new Anonymizer(secretKey);
    }

    /** The OpenAI request schemas (loaded once: a few hundred definitions). */
    @Bean
    RequestSchema requestSchema(ObjectMapper dijkwachtJson) {
        return new RequestSchema(dijkwachtJson);
    }

    /** The strict reading of every OpenAI request body, before translation and before the pipeline. */
    @Bean
    WireFormat wireFormat(ObjectMapper dijkwachtJson, RequestSchema requestSchema) {
        return new WireFormat(dijkwachtJson, requestSchema);
    }

    /**
     * Order matters: the AI-literacy gate and the rate limit know the use-case; the purpose guard reads the parsed text; sensitivity routing
     * ("route") needs the PII findings; provider storage ("storage") is judged on the model routing chose; the token budget comes last, when the model and the outgoing text are final.
     * Authentication is not a step: the route's filter verified the caller before the exchange was opened.
     */
    @Bean
    RequestPipeline requestPipeline(WireFormat wireFormat, PiiEngine piiEngine, PiiProperties pii,
                                    Anonymizer anonymizer, ResolveUseCaseStep useCase, RequestRateStep rateLimit,
                                    PurposeGuardStep purpose, ResolveModelStep model, SensitivityRoutingStep route,
                                    TokenBudgetStep tokenBudget, Pseudonymizer pseudonymizer,
                                    @Qualifier("secretKey") byte[] secretKey, PipelineProperties pipeline) {
        return new RequestPipeline(List.of(
                new ParseRequestStep(wireFormat),
                useCase,
                new AiLiteracyStep(pseudonymizer::pseudonym, CallerAuthenticator::sha256, Clock.systemDefaultZone()),
                rateLimit,
                new GovernFieldsStep(pseudonymizer, secretKey),
                new AttachmentsStep(),
                purpose,
                model,
                new RedactPersonalDataStep(piiEngine, new RepeatedTexts(piiEngine, pii.repeatedTextSlots()), anonymizer),
                route,
                new nl.dijkwacht.routing.ProviderStorageStep(),
                tokenBudget), pipeline.startAhead() ? Runtime.getRuntime().availableProcessors() : 1, // off: as on one core
                new nl.dijkwacht.pipeline.AheadThreads(Runtime.getRuntime().availableProcessors() - 1));
    }

    @Bean(destroyMethod = "close")
    IdleWatchdog idleWatchdog() {
        return new IdleWatchdog();
    }

    @Bean(destroyMethod = "close")
    OpenAiCompatibleClient openAiCompatibleClient(ObjectMapper dijkwachtJson, IdleWatchdog watchdog) {
        return new OpenAiCompatibleClient(dijkwachtJson, watchdog);
    }

    @Bean
    ModelClients modelClients(ObjectMapper dijkwachtJson, OpenAiCompatibleClient openAiCompatibleClient) {
        return new ModelClients(List.of(
                openAiCompatibleClient,
                new AnthropicClient(dijkwachtJson),
                new DryRunClient(dijkwachtJson, new TokenCounter())));
    }

    @Bean
    Disclaimer disclaimer(DijkwachtProperties properties) {
        return new Disclaimer(properties.disclaimer());
    }

    /** Streamed tool-call arguments held over all streams of this replica, against one bound (leftover45). */
    @Bean
    HeldArguments heldToolArguments(DijkwachtProperties properties, io.micrometer.core.instrument.MeterRegistry registry) {
        HeldArguments held = new HeldArguments(properties.maxHeldToolArgumentsTotal());
        io.micrometer.core.instrument.Gauge.builder("dijkwacht.stream.held.tool.arguments", held, HeldArguments::held)
                .description("Characters of streamed tool-call arguments this replica holds now, over all streams "
                        + "(bound: dijkwacht.max-held-tool-arguments-total)")
                .register(registry);
        return held;
    }

    @Bean
    ReplyRewriter replyRewriter(Disclaimer disclaimer, PiiEngine piiEngine, Anonymizer anonymizer, ObjectMapper dijkwachtJson,
                                DijkwachtProperties properties, HeldArguments heldToolArguments) {
        return new ReplyRewriter(disclaimer, new OutputScan(piiEngine, anonymizer), dijkwachtJson, properties.maxHeldToolArguments(),
                heldToolArguments);
    }
}
