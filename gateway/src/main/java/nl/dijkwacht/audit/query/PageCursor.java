package nl.dijkwacht.audit.query;

import java.time.Instant;

/**
 * Where a page of search results ends (newest first): the next page starts strictly after this record in the order
 * {@code occurred_at DESC, id DESC}. Keyset paging: every page costs the same, however deep, because the database
 * seeks into the {@code (occurred_at, id)} index instead of skipping rows. Its text form ({@code <millis>.<id>}) holds
 * no personal data, so it may appear in a URL.
 */
public record PageCursor(Instant occurredAt, long id) {

    public String token() {
        return occurredAt.toEpochMilli() + "." + id;
    }

    /** @throws IllegalArgumentException (Dutch message) when the token is not one this class produced */
    public static PageCursor parse(String token) {
        int dot = token == null ? -1 : token.indexOf('.');
        try {
            if (dot <= 0) {
                throw new NumberFormatException();
            }
            return new PageCursor(Instant.ofEpochMilli(Long.parseLong(token.substring(0, dot))),
                    Long.parseLong(token.substring(dot + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Ongeldige paginamarkering 'after': gebruik de waarde van next_cursor uit het vorige antwoord.");
        }
    }
}
