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

    /** Longest department, tenant or role name (the audit record's department column holds 128 characters). */
    static final int MAX_NAME = 128;
    /** Longest user id or client id. */
    static final int MAX_USER = 512;

    private StaffClaims() {
    }

    static StaffToken read(IdentityProperties.Issuer issuer, Map<String, Object> claims) {
        IdentityProperties.ClaimNames names = issuer.claims();
        String user = OidcActor.userId(issuer, claims);
        if (user == null) {
            throw new TokenRejectedException(TokenRejectedException.Reason.NO_USER,
                    "token has no user claim '" + names.user() + "'");
        }
        String tenant = issuer.fixedTenant() ? issuer.tenant().strip() : TenantClaim.read(claim(claims, names.tenant()));
        String client = single(claim(claims, names.client()), MAX_USER);
        return new StaffToken(issuer.id(), user, single(claim(claims, names.department()), MAX_NAME),
                list(claim(claims, names.roles())), tenant, date(claim(claims, names.aiTraining())), client,
                issuer.operatorClients().isEmpty() || issuer.operatorClients().contains(client), IssuerTenants.reachable(issuer));
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

    /**
     * One text value: a string or number, or a list holding exactly one. Anything else — an object, a list of several
     * values (two departments, two tenants: which one counts is not for the gateway to guess), a nested list, a value
     * longer than {@code max} characters — makes the token unusable ({@link TokenRejectedException.Reason#CLAIMS}).
     * Empty (or only white space) counts as absent.
     */
    static String single(Object value, int max) {
        if (value instanceof Collection<?> values) {
            if (values.size() > 1) {
                throw unusable();
            }
            value = values.isEmpty() ? null : values.iterator().next();
        }
        if (value == null) {
            return null;
        }
        if (!(value instanceof String) && !(value instanceof Number) && !(value instanceof Boolean)) {
            throw unusable();
        }
        String text = value.toString().strip();
        if (text.length() > max) {
            throw unusable();
        }
        return text.isEmpty() ? null : text;
    }

    private static TokenRejectedException unusable() {
        return new TokenRejectedException(TokenRejectedException.Reason.CLAIMS, "a claim of an unexpected shape");
    }

    static List<String> list(Object value) {
        if (value == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        if (value instanceof Collection<?> values) {
            for (Object v : values) {
                String role = single(v, MAX_USER);
                if (role != null) {
                    out.add(role);
                }
            }
        } else if (!(value instanceof String) && !(value instanceof Number)) {
            throw unusable();
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
