package nl.dijkwacht.redaction;

/**
 * Whether a field belongs to the definitions an agent tool sends unchanged with every request: its tools and functions
 * ({@code tools[…]}, {@code functions[…]}: descriptions, parameter schemas, names) and the schema of the answer it asks
 * for ({@code response_format…}). Like the earlier messages of a conversation ({@link EarlierMessages}) they are repeats
 * by nature, often several kilobytes of prose.
 */
final class ResentDefinitions {

    private ResentDefinitions() {
    }

    static boolean contains(String path) {
        return path.startsWith("tools[") || path.startsWith("functions[") || path.startsWith("response_format.");
    }
}
