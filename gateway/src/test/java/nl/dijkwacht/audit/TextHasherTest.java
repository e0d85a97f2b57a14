package nl.dijkwacht.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import nl.dijkwacht.audit.chain.ChainCodec;
import org.junit.jupiter.api.Test;

/** Hashes from cloned MACs are the plain HMAC-SHA256 of the text, under each key, from any thread. */
class TextHasherTest {

    private static String hmac(byte[] key, String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void everyHashIsTheHmacOfItsTextUnderItsKey() throws Exception {
        byte[] k1 = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        byte[] k2 = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII);
        Map<String, byte[]> keys = new LinkedHashMap<>();
        keys.put("k1", k1);
        keys.put("k2", k2);
        TextHasher hasher = new TextHasher(keys, "k2");
        for (String text : new String[] {"", "Jan Jansen", "één tekst met ü", "x".repeat(5000)}) {
            assertThat(hasher.hash(text)).isEqualTo(hmac(k2, text));
            assertThat(hasher.hash("k1", text)).contains(hmac(k1, text));
            Mac running = hasher.newMac();
            running.update(text.getBytes(StandardCharsets.UTF_8));
            assertThat(HexFormat.of().formatHex(running.doFinal())).isEqualTo(hmac(k2, text));
        }
        assertThat(hasher.hash("k9", "x")).isEmpty();
    }

    @Test
    void concurrentHashesAgree() throws Exception {
        byte[] k1 = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        TextHasher hasher = new TextHasher(Map.of("k1", k1), "k1");
        ChainCodec codec = new ChainCodec(k1);
        String expected = hmac(k1, "tekst");
        String head = codec.headMac("chain", 7, ChainCodec.GENESIS);
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            java.util.List<Future<Boolean>> all = new java.util.ArrayList<>();
            for (int t = 0; t < 8; t++) {
                all.add(pool.submit(() -> {
                    for (int i = 0; i < 2_000; i++) {
                        if (!hasher.hash("tekst").equals(expected) || !codec.headMac("chain", 7, ChainCodec.GENESIS).equals(head)) {
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
        assertThat(head).isEqualTo(hmac(k1, "dw-head-v1\u001echain\u001e7\u001e" + ChainCodec.GENESIS));
    }
}
