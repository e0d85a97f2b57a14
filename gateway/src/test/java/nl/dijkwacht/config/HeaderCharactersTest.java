package nl.dijkwacht.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.firewall.FirewalledRequest;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * {@link HeaderCharacters} accepts exactly what Spring Security's default header predicates accept: compared with their
 * regular expressions on every code point (alone, between ASCII letters, after a non-ASCII one), on lone and reversed
 * surrogates and on random strings; and, on a sample, with the default {@link StrictHttpFirewall} itself.
 */
class HeaderCharactersTest {

    /** StrictHttpFirewall's defaults (spring-security-web 7.0.6: ASSIGNED_AND_NOT_ISO_CONTROL_PATTERN, HEADER_VALUE_PATTERN). */
    private static final Pattern NAME = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    private static final Pattern VALUE = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    private static void same(String s) {
        assertThat(HeaderCharacters.name(s)).as("name %s", s.codePoints().boxed().toList()).isEqualTo(NAME.matcher(s).matches());
        assertThat(HeaderCharacters.value(s)).as("value %s", s.codePoints().boxed().toList()).isEqualTo(VALUE.matcher(s).matches());
    }

    @Test
    void everyCodePointAsTheRegularExpressionsDecide() {
        int rejectedNames = 0;
        int rejectedValues = 0;
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            String c = Character.toString(cp);
            same(c);
            same("ab" + c + "cd");
            same("\u00e9" + c);
            rejectedNames += HeaderCharacters.name(c) ? 0 : 1;
            rejectedValues += HeaderCharacters.value(c) ? 0 : 1;
        }
        // the tab is the one difference between the two
        assertThat(rejectedNames - rejectedValues).isEqualTo(1);
        assertThat(HeaderCharacters.value("a\tb")).isTrue();
        assertThat(HeaderCharacters.name("a\tb")).isFalse();
        same("");
    }

    @Test
    void surrogatesAsTheRegularExpressionsDecide() {
        for (String s : new String[] {"\ud83d", "\ude00", "a\ud83db", "a\ude00\ud83d", "\ud83d\ude00", "\ude00\ud83d",
                "\ud83d\ud83d\ude00", "x\udbff\udfff", "\udb40\udc01 tag"}) {
            same(s);
        }
    }

    @Test
    void randomStringsAsTheRegularExpressionsDecide() {
        Random random = new Random(15);
        char[] pool = {'a', 'Z', '0', ' ', '-', '\t', '\n', '\u007f', '\u0085', '\u00a0', '\u00e9', '\u0378', '\u200b', '\ufffe',
                '\uffff', '\ud83d', '\ude00', '|', '%'};
        for (int i = 0; i < 200_000; i++) {
            StringBuilder s = new StringBuilder();
            int n = random.nextInt(12);
            for (int j = 0; j < n; j++) {
                s.append(random.nextInt(4) == 0 ? (char) random.nextInt(0x10000) : pool[random.nextInt(pool.length)]);
            }
            same(s.toString());
        }
    }

    @Test
    void theDefaultFirewallDecidesTheSame() {
        StrictHttpFirewall defaults = new StrictHttpFirewall();
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp += (cp < 0x3000 ? 1 : 97)) {
            String value = "x" + Character.toString(cp) + "y";
            MockHttpServletRequest request = new MockHttpServletRequest("GET", "/v1/models");
            request.addHeader("X-Probe", value);
            FirewalledRequest checked = defaults.getFirewalledRequest(request);
            boolean accepted;
            try {
                checked.getHeader("X-Probe");
                accepted = true;
            } catch (RequestRejectedException e) {
                accepted = false;
            }
            assertThat(HeaderCharacters.value(value)).as("U+%04X", cp).isEqualTo(accepted);
        }
    }
}
