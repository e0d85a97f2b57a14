package nl.dijkwacht.redaction;

/**
 * Whether a text field belongs to a message before the request's last one ({@code messages[i]…} with {@code i} below the
 * last index): the system prompt and the earlier turns that a chat tool sends again on every turn. The last message is
 * the one sent for the first time.
 */
final class EarlierMessages {

    private static final String PREFIX = "messages[";

    private EarlierMessages() {
    }

    static boolean contains(String path, int lastMessage) {
        if (lastMessage <= 0 || !path.startsWith(PREFIX)) {
            return false;
        }
        int index = 0;
        int i = PREFIX.length();
        int digits = 0;
        while (i < path.length() && path.charAt(i) >= '0' && path.charAt(i) <= '9' && digits < 9) {
            index = index * 10 + (path.charAt(i) - '0');
            i++;
            digits++;
        }
        return digits > 0 && i < path.length() && path.charAt(i) == ']' && index < lastMessage;
    }
}
