package nl.dijkwacht.routing;

import java.util.ArrayList;
import java.util.List;
import nl.dijkwacht.invoke.ModelInvoker;

/**
 * How one request's model was chosen and reached: the task it named (if any), why the first model was chosen, the
 * models passed over and why, and every upstream call made. Per request (it lives on the exchange); model ids,
 * upstream labels and reasons only, never request text. The audit record keeps {@link #summary()}.
 */
public final class RouteLog {

    /**
     * One call to one upstream of one model: {@code outcome} is {@code ok}, the failure kind (e.g. {@code timeout}),
     * or {@code client_disconnected} / {@code gateway_error} when the tool or the gateway ended it.
     */
    public record Attempt(String model, String upstream, String outcome, long millis) {
    }

    /** A model that was passed over without a call, and why ({@code circuit-open}, {@code overloaded}, {@code context-window}, …). */
    public record Skip(String model, String reason) {
    }

    private String task;
    private String reason;
    private Integer promptTokens;
    private final List<Skip> skips = new ArrayList<>();
    private final List<Attempt> attempts = new ArrayList<>();

    /** The task the request named, once it is known to be a task of its use-case; {@code null} otherwise. */
    public String task() { return task; }
    public void task(String task) { this.task = task; }

    /** The prompt's size in tokens as counted for the context-window check, or {@code null} when not counted. */
    public Integer promptTokens() { return promptTokens; }
    public void promptTokens(int tokens) { this.promptTokens = tokens; }

    /** Why the model that was chosen first was chosen, e.g. {@code task:samenvatten} or {@code requested}. */
    public String reason() { return reason; }
    public void reason(String reason) { this.reason = reason; }

    public List<Skip> skips() { return List.copyOf(skips); }
    public void skip(String model, String why) { skips.add(new Skip(model, why)); }

    public List<Attempt> attempts() { return List.copyOf(attempts); }
    public void attempt(Attempt attempt) { attempts.add(attempt); }

    /**
     * The upstream that gave the answer, or {@code null} when none did. A stream the tool hung up on part-way was
     * answered too ({@code client_disconnected}: the upstream was streaming when the tool left).
     */
    public String answeredBy() {
        for (int i = attempts.size() - 1; i >= 0; i--) {
            String outcome = attempts.get(i).outcome();
            if ("ok".equals(outcome) || ModelInvoker.CLIENT_DISCONNECTED.equals(outcome)) {
                return attempts.get(i).upstream();
            }
        }
        return null;
    }

    /**
     * One line for the audit record: reason, skipped models and attempts in order, e.g.
     * {@code task:samenvatten; skip lokaal-klein:circuit-open; eu-groot@api.mistral.ai:ok 812ms}.
     */
    public String summary() {
        List<String> parts = new ArrayList<>();
        if (reason != null) {
            parts.add(reason);
        }
        skips.forEach(s -> parts.add("skip " + s.model() + ":" + s.reason()));
        attempts.forEach(a -> parts.add(a.model() + "@" + a.upstream() + ":" + a.outcome() + " " + a.millis() + "ms"));
        return parts.isEmpty() ? null : String.join("; ", parts);
    }
}
