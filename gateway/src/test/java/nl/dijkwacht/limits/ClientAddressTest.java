package nl.dijkwacht.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.function.ServerRequest;

class ClientAddressTest {

    private static ServerRequest from(String remote, String... forwardedFor) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(remote);
        request.setRemoteHost(remote); // as Tomcat reports it without DNS look-ups (its default)
        for (String header : forwardedFor) {
            request.addHeader("X-Forwarded-For", header);
        }
        return ServerRequest.create(request, List.of());
    }

    @Test
    void theRemoteAddressCountsWhenNoProxyIsTrusted() {
        ClientAddress addresses = new ClientAddress(List.of());
        assertThat(addresses.of(from("203.0.113.7", "198.51.100.1"))).isEqualTo("203.0.113.7");
    }

    @Test
    void forwardedForIsReadOnlyFromTrustedProxiesFromTheRight() {
        ClientAddress addresses = new ClientAddress(List.of("10.0.0.0/8", "192.168.1.5"));
        // the client wrote a fake first hop; the trusted proxies appended the real one
        assertThat(addresses.of(from("10.1.2.3", "6.6.6.6, 203.0.113.7, 192.168.1.5"))).isEqualTo("203.0.113.7");
        assertThat(addresses.of(from("10.1.2.3", "6.6.6.6", "203.0.113.7"))).isEqualTo("203.0.113.7");
        // an untrusted peer's header is ignored
        assertThat(addresses.of(from("198.51.100.20", "203.0.113.7"))).isEqualTo("198.51.100.20");
        // garbage or a host name in the chain: no DNS look-up, the last trusted hop's view stands
        assertThat(addresses.of(from("10.1.2.3", "evil.example.org"))).isEqualTo("10.1.2.3");
        assertThat(addresses.of(from("10.1.2.3"))).isEqualTo("10.1.2.3");
    }

    @Test
    void ipv6ClientsAreCountedPerSlash64() {
        ClientAddress addresses = new ClientAddress(List.of("fd00::/8"));
        assertThat(addresses.of(from("2001:db8:1:2:aaaa::1"))).isEqualTo("2001:db8:1:2::/64");
        assertThat(addresses.of(from("2001:db8:1:2:ffff::9"))).isEqualTo("2001:db8:1:2::/64");
        assertThat(addresses.of(from("fd00::1", "[2001:db8:5:6::1]"))).isEqualTo("2001:db8:5:6::/64");
        assertThat(addresses.of(from("::ffff:203.0.113.7"))).isEqualTo("203.0.113.7");
    }

    /**
     * edges51: the source limit reads the connection's address as text; an IPv4 address that is no trusted proxy's is
     * its own source without being parsed and printed again — the same source as the parsed way gives, for any form.
     */
    @Test
    void theConnectionsAddressAsTextGivesTheSameSourceAsParsed() {
        ClientAddress addresses = new ClientAddress(List.of("10.0.0.0/8", "192.168.1.5"));
        Supplier<List<String>> forwarded = () -> List.of("203.0.113.7");
        Random random = new Random(51);
        List<String> forms = new ArrayList<>(List.of("0.0.0.0", "255.255.255.255", "203.0.113.7", "192.168.1.5",
                "192.168.1.50", "10.1.2.3", "010.1.2.3", "1.2.3.04", "::1", "0:0:0:0:0:0:0:1", "::ffff:10.1.2.3"));
        for (int i = 0; i < 2_000; i++) {
            forms.add(random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256));
        }
        for (String remote : forms) {
            assertThat(addresses.of(remote, forwarded)).as(remote).isEqualTo(addresses.of(from(remote, "203.0.113.7")));
        }
        // what is no address literal is no source, as before (Spring's InetSocketAddress reads some of these its own way)
        for (String notAnAddress : List.of("1.2.3", "1..2.3", "1.2.3.4.5", "a.b.c.d", "")) {
            assertThat(addresses.of(notAnAddress, forwarded)).as(notAnAddress).isEqualTo(ClientAddress.UNKNOWN);
        }
        assertThat(addresses.of(" 1.2.3.4 ", forwarded)).isEqualTo("1.2.3.4");
        assertThat(addresses.of("10.1.2.3", forwarded)).as("a trusted proxy's header is still read").isEqualTo("203.0.113.7");
        assertThat(addresses.of("198.51.100.20", forwarded)).isEqualTo("198.51.100.20");
        assertThat(addresses.of(null, forwarded)).isEqualTo(ClientAddress.UNKNOWN);
    }

    @Test
    void aWrongTrustedProxySettingStopsTheStart() {
        assertThatThrownBy(() -> new ClientAddress(List.of("proxy.gemeente.nl"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("geen IP-adres");
        assertThatThrownBy(() -> new ClientAddress(List.of("10.0.0.0/33"))).hasMessageContaining("prefixlengte");
    }
}
