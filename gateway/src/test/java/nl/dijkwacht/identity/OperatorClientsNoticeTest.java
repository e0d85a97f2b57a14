package nl.dijkwacht.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import nl.dijkwacht.support.StaffTokenGatewayTestBase;
import nl.dijkwacht.support.TestIssuer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;

/**
 * identity48: an identity provider without {@code operator-clients} is named on the management port's health group
 * {@code /actuator/health/identity} (status UP: the setting is optional), by its id only. The console's notice is checked
 * in a real browser by {@code ConsoleBrowserTest}; the list with the setting in place by {@code OperatorClientsTest}.
 */
class OperatorClientsNoticeTest extends StaffTokenGatewayTestBase {

    @LocalManagementPort
    int managementPort;

    static JsonNode identityHealth(int managementPort) throws Exception {
        HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + managementPort + "/actuator/health/identity")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        JsonNode body = json.readTree(health.body());
        assertThat(body.path("status").asText()).isEqualTo("UP");
        return body.path("components").path("operatorClients").path("details").path("issuersWithoutOperatorClients");
    }

    @Test
    void anIssuerWithoutOperatorClientsIsNamedOnTheHealthGroup() throws Exception {
        JsonNode without = identityHealth(managementPort);
        assertThat(without.isArray()).as(without.toString()).isTrue();
        assertThat(without.toString()).isEqualTo("[\"" + TestIssuer.ID + "\"]");
    }
}
