package nl.dijkwacht.pii.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * IPv4 (each octet 0-255) and IPv6 addresses (full form or compressed with {@code ::}). Version numbers
 * ("versie 1.2.3.4") and times ("12:30:45") are left alone.
 */
public final class IpAddressRecognizer implements AnalysedTextRecognizer {

    private static final Pattern DIGITS_AND_COLONS_ONLY = Pattern.compile("[\\d:]{1,8}");

    private static final String OCTET = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
    private static final Pattern IPV4 = Pattern.compile(
            "(?<![\\p{L}\\d.])(" + OCTET + "(?:\\." + OCTET + "){3})(?![\\p{L}\\d]|\\.\\d)");
    private static final Pattern IPV6 = Pattern.compile(
            "(?i)(?<![\\p{L}\\d:])((?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}|(?:[0-9a-f]{1,4}:){1,6}:(?:[0-9a-f]{1,4}:){0,5}[0-9a-f]{1,4}|(?:[0-9a-f]{1,4}:){1,7}:|::(?:[0-9a-f]{1,4}:){0,6}[0-9a-f]{1,4})(?![\\p{L}\\d:])");
    private static final ContextEnhancer VERSION = ContextEnhancer.of("/pii/context/ip-version.txt", 15, 0);

    /** "::" somewhere, or three colons within 15 characters. */
    private static boolean mayContainIpv6(String text) {
        if (text.contains("::")) {
            return true;
        }
        int a = text.indexOf(':');
        while (a >= 0) {
            int b = text.indexOf(':', a + 1);
            if (b < 0) {
                return false;
            }
            int c = text.indexOf(':', b + 1);
            if (c < 0) {
                return false;
            }
            if (c - a <= 15) {
                return true;
            }
            a = b;
        }
        return false;
    }

    @Override
    public String name() {
        return "ip-address";
    }

    @Override
    public List<Finding> find(AnalysedText analysed) {
        String text = analysed.text();
        List<Finding> found = new ArrayList<>();
        // an address opens with an octet of one to three digits and a dot (regex20: not tried at every other number)
        for (MatchResult m : CandidateScan.matches(IPV4, text, CandidateScan.digitRuns(text, analysed.digitRunStarts(), 1, 3, "."))) {
            if (VERSION.signal(analysed.lower(), m.start(1), m.end(1)) != ContextEnhancer.Signal.POSITIVE) {
                found.add(new Finding(EntityType.IP_ADDRESS, m.start(1), m.end(1), 0.9, name(), "IPv4", ""));
            }
        }
        if (mayContainIpv6(text)) {
            IntPredicate hexStart = i -> {
                char c = text.charAt(i);
                boolean hex = CandidateScan.isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == ':';
                return hex && (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)) && text.charAt(i - 1) != ':');
            };
            for (MatchResult v6 : CandidateScan.matches(IPV6, text, hexStart)) {
                String v = v6.group(1);
                if (v.chars().filter(ch -> ch == ':').count() >= 2 && !DIGITS_AND_COLONS_ONLY.matcher(v).matches()) {
                    found.add(new Finding(EntityType.IP_ADDRESS, v6.start(1), v6.end(1), 0.85, name(), "IPv6", ""));
                }
            }
        }
        return found;
    }

    @Override
    public Description describe() {
        return new Description(EntityType.IP_ADDRESS, "IPv4 (octets ≤ 255), IPv6 (full or `::`)",
                "not after `versie`/`artikel` (" + VERSION.describe() + "); times like `12:30:45` are not IPv6.");
    }
}
