package nl.dijkwacht.audit.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The gateway's start turns H2's shared value cache off, unless the operator chose a setting. */
class H2ValueCacheTest {

    private String before;

    @BeforeEach
    void remember() {
        before = System.getProperty(H2ValueCache.PROPERTY);
    }

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(H2ValueCache.PROPERTY);
        } else {
            System.setProperty(H2ValueCache.PROPERTY, before);
        }
    }

    @Test
    void offWhenNotSet() {
        System.clearProperty(H2ValueCache.PROPERTY);
        H2ValueCache.switchOff();
        assertThat(System.getProperty("h2.objectCache")).isEqualTo("false");
    }

    @Test
    void theOperatorsSettingIsKept() {
        System.setProperty(H2ValueCache.PROPERTY, "true");
        H2ValueCache.switchOff();
        assertThat(System.getProperty("h2.objectCache")).isEqualTo("true");
    }
}
