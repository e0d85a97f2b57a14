package nl.dijkwacht.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Pseudonyms from a cloned MAC are the first 12 bytes of the plain HMAC-SHA256 of the value, from any thread. */
class PseudonymizerTest {

    private static final byte[] KEY = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII);
    private static final List<String> VALUES = List.of("jan.jansen@gemeente.nl", "u1", "medewerker-12345", "één", "🙂 x",
            "x".repeat(500));

    private static String expected(String value) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
        return "p-" + HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)), 0, 12);
    }

    @Test
    void aPseudonymIsTheKeyedHashOfTheValue() throws Exception {
        Pseudonymizer pseudonymizer = new Pseudonymizer(KEY);
        for (String value : VALUES) {
            assertThat(pseudonymizer.pseudonym(value)).isEqualTo(expected(value)).hasSize(26);
            assertThat(pseudonymizer.pseudonym(value)).isEqualTo(expected(value)); // the prototype is never used up
        }
        assertThat(pseudonymizer.pseudonym(null)).isNull();
        assertThat(pseudonymizer.pseudonym("  ")).isNull();
    }

    @Test
    void concurrentPseudonymsAgree() throws Exception {
        Pseudonymizer pseudonymizer = new Pseudonymizer(KEY);
        List<String> expected = new ArrayList<>();
        for (String value : VALUES) {
            expected.add(expected(value));
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<Boolean>> all = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                all.add(pool.submit(() -> {
                    for (int i = 0; i < 2_000; i++) {
                        int v = i % VALUES.size();
                        if (!pseudonymizer.pseudonym(VALUES.get(v)).equals(expected.get(v))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> f : all) {
                assertThat(f.get()).isTrue();
            }
        }
    }
}
