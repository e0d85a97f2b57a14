import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline.TimelineEvent;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the gateway once with Spring's {@link BufferingApplicationStartup} and writes where its start-up time went:
 * the phases of the context refresh and the beans with the longest own time (their time minus that of the beans
 * they caused to be created). Run by docs/bench/startup-timeline.sh with the extracted jar's class path; the
 * gateway's own arguments follow. Output: {@code -Dtimeline.out} (default timeline.md) and the raw steps next to it.
 */
public class StartupTimeline {

    record Step(long id, long parent, String name, String tags, long startMs, long durationMs) {
    }

    public static void main(String[] args) throws Exception {
        long jvmStart = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        SpringApplication app = new SpringApplication(Class.forName("nl.dijkwacht.DijkwachtApplication"));
        BufferingApplicationStartup startup = new BufferingApplicationStartup(100_000);
        app.setApplicationStartup(startup);
        long before = System.currentTimeMillis();
        ConfigurableApplicationContext context = app.run(args);
        long ready = System.currentTimeMillis();
        var timeline = startup.getBufferedTimeline();
        long t0 = timeline.getStartTime().toEpochMilli();
        List<Step> steps = new ArrayList<>();
        for (TimelineEvent event : timeline.getEvents()) {
            var step = event.getStartupStep();
            StringBuilder tags = new StringBuilder();
            step.getTags().forEach(tag -> tags.append(tag.getKey()).append('=').append(tag.getValue()).append(' '));
            steps.add(new Step(step.getId(), step.getParentId() == null ? -1 : step.getParentId(), step.getName(),
                    tags.toString().trim(), event.getStartTime().toEpochMilli() - t0, event.getDuration().toMillis()));
        }
        Map<Long, Long> childTime = new HashMap<>();
        steps.forEach(s -> childTime.merge(s.parent(), s.durationMs(), Long::sum));
        Path out = Path.of(System.getProperty("timeline.out", "timeline.md"));
        List<String> lines = new ArrayList<>();
        lines.add("JVM start to SpringApplication.run: " + (before - jvmStart) + " ms; run() returned (runners included) "
                + (ready - jvmStart) + " ms after the JVM started");
        lines.add("");
        lines.add("| phase (top-level steps over 100 ms) | starts at ms | ms |");
        lines.add("|---|---:|---:|");
        steps.stream().filter(s -> s.parent() == -1 || s.name().startsWith("spring.context.beandef")
                        || s.name().startsWith("spring.context.config-classes") || s.name().equals("spring.boot.webserver.create"))
                .filter(s -> s.durationMs() > 100)
                .forEach(s -> lines.add("| " + s.name() + " " + shorten(s.tags()) + " | " + s.startMs() + " | " + s.durationMs() + " |"));
        lines.add("");
        lines.add("| bean (longest own time: its creation minus the beans it caused) | own ms | with dependencies ms |");
        lines.add("|---|---:|---:|");
        steps.stream().filter(s -> s.name().equals("spring.beans.instantiate"))
                .sorted(Comparator.comparingLong((Step s) -> s.durationMs() - childTime.getOrDefault(s.id(), 0L)).reversed())
                .limit(30)
                .forEach(s -> lines.add("| " + shorten(s.tags()) + " | " + (s.durationMs() - childTime.getOrDefault(s.id(), 0L))
                        + " | " + s.durationMs() + " |"));
        Files.write(out, lines);
        List<String> raw = new ArrayList<>();
        steps.forEach(s -> raw.add(s.durationMs() + "\t" + s.startMs() + "\t" + s.id() + "\t" + s.parent() + "\t" + s.name() + "\t" + s.tags()));
        Files.write(Path.of(out + ".tsv"), raw);
        context.close();
    }

    private static String shorten(String tags) {
        String t = tags.replace("beanName=", "").replaceAll("beanType=\\S*\\.", "");
        return t.length() > 110 ? t.substring(0, 110) + "…" : t;
    }
}
