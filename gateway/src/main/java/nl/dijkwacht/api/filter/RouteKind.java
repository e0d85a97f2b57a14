package nl.dijkwacht.api.filter;

import nl.dijkwacht.identity.OperatorRole;

/** Who may use a route; decides what the {@link Authentication} filter asks for. */
public enum RouteKind {
    /** The OpenAI model API and the tool endpoints: a tool key or a staff token. */
    TOOL,
    /** Admin endpoints: an operator key or token with the admin role. */
    ADMIN,
    /** Auditor endpoints: an operator key or token with the auditor role. */
    AUDITOR,
    /** Public pages (transparency): no credentials. */
    PUBLIC;

    OperatorRole operatorRole() {
        return switch (this) {
            case ADMIN -> OperatorRole.ADMIN;
            case AUDITOR -> OperatorRole.AUDITOR;
            default -> throw new IllegalStateException(this + " is not an operator route");
        };
    }
}
