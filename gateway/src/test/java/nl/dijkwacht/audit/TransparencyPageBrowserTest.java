package nl.dijkwacht.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import nl.dijkwacht.support.GatewayTestBase;
import nl.dijkwacht.support.HeadlessChromium;
import nl.dijkwacht.support.TestPack;
import org.junit.jupiter.api.Test;

/** The public transparency page as a resident's browser shows it: no login, real figures, no personal data. */
class TransparencyPageBrowserTest extends GatewayTestBase {

    @Test
    void residentsSeeModelsPurposesAndMonthlyVolumesWithoutLoggingIn() throws Exception {
        HeadlessChromium.require();
        for (int i = 0; i < 3; i++) {
            postJson("/v1/chat/completions", chat("dry-run", "Brief aan jan.devries@example.nl"), TestPack.TOOL_KEY,
                    "X-Dijkwacht-User", "medewerker-" + i);
        }
        postJson("/v1/chat/completions", chat("dry-run", "Hallo"), "wrong-key");

        String dom = HeadlessChromium.dumpDom(url("/transparantie").toString());

        assertThat(dom).contains("<html lang=\"nl\"").contains("Modellen in gebruik").contains("Gebruik per maand");
        assertThat(dom).contains("dry-run").contains("test-algemeen");
        assertThat(dom).doesNotContain("jan.devries").doesNotContain("medewerker-");
        Path screenshot = Path.of("target", "transparantie.png");
        Files.createDirectories(screenshot.getParent());
        HeadlessChromium.screenshot(url("/transparantie").toString(), screenshot);
        assertThat(Files.size(screenshot)).isPositive();
    }
}
