package nl.dijkwacht.console.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import nl.dijkwacht.pii.PiiEngine;
import nl.dijkwacht.pii.RecognizerRegistry;
import nl.dijkwacht.pii.detect.Finding;
import nl.dijkwacht.pii.detect.PatternRecognizer;
import nl.dijkwacht.pii.detect.Recognizer;
import org.junit.jupiter.api.Test;

/**
 * The console's explain page says in Dutch why the PII engine found something: every recognizer, every pattern and
 * rule, every context cue the engine can give has a Dutch text, and a term without one never shows in English.
 */
class FindingExplanationsTest {

    @Test
    void everyRecognizerAndEveryPatternOfTheEngineHasADutchText() {
        Set<String> missing = new TreeSet<>();
        int labels = 0;
        for (Recognizer r : RecognizerRegistry.dutch(false)) {
            if (FindingExplanations.recognizer(r.name()) == null) {
                missing.add("recognizer " + r.name());
            }
            if (r instanceof PatternRecognizer patterns) {
                for (String label : patterns.labels()) {
                    labels++;
                    if (FindingExplanations.pattern(label) == null) {
                        missing.add("pattern " + label);
                    }
                }
            }
        }
        assertThat(labels).isPositive();
        assertThat(missing).as("terms of the engine without a Dutch text").isEmpty();
    }

    /** The evaluation texts make every recognizer and rule fire; whatever the engine explains there has Dutch text. */
    @Test
    void everyExplanationTheEngineGivesOnItsEvaluationTextsIsInDutch() throws Exception {
        ObjectMapper json = new ObjectMapper();
        PiiEngine engine = PiiEngine.dutchDefault();
        Set<String> missing = new TreeSet<>();
        Set<String> recognizers = new TreeSet<>();
        Set<String> patterns = new TreeSet<>();
        Set<String> contexts = new TreeSet<>();
        List<Path> files;
        try (Stream<Path> all = Files.walk(Path.of("src/test/resources/pii"))) {
            files = all.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            for (String line : Files.readAllLines(file)) {
                if (line.isBlank()) {
                    continue;
                }
                for (Finding f : engine.detect(json.readTree(line).path("text").asText())) {
                    recognizers.add(f.recognizer());
                    patterns.add(f.pattern());
                    contexts.add(f.context());
                    if (FindingExplanations.recognizer(f.recognizer()) == null) {
                        missing.add("recognizer " + f.recognizer());
                    }
                    if (FindingExplanations.pattern(f.pattern()) == null) {
                        missing.add("pattern " + f.pattern());
                    }
                    if (FindingExplanations.context(f.context()) == null) {
                        missing.add("context " + f.context());
                    }
                }
            }
        }
        assertThat(missing).as("explanations of the engine without a Dutch text").isEmpty();
        // the texts exercise the engine widely: most recognizers, many rules and cues
        assertThat(recognizers).hasSizeGreaterThan(12);
        assertThat(patterns).hasSizeGreaterThan(30);
        assertThat(contexts).hasSizeGreaterThan(20);
    }

    @Test
    void aFindingExplainedInDutch() {
        assertThat(FindingExplanations.dutch("bsn", "nine digits, also grouped 4-2-3 or 3-3-3 by `.`, space or `-`, or 5-4 by a space",
                "context +'bsn' before", 0.99))
                .isEqualTo("BSN: negen cijfers, ook in groepjes 4-2-3 of 3-3-3 met `.`, spatie of `-`, of 5-4 met een spatie;"
                        + " context: 'bsn' ervoor (wijst erop); score 0,99");
        assertThat(FindingExplanations.dutch("person", "known given name + tussenvoegsel + known surname + name in capitals widened", "", 0.85))
                .isEqualTo("persoonsnaam: bekende voornaam + tussenvoegsel + bekende achternaam + naam in hoofdletters, uitgebreid; score 0,85");
        assertThat(FindingExplanations.dutch("phone-context", "`316` + eight digits", "context -'…nummer' column header", 0.7))
                .isEqualTo("telefoonnummer zonder voorloopnul: `316` + acht cijfers; context: '…nummer' als kolomkop (wijst ervan af); score 0,70");
        assertThat(FindingExplanations.dutch("driving-licence", "driving licence field 2 (name)", "context +'rijbewijs'", 0.9))
                .isEqualTo("rijbewijs: rijbewijsveld 2 (naam); context: 'rijbewijs' (wijst erop); score 0,90");
        String dateLabel = RecognizerRegistry.dutch(false).stream()
                .filter(r -> r.name().equals("date-of-birth") && r instanceof PatternRecognizer)
                .flatMap(r -> ((PatternRecognizer) r).labels().stream()).filter(l -> l.startsWith("date: ")).findFirst().orElseThrow();
        assertThat(FindingExplanations.dutch("date-of-birth", dateLabel, "context +'geboren' before", 0.9))
                .as("a table cell names the kinds of date, not every form the pattern takes")
                .isEqualTo("geboortedatum: datum in cijfers of in woorden (zoals `3-3-1961`, `1961-03-03`, `03031961`,"
                        + " `3 maart 1961`, `12 MRT 1985`); context: 'geboren' ervoor (wijst erop); score 0,90");
    }

    @Test
    void aTermWithoutADutchTextIsLeftOutRatherThanShownInEnglish() {
        assertThat(FindingExplanations.dutch("iban", "a pattern added tomorrow", "something new", 0.5))
                .isEqualTo("IBAN (rekeningnummer); score 0,50");
    }
}
