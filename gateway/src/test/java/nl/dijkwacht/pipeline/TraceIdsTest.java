package nl.dijkwacht.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TraceIdsTest {

    @Test
    void versionSevenWithTheTimeInFrontAndTheRandomBitsKept() {
        UUID random = UUID.fromString("f47ac10b-58cc-4372-a567-0e02b2c3d479");
        UUID id = TraceIds.at(1_764_651_600_123L, random);
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(1_764_651_600_123L);
        assertThat(id.getMostSignificantBits() & 0x0FFFL).isEqualTo(random.getMostSignificantBits() & 0x0FFFL);
        assertThat(id.getLeastSignificantBits()).isEqualTo(random.getLeastSignificantBits());
    }

    @Test
    void laterIdsSortAfterEarlierOnesAsText() {
        String earlier = TraceIds.at(1_764_651_600_123L, UUID.randomUUID()).toString();
        String later = TraceIds.at(1_764_651_600_124L, UUID.randomUUID()).toString();
        assertThat(later).isGreaterThan(earlier);
        assertThat(TraceIds.next()).hasSize(36).matches("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    }

    @Test
    void manyIdsInTheSameMillisecondAreDistinct() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            ids.add(TraceIds.at(1_764_651_600_123L, UUID.randomUUID()).toString());
        }
        assertThat(ids).hasSize(20_000);
    }
}
