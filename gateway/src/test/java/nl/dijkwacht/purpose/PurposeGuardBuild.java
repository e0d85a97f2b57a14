package nl.dijkwacht.purpose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One build of the purpose guard — a directory of compiled gateway classes and resources ({@code gateway/target/classes}
 * of some commit) — loaded in its own class loader over the libraries of the test class path, with the default policy
 * pack's forbidden purposes and the default thresholds (what the gateway's use-cases run with), no guard model. For
 * comparing builds in one JVM ({@link PurposeGuardCostComparison}, {@link PurposeGuardEquivalence}).
 */
final class PurposeGuardBuild {

    final String name;
    private final Object guard;
    private final Object rules;
    private final Object settings;
    private final Method judge;

    private PurposeGuardBuild(String name, Object guard, Object rules, Object settings, Method judge) {
        this.name = name;
        this.guard = guard;
        this.rules = rules;
        this.settings = settings;
        this.judge = judge;
    }

    /** {@code name=directory}. */
    static PurposeGuardBuild load(String nameAndDirectory, ClassLoader libraries) throws ReflectiveOperationException, IOException {
        String[] kv = nameAndDirectory.split("=", 2);
        URLClassLoader loader = new URLClassLoader(new URL[] {new File(kv[1]).toURI().toURL()}, libraries);
        Class<?> classifierClass = loader.loadClass("nl.dijkwacht.purpose.PurposeClassifier");
        Class<?> termsClass = loader.loadClass("nl.dijkwacht.pii.detect.SpecialCategoryRecognizer");
        Class<?> guardClass = loader.loadClass("nl.dijkwacht.purpose.LayeredPurposeGuard");
        Class<?> policyClass = loader.loadClass("nl.dijkwacht.policy.PurposeGuardPolicy");
        Class<?> guardModelClass = loader.loadClass("nl.dijkwacht.purpose.GuardModel");
        Object classifier = classifierClass.getMethod("shipped").invoke(null);
        Object terms = termsClass.getConstructor().newInstance();
        Object guard = guardClass.getConstructor(classifierClass, termsClass).newInstance(classifier, terms);
        Class<?> loaderClass = loader.loadClass("nl.dijkwacht.policy.PolicyLoader");
        Path root = projectRoot();
        Object policySet = loaderClass.getMethod("load", Path.class, Path.class)
                .invoke(loaderClass.getConstructor().newInstance(), root.resolve("policies"), root.resolve("models-config"));
        Object governance = policySet.getClass().getMethod("governance").invoke(policySet);
        Object rules = governance.getClass().getMethod("forbiddenPurposes").invoke(governance);
        Object settings = policyClass.getField("DEFAULTS").get(null);
        Method judge = guardClass.getMethod("judge", List.class, List.class, policyClass, guardModelClass);
        return new PurposeGuardBuild(kv[0], guard, rules, settings, judge);
    }

    /** The libraries of the test class path (its jars), without any build's classes. */
    static ClassLoader libraries() throws IOException {
        List<URL> jars = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.endsWith(".jar")) {
                jars.add(new File(entry).toURI().toURL());
            }
        }
        return new URLClassLoader(jars.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }

    /** The build's judgement of the messages (a {@code Judgement} of that build's class loader). */
    Object judge(List<String> texts) throws ReflectiveOperationException {
        return judge.invoke(guard, texts, rules, settings, null);
    }

    /** The harness's request (the shared harness's body.json): its system prompt and its user prompt. */
    static List<String> harnessRequest() throws IOException {
        Path root = projectRoot();
        Path body = Files.isDirectory(root.resolve("../shared/bench")) ? root.resolve("../shared/bench/body.json")
                : root.resolve("../../shared/bench/body.json");
        return PurposeGuardStep.instructionTexts(new ObjectMapper().readTree(body.toFile()).path("messages"));
    }

    /** Every turn of the five-turn conversation (docs/bench/body-conversation.json): its instruction texts up to that turn. */
    static List<List<String>> conversationTurns() throws IOException {
        JsonNode messages = new ObjectMapper().readTree(projectRoot().resolve("docs/bench/body-conversation.json").toFile())
                .path("messages");
        List<List<String>> turns = new ArrayList<>();
        List<JsonNode> upTo = new ArrayList<>();
        for (JsonNode m : messages) {
            upTo.add(m);
            if (m.path("role").asText().equals("user")) {
                turns.add(PurposeGuardStep.instructionTexts(new ObjectMapper().valueToTree(upTo)));
            }
        }
        return turns;
    }

    private static Path projectRoot() {
        return (Files.isDirectory(Path.of("policies")) ? Path.of(".") : Path.of("..")).toAbsolutePath().normalize();
    }
}
