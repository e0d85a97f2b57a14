package nl.dijkwacht.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link ChatCompletionsHandler#headerSafe} gives the earlier form's text (kept below) for every text, ASCII or not. */
class HeaderSafeTest {

    /** The earlier code: every text encoded byte by byte. */
    private static String earlier(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (byte b : text.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 0x20 && c < 0x7f && c != '%') {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }

    @Test
    void theSameTextAsBefore() {
        String alphabet = "abcXYZ 09.:-()%\t\n\u001f\u007f\u0080éëü—’€\uD83D\uDE00\uD800\uDC00\uDBFF";
        Random random = new Random(24);
        for (int i = 0; i < 50_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(40); n > 0; n--) {
                text.append(random.nextInt(3) == 0 ? alphabet.charAt(random.nextInt(alphabet.length()))
                        : (char) (0x20 + random.nextInt(0x5f)));
            }
            assertThat(ChatCompletionsHandler.headerSafe(text.toString())).isEqualTo(earlier(text.toString()));
        }
        String disclaimer = "Dit antwoord is met AI gegenereerd (model gpt-4o-mini) en kan fouten bevatten. Traceercode: 0193";
        assertThat(ChatCompletionsHandler.headerSafe(disclaimer)).isSameAs(disclaimer);
    }
}
