package nl.dijkwacht.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import nl.dijkwacht.pii.PiiEngine;
import nl.dijkwacht.pii.anonymize.Operator;
import nl.dijkwacht.pii.anonymize.OperatorPolicy;
import nl.dijkwacht.pii.detect.EntityType;
import org.junit.jupiter.api.Test;

/** encoded28: personal data inside an encoded run is found with its context and refused (unless allowed). */
class EncodedPersonalDataTest {

    private static final PiiEngine ENGINE = PiiEngine.dutchDefault();

    private static Set<EntityType> found(String text, OperatorPolicy policy) {
        Set<String> encodings = new TreeSet<>();
        Set<EntityType> types = new TreeSet<>();
        new EncodedPersonalData(ENGINE).find(text, policy, encodings, types);
        return types;
    }

    @Test
    void personalDataInBase64HexAndPercentIsFound() {
        OperatorPolicy all = OperatorPolicy.pseudonymiseAll();
        assertThat(found("Cliënt Jansen, BSN " + Base64.getEncoder().encodeToString("111222333".getBytes(StandardCharsets.UTF_8)) + ", woont in Delft.", all))
                .containsExactly(EntityType.BSN);
        assertThat(found("Mail naar " + java.util.HexFormat.of().formatHex("jan.jansen@example.nl".getBytes(StandardCharsets.UTF_8)), all))
                .containsExactly(EntityType.EMAIL);
        assertThat(found("BSN %31%31%31%32%32%32%33%33%33", all)).containsExactly(EntityType.BSN);
    }

    @Test
    void allowedTypesAndOrdinaryRunsAreNotRefused() {
        OperatorPolicy allowBsn = new OperatorPolicy(Map.of(EntityType.BSN, Operator.ALLOW), Operator.PSEUDONYMISE);
        assertThat(found("BSN %31%31%31%32%32%32%33%33%33", allowBsn)).isEmpty();
        // a BSN written plainly is the ordinary redaction's, not this check's
        assertThat(found("BSN 111222333, zaak Z-2024-000123, sha256 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                OperatorPolicy.pseudonymiseAll())).isEmpty();
    }

    private static String b64url(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aTokensClaimNamesAreNotPersonalDataButItsValuesCanBe() {
        String header = b64url("{\"alg\": \"RS256\", \"typ\": \"JWT\", \"kid\": \"a701f292\"}");
        String claims = b64url("{\"iss\": \"https://login.gemeente.nl/realms/medewerkers\", \"sub\": \"a6c64c41-f25d\", "
                + "\"aud\": \"zaaksysteem\", \"iat\": 1764944406, \"exp\": 1764962193, \"scope\": \"zaken.lezen\"}");
        // the engine read "aud" as a name: every token was refused (encoded45's ordinary set, 14 of 171)
        assertThat(found("Authorization: Bearer " + header + "." + claims + ".Aqe5LMictRgwyfJXBrzSLD5hVcoJTVHoDCDsUySPfrO",
                OperatorPolicy.pseudonymiseAll())).isEmpty();
        String withMail = b64url("{\"aud\": \"zaaksysteem\", \"email\": \"jan.jansen@example.nl\"}");
        assertThat(found("token " + header + "." + withMail + ".Aqe5LMictRgwyfJXBrzSLD5hVcoJTVHoDCDsUySPfrO",
                OperatorPolicy.pseudonymiseAll())).containsExactly(EntityType.EMAIL);
    }

    @Test
    void personalDataWrittenAsAKeyIsFound() {
        // review45b: every JSON key was let through as a claim name, so a BSN or an address as a key passed encoded
        assertThat(found("Cliënt Jansen, BSN " + b64url("{\"111222333\": \"ja\"}"), OperatorPolicy.pseudonymiseAll()))
                .containsExactly(EntityType.BSN);
        assertThat(found("Zie " + b64url("{\"jan.jansen@example.nl\": 1}"), OperatorPolicy.pseudonymiseAll()))
                .containsExactly(EntityType.EMAIL);
    }

    @Test
    void personalDataInNestedEncodingsIsFound() {
        String once = Base64.getEncoder().encodeToString("111222333".getBytes(StandardCharsets.UTF_8));
        String twice = Base64.getEncoder().encodeToString(once.getBytes(StandardCharsets.UTF_8));
        assertThat(found("Cliënt Jansen, BSN " + twice + ", woont in Delft.", OperatorPolicy.pseudonymiseAll()))
                .containsExactly(EntityType.BSN);
    }
}
