package nl.dijkwacht.policy;

import static org.assertj.core.api.Assertions.assertThat;

import nl.dijkwacht.policy.LimitsPolicy.Kind;
import nl.dijkwacht.policy.LimitsPolicy.Scope;
import org.junit.jupiter.api.Test;

/** The scopes' and kinds' names as limits.yaml, the bucket keys and the rate-limit headers write them (made once per constant). */
class LimitsPolicyNamesTest {

    @Test
    void namesAsLimitsYamlWritesThem() {
        assertThat(Scope.USE_CASE.yamlName()).isEqualTo("use-case");
        assertThat(Scope.TENANT.yamlName()).isEqualTo("tenant");
        assertThat(Kind.REQUESTS_PER_MINUTE.yamlName()).isEqualTo("requests-per-minute");
        assertThat(Kind.TOKENS_PER_MONTH.yamlName()).isEqualTo("tokens-per-month");
        for (Scope scope : Scope.values()) {
            assertThat(Scope.fromYaml(scope.yamlName())).isSameAs(scope);
            assertThat(scope.yamlName()).isSameAs(scope.yamlName());
        }
        for (Kind kind : Kind.values()) {
            assertThat(kind.yamlName()).isEqualTo(kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        }
    }
}
