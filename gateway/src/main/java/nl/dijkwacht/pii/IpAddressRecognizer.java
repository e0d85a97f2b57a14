package nl.dijkwacht.pii;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IPv4 (each octet 0-255) and IPv6 addresses (full form or compressed with {@code ::}). Version numbers
 * ("versie 1.2.3.4") and times ("12:30:45") are left alone.
 */
public final class IpAddressRecognizer implements Recognizer {

    private static final String OCTET = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
    private static final Pattern IPV4 = Pattern.compile(
            "(?<![\\p{L}\\d.])(" + OCTET + "(?:\\." + OCTET + "){3})(?![\\p{L}\\d]|\\.\\d)");
    private static final Pattern IPV6 = Pattern.compile(
            "(?i)(?<![\\p{L}\\d:])((?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}|(?:[0-9a-f]{1,4}:){1,6}:(?:[0-9a-f]{1,4}:){0,5}[0-9a-f]{1,4}|(?:[0-9a-f]{1,4}:){1,7}:|::(?:[0-9a-f]{1,4}:){0,6}[0-9a-f]{1,4})(?![\\p{L}\\d:])");
    private static final ContextWords VERSION = new ContextWords(
            List.of("versie", "version", "v.", "release", "build", "artikel", "art."), List.of(), 15, 0);

    @Override
    public String name() {
        return "ip-address";
    }

    @Override
    public List<Finding> find(String text) {
        List<Finding> found = new ArrayList<>();
        String lower = null;
        Matcher m = IPV4.matcher(text);
        while (m.find()) {
            if (lower == null) {
                lower = text.toLowerCase(Locale.ROOT);
            }
            if (VERSION.signal(lower, m.start(1), m.end(1)) != ContextWords.Signal.POSITIVE) {
                found.add(new Finding(EntityType.IP_ADDRESS, m.start(1), m.end(1), 0.9, name()));
            }
        }
        if (text.indexOf(':') >= 0) {
            Matcher v6 = IPV6.matcher(text);
            while (v6.find()) {
                String v = v6.group(1);
                if (v.chars().filter(ch -> ch == ':').count() >= 2 && !v.matches("[\\d:]{1,8}")) {
                    found.add(new Finding(EntityType.IP_ADDRESS, v6.start(1), v6.end(1), 0.85, name()));
                }
            }
        }
        return found;
    }
}
