import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;

/**
 * For docs/bench/gateway-bench.sh (variant jwt): makes an RSA key, writes its JWKS to args[0] and prints one RS256
 * access token for issuer args[1] (audience "dijkwacht", user "bench-medewerker", department "Bench", valid 2 hours).
 * Plain JDK, so the bench needs no extra jar: {@code java BenchToken.java jwks.json http://127.0.0.1:18095}.
 */
public class BenchToken {

    public static void main(String[] args) throws Exception {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        var keys = generator.generateKeyPair();
        RSAPublicKey pub = (RSAPublicKey) keys.getPublic();
        String kid = "bench-1";
        Files.writeString(Path.of(args[0]), "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"" + kid
                + "\",\"n\":\"" + b64(unsigned(pub.getModulus())) + "\",\"e\":\"" + b64(unsigned(pub.getPublicExponent())) + "\"}]}");
        long now = Instant.now().getEpochSecond();
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}";
        String claims = "{\"iss\":\"" + args[1] + "\",\"aud\":\"dijkwacht\",\"sub\":\"bench-medewerker\",\"department\":\"Bench\","
                + "\"roles\":[\"medewerker\"],\"ai_training_date\":\"" + LocalDate.now().minusMonths(1) + "\",\"iat\":" + now
                + ",\"nbf\":" + (now - 60) + ",\"exp\":" + (now + 7200) + "}";
        String signingInput = b64(header.getBytes(StandardCharsets.UTF_8)) + "." + b64(claims.getBytes(StandardCharsets.UTF_8));
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initSign(keys.getPrivate());
        rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        System.out.println(signingInput + "." + b64(rs256.sign()));
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
