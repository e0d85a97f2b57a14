package nl.dijkwacht.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The README's start ({@code ./mvnw -pl gateway spring-boot:run}) runs the gateway with the JVM's full JIT. The Spring
 * Boot plugin's run goal adds {@code -XX:TieredStopAtLevel=1} unless {@code optimizedLaunch} is off: C1 only, and the
 * gateway would serve at about twice the CPU per request of {@code java -jar} for good (docs/history/benchmark-sessions.md,
 * "warm14").
 */
class ReadmeStartTest {

    @Test
    void theRunGoalKeepsTheFullJit() throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        var pom = factory.newDocumentBuilder().parse(Path.of("pom.xml").toFile());
        NodeList plugins = pom.getElementsByTagName("plugin");
        Element runPlugin = null;
        for (int i = 0; i < plugins.getLength(); i++) {
            Element plugin = (Element) plugins.item(i);
            boolean boot = text(plugin, "artifactId").equals("spring-boot-maven-plugin");
            // the one under <build><plugins>, not a profile's
            if (boot && plugin.getParentNode().getParentNode().getNodeName().equals("build")
                    && plugin.getParentNode().getParentNode().getParentNode().getNodeName().equals("project")) {
                runPlugin = plugin;
            }
        }
        assertThat(runPlugin).as("gateway/pom.xml configures spring-boot-maven-plugin for the README's start").isNotNull();
        Element configuration = (Element) runPlugin.getElementsByTagName("configuration").item(0);
        assertThat(text(configuration, "optimizedLaunch")).as("no -XX:TieredStopAtLevel=1 on spring-boot:run").isEqualTo("false");
        assertThat(text(configuration, "jvmArguments")).doesNotContain("TieredStopAtLevel")
                .as("G1's fixed concurrent-cycle threshold (gc20)").contains("-XX:-G1UseAdaptiveIHOP", "-XX:InitiatingHeapOccupancyPercent=45");
    }

    private static String text(Element parent, String tag) {
        NodeList found = parent.getElementsByTagName(tag);
        return found.getLength() == 0 ? "" : found.item(0).getTextContent().strip();
    }
}
