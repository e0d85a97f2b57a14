package nl.dijkwacht.identity;

import java.util.Arrays;
import java.util.List;

/**
 * What a request presents to prove who is calling, as read from its headers by the authentication filter.
 *
 * @param bearer             the {@code Authorization: Bearer} value: a tool key, an operator key, or an access token
 * @param userToken          the staff member's access token sent next to a tool key ({@code X-Dijkwacht-User-Token})
 * @param declaredUser       {@code X-Dijkwacht-User}: counts only for tools trusted with identity headers
 * @param declaredDepartment {@code X-Dijkwacht-Department}: idem
 * @param declaredRoles      {@code X-Dijkwacht-Roles} (comma-separated): idem
 */
public record Credentials(String bearer, String userToken, String declaredUser, String declaredDepartment, String declaredRoles) {

    public static final String USER = "X-Dijkwacht-User";
    public static final String DEPARTMENT = "X-Dijkwacht-Department";
    public static final String ROLES = "X-Dijkwacht-Roles";

    public Credentials {
        bearer = blankToNull(bearer);
        userToken = blankToNull(userToken);
        if (userToken != null && userToken.regionMatches(true, 0, "Bearer ", 0, 7)) {
            userToken = blankToNull(userToken.substring(7));
        }
    }

    /** Only the bearer value (operator endpoints). */
    public static Credentials bearer(String bearer) {
        return new Credentials(bearer, null, null, null, null);
    }

    /** The value of an {@code Authorization} header without its {@code Bearer} scheme; {@code null} for any other scheme. */
    public static String bearerOf(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).strip() : null;
    }

    List<String> declaredRoleList() {
        if (declaredRoles == null || declaredRoles.isBlank()) {
            return List.of();
        }
        return Arrays.stream(declaredRoles.split(",")).map(String::strip).filter(r -> !r.isEmpty()).toList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
