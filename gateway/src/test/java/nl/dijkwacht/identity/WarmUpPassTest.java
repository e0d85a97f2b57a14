package nl.dijkwacht.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The start-up warm-up's key is an identity of its own: it must work only while open and only as itself. */
class WarmUpPassTest {

    @Test
    void anOpenKeyNamesTheWarmUpCallerOfTheToolAndTenant() {
        WarmUpPass pass = new WarmUpPass();
        String key = pass.open("tekstassistent", "utrecht");

        Caller caller = pass.callerFor(key);

        assertThat(caller).isNotNull();
        assertThat(caller.source()).isEqualTo(IdentitySource.WARM_UP);
        assertThat(caller.warmUp()).isTrue();
        assertThat(caller.toolId()).isEqualTo("tekstassistent");
        assertThat(caller.tenant()).isEqualTo("utrecht");
        assertThat(caller.userId()).as("no staff member behind a warm-up request").isNull();
    }

    @Test
    void aClosedKeyIsRefusedForEver() {
        WarmUpPass pass = new WarmUpPass();
        String key = pass.open("tekstassistent", "default");
        pass.close();

        assertThat(pass.callerFor(key)).isNull();
    }

    @Test
    void anyOtherValueIsRefusedAndEveryOpeningHasANewKey() {
        WarmUpPass pass = new WarmUpPass();
        assertThat(pass.callerFor("dw-warm-up-anything")).as("nothing is accepted before the pass opens").isNull();

        String first = pass.open("tekstassistent", "default");
        String second = pass.open("tekstassistent", "default");

        assertThat(second).isNotEqualTo(first);
        assertThat(pass.callerFor(first)).as("a previous key stops working").isNull();
        assertThat(pass.callerFor(second)).isNotNull();
        String sameLength = second.substring(0, second.length() - 1) + (second.endsWith("A") ? "B" : "A");
        assertThat(pass.callerFor(sameLength)).isNull();
        assertThat(pass.callerFor(null)).isNull();
        assertThat(second).as("256 random bits, URL-safe Base64").hasSize("dw-warm-up-".length() + 43);
    }
}
