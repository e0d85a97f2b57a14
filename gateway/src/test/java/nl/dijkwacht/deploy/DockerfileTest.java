package nl.dijkwacht.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Lints deploy/Dockerfile (no container engine here to build it): with the dockerfile-utils linter (deploy/check), and
 * with the project's own rules: pinned base images, a numeric non-root user in the final stage, exec-form entrypoint,
 * nothing fetched from URLs, no secrets baked in, and the same base image, user and ports as the Jib configuration in
 * gateway/pom.xml.
 */
class DockerfileTest {

    record Instruction(int stage, String keyword, String args) {
    }

    static List<Instruction> instructions;
    static String pom;

    @BeforeAll
    static void parse() throws Exception {
        instructions = new ArrayList<>();
        StringBuilder logical = new StringBuilder();
        int stage = -1;
        for (String line : Files.readAllLines(Path.of("../deploy/Dockerfile"))) {
            String trimmed = line.strip();
            if (logical.isEmpty() && (trimmed.isEmpty() || trimmed.startsWith("#"))) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                logical.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            logical.append(trimmed);
            String[] parts = logical.toString().split("\\s+", 2);
            String keyword = parts[0].toUpperCase(java.util.Locale.ROOT);
            if (keyword.equals("FROM")) {
                stage++;
            }
            instructions.add(new Instruction(stage, keyword, parts.length > 1 ? parts[1] : ""));
            logical.setLength(0);
        }
        pom = Files.readString(Path.of("pom.xml"));
    }

    @Test
    void theDockerfileLintsClean() throws Exception {
        NodeChecks.require("dockerfile-utils");
        NodeChecks.Result clean = NodeChecks.run("lint-dockerfile.mjs", "", "../deploy/Dockerfile");
        assertThat(clean.exitCode()).as(clean.output()).isZero();
        assertThat(clean.output()).contains("0 problem(s)");

        // and the linter bites: a Dockerfile with mistakes is refused line by line
        Path broken = Files.createTempFile("Dockerfile", ".broken");
        try {
            Files.writeString(broken, "FROM eclipse-temurin:25-jre-noble AS build\nMAINTAINER someone\nUSER\nCOPY onlyone\n"
                    + "FROM eclipse-temurin:25-jre-noble AS build\n");
            NodeChecks.Result dirty = NodeChecks.run("lint-dockerfile.mjs", "", broken.toString());
            assertThat(dirty.exitCode()).isEqualTo(1);
            assertThat(dirty.output()).contains(":2: MAINTAINER has been deprecated", ":3: Instruction has no arguments",
                    ":4: COPY requires at least two arguments", "duplicate name build");
        } finally {
            Files.delete(broken);
        }
    }

    @Test
    void baseImagesArePinnedAndTheSameAsJibs() {
        List<String> bases = of("FROM").stream().map(i -> i.args().split("\\s+")[0]).toList();
        assertThat(bases).isNotEmpty().allSatisfy(image -> {
            assertThat(image).contains(":").doesNotEndWith(":latest");
        });
        assertThat(pom).contains("<image>" + bases.getLast() + "</image>");
    }

    @Test
    void theImageUsesTheReadmeStartsCollectorSettingAndJibsJvmOptions() {
        String env = of("ENV").stream().map(Instruction::args).filter(a -> a.contains("JAVA_TOOL_OPTIONS")).findFirst().orElseThrow();
        Matcher options = Pattern.compile("JAVA_TOOL_OPTIONS=\"([^\"]*)\"").matcher(env);
        assertThat(options.find()).isTrue();
        assertThat(options.group(1)).contains("-XX:-G1UseAdaptiveIHOP -XX:InitiatingHeapOccupancyPercent=45");
        assertThat(pom).contains("<JAVA_TOOL_OPTIONS>" + options.group(1) + "</JAVA_TOOL_OPTIONS>")
                .contains("<jvmArguments>-XX:-G1UseAdaptiveIHOP -XX:InitiatingHeapOccupancyPercent=45</jvmArguments>");
    }

    @Test
    void theImageRunsAsANumericNonRootUser() {
        int last = instructions.getLast().stage();
        List<Instruction> users = of("USER").stream().filter(i -> i.stage() == last).toList();
        assertThat(users).as("USER in the final stage").isNotEmpty();
        String user = users.getLast().args().strip();
        assertThat(user).matches("[1-9][0-9]*(:[1-9][0-9]*)?");
        assertThat(pom).contains("<user>" + user + "</user>");
        // nothing after USER switches back to root
        int userIndex = instructions.lastIndexOf(users.getLast());
        assertThat(instructions.subList(userIndex, instructions.size())).noneMatch(i -> i.keyword().equals("RUN"));
    }

    @Test
    void theEntrypointIsExecFormAndThePortsAreDeclared() {
        assertThat(of("ENTRYPOINT").getLast().args()).startsWith("[\"java\"");
        assertThat(of("CMD")).isEmpty();
        String exposed = String.join(" ", of("EXPOSE").stream().map(Instruction::args).toList());
        assertThat(exposed.split("\\s+")).containsExactlyInAnyOrder("8080", "9090");
        assertThat(pom).contains("<port>8080</port>", "<port>9090</port>");
    }

    @Test
    void nothingIsFetchedFromTheNetworkAndNoSecretIsBakedIn() {
        assertThat(of("ADD")).as("ADD can fetch URLs and unpack archives: use COPY").isEmpty();
        assertThat(instructions).noneMatch(i -> i.args().matches("(?i).*(curl|wget)\\s.*"));
        Pattern assignment = Pattern.compile("([A-Z_]+)=");
        for (Instruction env : of("ENV")) {
            Matcher m = assignment.matcher(env.args());
            while (m.find()) {
                assertThat(m.group(1)).doesNotContain("SECRET").doesNotContain("PASSWORD").doesNotContain("API_KEY");
            }
        }
        assertThat(of("ARG")).noneMatch(i -> i.args().matches("(?i).*(secret|password|key).*"));
    }

    @Test
    void whatItCopiesExists() {
        for (Instruction copy : of("COPY")) {
            if (copy.args().startsWith("--from=")) {
                continue;
            }
            String source = copy.args().split("\\s+")[0];
            if (source.contains("*")) {
                assertThat(source).isEqualTo("gateway/target/gateway-*.jar");
                assertThat(pom).contains("<artifactId>gateway</artifactId>");
            } else {
                assertThat(Path.of("..").resolve(source)).as(source).exists();
            }
        }
    }

    private static List<Instruction> of(String keyword) {
        return instructions.stream().filter(i -> i.keyword().equals(keyword)).toList();
    }
}
