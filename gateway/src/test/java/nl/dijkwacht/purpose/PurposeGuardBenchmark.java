package nl.dijkwacht.purpose;

import java.util.List;
import java.util.concurrent.TimeUnit;
import nl.dijkwacht.pii.detect.SpecialCategoryRecognizer;
import nl.dijkwacht.policy.ForbiddenPurpose;
import nl.dijkwacht.policy.PurposeGuardPolicy;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The in-process layers of the purpose guard (rules, special-category term list, classifier) on the development
 * prompts, one per call in turn, no guard model: the latency the guard adds to a request. Single thread. Run with
 * {@link PurposeGuardBenchmarkMain}.
 */
@State(Scope.Thread)
public class PurposeGuardBenchmark {

    LayeredPurposeGuard guard;
    List<ForbiddenPurpose> rules;
    List<List<String>> prompts;
    int next;

    @Setup
    public void setUp() {
        guard = new LayeredPurposeGuard(PurposeClassifier.shipped(), new SpecialCategoryRecognizer());
        rules = PurposeEvaluation.defaultPolicy().governance().forbiddenPurposes();
        prompts = developmentPrompts();
    }

    static List<List<String>> developmentPrompts() {
        return java.util.stream.Stream.of("dev", "heldout")
                .flatMap(part -> EvalSet.load(part).prompts().stream())
                .map(p -> List.of(p.text()))
                .toList();
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Judgement judgeLatency() {
        List<String> text = prompts.get(next);
        next = (next + 1) % prompts.size();
        return guard.judge(text, rules, PurposeGuardPolicy.DEFAULTS, null);
    }
}
