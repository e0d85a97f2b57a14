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

    @Test
    void randomBytesBecomeAVersionFourUuidWithTheirOtherBitsKept() {
        byte[] ones = new byte[16];
        java.util.Arrays.fill(ones, (byte) 0xFF);
        UUID fromOnes = TraceIds.versionFour(ones);
        assertThat(fromOnes.version()).isEqualTo(4);
        assertThat(fromOnes.variant()).isEqualTo(2);
        assertThat(fromOnes).isEqualTo(UUID.fromString("ffffffff-ffff-4fff-bfff-ffffffffffff"));
        UUID fromZeros = TraceIds.versionFour(new byte[16]);
        assertThat(fromZeros).isEqualTo(UUID.fromString("00000000-0000-4000-8000-000000000000"));
        byte[] counting = new byte[16];
        for (int i = 0; i < 16; i++) {
            counting[i] = (byte) (i * 17);
        }
        assertThat(TraceIds.versionFour(counting)).isEqualTo(UUID.fromString("00112233-4455-4677-8899-aabbccddeeff"));
    }

    @Test
    void theRandomBitsComeFromAGeneratorSeededOnceNotFromAFileReadAfterEveryPause() {
        // NativePRNG (UUID.randomUUID's) reads /dev/urandom again when its buffered bytes are 100 ms old
        assertThat(TraceIds.randomSource().getAlgorithm()).isEqualTo("DRBG");
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            ids.add(TraceIds.next());
        }
        assertThat(ids).hasSize(20_000)
                .allMatch(id -> id.matches("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"));
    }
}
