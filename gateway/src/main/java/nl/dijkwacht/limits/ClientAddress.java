package nl.dijkwacht.limits;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.springframework.web.servlet.function.ServerRequest;

/**
 * Where a request comes from, for the limits on callers that have not authenticated yet. The remote address of the
 * connection, unless that is one of the configured trusted reverse proxies: then X-Forwarded-For is read from the
 * right, skipping trusted proxies, and the first address that is not one is the client. A header from anyone else
 * is ignored (anyone can write it). IPv6 clients are counted per /64, the block one household or host is given, so
 * walking through a prefix does not buy new attempts.
 */
public final class ClientAddress {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    /** The source of a request whose address is not known. */
    public static final String UNKNOWN = "onbekend";

    private final List<Range> trusted;

    /** @param trustedProxies addresses ({@code 10.0.0.5}) or CIDR ranges ({@code 10.0.0.0/8}, {@code fd00::/8}) */
    public ClientAddress(List<String> trustedProxies) {
        List<Range> ranges = new ArrayList<>();
        for (String entry : trustedProxies) {
            ranges.add(Range.parse(entry.strip()));
        }
        this.trusted = List.copyOf(ranges);
    }

    /** The source a request is counted under: an IPv4 address or an IPv6 /64 prefix. */
    public String of(ServerRequest request) {
        // the headers only when the connection is a trusted proxy's: ServerRequest.headers() copies every request header
        // (edges50's first version read them always: +8.6 KB allocated per request in ab-cpu)
        return of(request.remoteAddress().map(InetSocketAddress::getAddress).orElse(null),
                () -> request.headers().header("X-Forwarded-For"));
    }

    /**
     * The same from the connection's address as text and the request's {@code X-Forwarded-For} headers: for a request
     * no route has taken yet (refused by a filter or the container; edges50).
     */
    public String of(String remoteAddress, Supplier<List<String>> forwardedFor) {
        String plain = untrustedIpv4(remoteAddress);
        return plain != null ? plain : of(parse(remoteAddress), forwardedFor);
    }

    /**
     * {@code text} when it is an IPv4 address as Java prints one (no leading zeros) and no trusted proxy's: the source as
     * {@link #sourceOf} would print it, without parsing it into an {@link InetAddress} and printing it again (edges51:
     * with Spring's {@code InetSocketAddress}, ≈ 0.5 % of a request's samples); {@code null} for anything else.
     */
    private String untrustedIpv4(String text) {
        if (text == null || text.length() < 7 || text.length() > 15) {
            return null;
        }
        byte[] bytes = new byte[4];
        int octet = 0;
        int value = 0;
        int digits = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9' && !(digits > 0 && value == 0)) {
                value = value * 10 + (c - '0');
                digits++;
                if (value > 255) {
                    return null;
                }
            } else if (c == '.' && digits > 0 && octet < 3) {
                bytes[octet++] = (byte) value;
                value = 0;
                digits = 0;
            } else {
                return null;
            }
        }
        if (octet != 3 || digits == 0) {
            return null;
        }
        bytes[3] = (byte) value;
        return isTrusted(bytes) ? null : text;
    }

    private String of(InetAddress remote, Supplier<List<String>> forwardedFor) {
        if (remote == null) {
            return UNKNOWN;
        }
        InetAddress client = remote;
        if (isTrusted(remote)) {
            List<String> hops = new ArrayList<>();
            for (String header : forwardedFor.get()) {
                for (String hop : header.split(",")) {
                    hops.add(hop.strip());
                }
            }
            for (int i = hops.size() - 1; i >= 0; i--) {
                InetAddress hop = parse(hops.get(i));
                if (hop == null) {
                    break; // garbage in the chain: stop at the last address we could trust
                }
                client = hop;
                if (!isTrusted(hop)) {
                    break;
                }
            }
        }
        return sourceOf(client);
    }

    private boolean isTrusted(InetAddress address) {
        return isTrusted(address.getAddress());
    }

    private boolean isTrusted(byte[] address) {
        for (Range range : trusted) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }

    static String sourceOf(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length == 4) {
            return address.getHostAddress();
        }
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < 8; i += 2) {
            prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
        }
        return prefix.append(":/64").toString();
    }

    /** An IP literal, never a host name (no DNS look-up for anything a client sends); {@code null} if it is not one. */
    static InetAddress parse(String text) {
        if (text == null) {
            return null;
        }
        String literal = text.strip();
        if (literal.startsWith("[") && literal.endsWith("]")) {
            literal = literal.substring(1, literal.length() - 1);
        }
        if (!IPV4.matcher(literal).matches() && !IPV6.matcher(literal).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private record Range(byte[] network, int bits) {

        static Range parse(String cidr) {
            int slash = cidr.indexOf('/');
            InetAddress address = ClientAddress.parse(slash < 0 ? cidr : cidr.substring(0, slash));
            if (address == null) {
                throw new IllegalArgumentException("dijkwacht.limits.trusted-proxies: '" + cidr + "' is geen IP-adres of CIDR-bereik");
            }
            int max = address.getAddress().length * 8;
            int bits = slash < 0 ? max : Integer.parseInt(cidr.substring(slash + 1));
            if (bits < 0 || bits > max) {
                throw new IllegalArgumentException("dijkwacht.limits.trusted-proxies: ongeldige prefixlengte in '" + cidr + "'");
            }
            return new Range(address.getAddress(), bits);
        }

        boolean contains(byte[] bytes) {
            if (bytes.length != network.length) {
                return false;
            }
            int full = bits / 8;
            for (int i = 0; i < full; i++) {
                if (bytes[i] != network[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (bytes[full] & mask) == (network[full] & mask);
        }
    }
}
