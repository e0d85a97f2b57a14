package nl.dijkwacht.config;

import java.time.Clock;
import nl.dijkwacht.policy.ActivePolicy;
import nl.dijkwacht.policy.JdbcSuspensionStore;
import nl.dijkwacht.policy.PolicyWatcher;
import nl.dijkwacht.purpose.PurposeGuardStep;
import nl.dijkwacht.purpose.GuardModelClient;
import nl.dijkwacht.purpose.LayeredPurposeGuard;
import nl.dijkwacht.purpose.PurposeClassifier;
import nl.dijkwacht.pii.detect.SpecialCategoryRecognizer;
import nl.dijkwacht.policy.ResolveUseCaseStep;
import nl.dijkwacht.policy.SuspensionStore;
import nl.dijkwacht.routing.ResolveModelStep;
import nl.dijkwacht.routing.RoutingRules;
import nl.dijkwacht.routing.SensitivityRoutingStep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Policy as code (issue 4): the policy steps, the routing rules they share, the kill-switch store and the watcher
 * that reloads the policy files without a restart ({@code dijkwacht.policy.poll-interval}, default 500ms, so a kill switch on one replica is in force on all within a second; 0 = off).
 */
@Configuration(proxyBeanMethods = false)
public class PolicyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PolicyConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    Clock policyClock() {
        return Clock.systemDefaultZone();
    }

    @Bean
    RoutingRules routingRules(Clock policyClock) {
        return new RoutingRules(policyClock);
    }

    @Bean
    ResolveUseCaseStep resolveUseCaseStep() {
        return new ResolveUseCaseStep();
    }

    @Bean(destroyMethod = "close")
    GuardModelClient guardModelClient(nl.dijkwacht.invoke.ModelInvoker modelInvoker) {
        return new GuardModelClient(modelInvoker);
    }

    @Bean
    PurposeGuardStep purposeGuardStep(GuardModelClient guardModelClient, PurposeProperties purpose,
                                      org.springframework.beans.factory.ObjectProvider<nl.dijkwacht.pipeline.DeliveredTurns> deliveredTurns) {
        // the classifier model and the term list are loaded once; a missing model stops the start
        PurposeClassifier classifier = PurposeClassifier.shipped(purpose.indexed());
        int slots = purpose.repeatedMessageSlots();
        log.info("purpose guard: classifier evaluated by token numbers: {}; table of repeated messages: {} slots", classifier.indexed(), slots);
        return new PurposeGuardStep(new LayeredPurposeGuard(classifier, new SpecialCategoryRecognizer(), slots), guardModelClient,
                deliveredTurns.getIfAvailable());
    }

    @Bean
    ResolveModelStep resolveModelStep(RoutingRules routingRules) {
        return new ResolveModelStep(routingRules);
    }

    @Bean
    SensitivityRoutingStep sensitivityRoutingStep(RoutingRules routingRules) {
        return new SensitivityRoutingStep(routingRules);
    }

    @Bean
    SuspensionStore suspensionStore(JdbcTemplate jdbc) {
        return new JdbcSuspensionStore(jdbc);
    }

    @Bean(destroyMethod = "close")
    PolicyWatcher policyWatcher(ActivePolicy activePolicy, SuspensionStore suspensionStore,
                                PolicyProperties policy) {
        return new PolicyWatcher(activePolicy, suspensionStore, policy.pollInterval());
    }
}
