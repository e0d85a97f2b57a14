package nl.dijkwacht.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
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

    @Test
    void aWrongTrustedProxySettingStopsTheStart() {
        assertThatThrownBy(() -> new ClientAddress(List.of("proxy.gemeente.nl"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("geen IP-adres");
        assertThatThrownBy(() -> new ClientAddress(List.of("10.0.0.0/33"))).hasMessageContaining("prefixlengte");
    }
}
