package nl.dijkwacht.identity;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Reads a staff member out of a token's claims with one issuer's {@link IdentityProperties.ClaimNames}. Entra ID,
 * Keycloak and ADFS name and shape these claims differently; this is the one place that knows.
 */
final class StaffClaims {

    private StaffClaims() {
    }

    static StaffToken read(IdentityProperties.Issuer issuer, Map<String, Object> claims) {
        IdentityProperties.ClaimNames names = issuer.claims();
        String user = text(claim(claims, names.user()));
        if (user == null) {
            throw new TokenRejectedException(TokenRejectedException.Reason.NO_USER,
                    "token has no user claim '" + names.user() + "'");
        }
        String tenant = issuer.tenant() != null && !issuer.tenant().isBlank() ? issuer.tenant() : text(claim(claims, names.tenant()));
        return new StaffToken(issuer.id(), user, text(claim(claims, names.department())), list(claim(claims, names.roles())),
                tenant, date(claim(claims, names.aiTraining())), text(claim(claims, names.client())));
    }

    /** The claim by its literal name; failing that, by a dotted path into nested objects. */
    static Object claim(Map<String, Object> claims, String name) {
        if (name == null) {
            return null;
        }
        Object direct = claims.get(name);
        if (direct != null || !name.contains(".")) {
            return direct;
        }
        Object node = claims;
        for (String part : name.split("\\.")) {
            if (!(node instanceof Map<?, ?> map)) {
                return null;
            }
            node = map.get(part);
        }
        return node;
    }

    private static String text(Object value) {
        if (value instanceof Collection<?> values) {
            value = values.isEmpty() ? null : values.iterator().next();
        }
        if (value == null) {
            return null;
        }
        String text = value.toString().strip();
        return text.isEmpty() ? null : text;
    }

    static List<String> list(Object value) {
        if (value == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        if (value instanceof Collection<?> values) {
            values.stream().filter(v -> v != null).map(v -> v.toString().strip()).filter(v -> !v.isEmpty()).forEach(out::add);
        } else {
            Arrays.stream(value.toString().split("[,\\s]+")).map(String::strip).filter(v -> !v.isEmpty()).forEach(out::add);
        }
        return List.copyOf(out);
    }

    /** ISO date, ISO date-time or epoch seconds; an unreadable value counts as no date (the gate then refuses). */
    static LocalDate date(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return LocalDate.ofInstant(instant, ZoneOffset.UTC);
        }
        if (value instanceof Number seconds) {
            return LocalDate.ofInstant(Instant.ofEpochSecond(seconds.longValue()), ZoneOffset.UTC);
        }
        String text = value.toString().strip();
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text);
            }
            if (text.chars().allMatch(Character::isDigit)) {
                return LocalDate.ofInstant(Instant.ofEpochSecond(Long.parseLong(text)), ZoneOffset.UTC);
            }
            return OffsetDateTime.parse(text).atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
        } catch (DateTimeParseException | NumberFormatException e) {
            return null;
        }
    }
}
