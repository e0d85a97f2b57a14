package nl.dijkwacht.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Redacted content is kept only where a use-case asks for it; asking without a period keeps it 30 days. */
class ContentRetentionTest {

    @Test
    void nothingIsKeptUnlessTheUseCaseSaysSo() {
        assertThat(UseCaseReader.contentRetentionDays(null)).isZero();
        assertThat(UseCaseReader.contentRetentionDays(new PolicyFiles.AuditSection(null, null))).isZero();
        assertThat(UseCaseReader.contentRetentionDays(new PolicyFiles.AuditSection(null, false))).isZero();
    }

    @Test
    void keepContentWithoutAPeriodKeepsItThirtyDays() {
        assertThat(UseCaseReader.contentRetentionDays(new PolicyFiles.AuditSection(null, true))).isEqualTo(30);
    }

    @Test
    void anExplicitPeriodWins() {
        assertThat(UseCaseReader.contentRetentionDays(new PolicyFiles.AuditSection(7, true))).isEqualTo(7);
        assertThat(UseCaseReader.contentRetentionDays(new PolicyFiles.AuditSection(0, true))).isZero();
    }
}
