package nl.dijkwacht.openai;

/** How the gateway governs one field of an OpenAI request before it reaches a model. */
public enum FieldKind {
    /** Free text: the PII engine finds personal data and the use-case's operators apply (pseudonymise, redact, …). */
    TEXT,
    /**
     * The name of a conversation participant (message {@code name}): text like {@link #TEXT}, with {@code _}, {@code -}
     * and {@code .} read as spaces so {@code jan_jansen} is found too; placeholders keep it a valid name.
     */
    PARTICIPANT,
    /**
     * A name or id the request refers to elsewhere (function names, tool-call ids, schema property names): it cannot be
     * rewritten without breaking the request, so it is scanned and the request is refused when it holds personal data.
     */
    IDENTIFIER,
    /** Identifies the end user ({@code user}, {@code safety_identifier}): replaced by the keyed pseudonym. */
    PSEUDONYM,
    /** An opaque key ({@code prompt_cache_key}): replaced by a keyed hash, so equal keys stay equal. */
    KEYED_HASH,
    /** The OpenAI {@code metadata} map: only keys the use-case lists are forwarded; their values are text. */
    METADATA,
    /** A JSON Schema (tool parameters, response_format): descriptions and examples are text, property names identifiers. */
    SCHEMA,
    /** An image, audio clip or file (inline base64, URL or file id): the use-case's {@code attachments} rule applies. */
    ATTACHMENT,
    /** Deliberately passed: numbers, booleans and closed enumerations the request schema has already checked. */
    PASS
}
