package nl.dijkwacht.identity;

/**
 * Who is calling: the tool (from its API key) and, as far as the tool tells us, the staff member and department.
 * {@code userId} is what the tool sent; audit stores only a keyed pseudonym of it.
 */
public record Caller(String toolId, String userId, String department, String tenant) {
}
