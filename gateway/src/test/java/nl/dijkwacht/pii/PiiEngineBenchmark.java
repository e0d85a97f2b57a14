package nl.dijkwacht.pii;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import nl.dijkwacht.pii.detect.Finding;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The PII engine on Dutch municipal letters of about 1 KB and 10 KB, with and without the name finder.
 * Single thread, so ops/s × size = MB/s per core. Run with {@link PiiEngineBenchmarkMain}.
 */
@State(Scope.Thread)
public class PiiEngineBenchmark {

    static final String LETTER_TEMPLATE = """
            Aan mevrouw %s
            %s
            %s Utrecht

            Ons kenmerk: Z-2025-%d
            Datum: 14 maart 2025
            Onderwerp: besluit op uw aanvraag maatwerkvoorziening Wmo

            Geachte mevrouw %s,

            Op 3 februari 2025 hebben wij uw aanvraag ontvangen. Tijdens het keukentafelgesprek met onze consulent
            %s op 20 februari bespraken wij uw situatie. U vertelde dat u sinds vorig jaar moeite heeft met het
            huishouden. Uw dochter %s helpt u twee keer per week. Wij hebben uw gegevens gecontroleerd in de BRP
            (BSN %s, geboren %s). Wij kennen u huishoudelijke hulp toe voor drie uur per week. De eigen bijdrage
            via het CAK bedraagt € 21,80 per maand; een eventuele terugbetaling maken wij over op %s.

            Dit besluit is genomen op grond van artikel 2.3.5 van de Wmo 2015 en artikel 4:8 Awb. Bent u het niet
            eens met dit besluit, dan kunt u binnen zes weken bezwaar maken. Heeft u vragen? Bel 14 030 of mail naar
            wmo@utrecht.nl. U kunt ook contact opnemen met uw consulent via %s of %s.

            Met vriendelijke groet,

            %s
            Consulent Wmo
            """;

    static final String[][] PEOPLE = {
        {"F. el Amrani", "Kerkstraat 12a", "3511 AB", "El Amrani", "Sanne Visser", "Noor", "111222333", "12-03-1951",
            "NL91ABNA0417164300", "s.visser@utrecht.nl", "030-2861234", "Sanne Visser"},
        {"J.P. de Vries", "Oudegracht 5 hs", "3511 AP", "De Vries", "Mohamed Bouzid", "Eva", "123456782", "1 mei 1948",
            "NL20INGB0001234567", "m.bouzid@utrecht.nl", "06-12345678", "Mohamed Bouzid"},
        {"A. Yilmaz", "Biltstraat 101-3", "3572 AS", "Yilmaz", "Pieter van der Berg", "Elif", "232323239", "1945-07-21",
            "NL02RABO0123456789", "p.vandenberg@utrecht.nl", "+31 6 23456789", "Pieter van der Berg"},
    };

    static String letter(int i) {
        String[] p = PEOPLE[i % PEOPLE.length];
        return String.format(LETTER_TEMPLATE, p[0], p[1], p[2], 1000 + i, p[3], p[4], p[5], p[6], p[7], p[8], p[9],
                p[10], p[11]);
    }

    static String text(int bytes) {
        StringBuilder b = new StringBuilder();
        int i = 0;
        while (b.toString().getBytes(StandardCharsets.UTF_8).length < bytes) {
            b.append(letter(i++)).append('\n');
        }
        String s = b.toString();
        while (s.getBytes(StandardCharsets.UTF_8).length > bytes) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    /** A pasted spreadsheet (issue 11): CSV with a header row, personal data in every column, cut to {@code bytes}. */
    static String table(int bytes) {
        StringBuilder b = new StringBuilder("klantnummer;naam;bsn;geb_datum;adres;postcode;mobiel;iban\n");
        int i = 0;
        while (b.length() < bytes + 200) {
            String[] p = PEOPLE[i % PEOPLE.length];
            b.append(String.format("%d;%s;%s;%s;%s;%s;%s;%s%n", 10_000_000 + 7919 * i, p[4], p[6],
                    p[7], p[1], p[2], "316" + (12_345_678 + i), p[8]));
            i++;
        }
        String s = b.toString();
        while (s.getBytes(StandardCharsets.UTF_8).length > bytes) {
            s = s.substring(0, s.lastIndexOf('\n', s.length() - 2) + 1);
        }
        return s;
    }

    PiiEngine full;
    PiiEngine structured;
    String oneKb;
    String tenKb;
    String tenKbTable;

    @Setup(Level.Trial)
    public void setUp() {
        full = StandaloneEngine.dutch(); // -Ddijkwacht.pii.name-window-cache=0: text never seen
        structured = PiiEngine.structuredOnly();
        oneKb = text(1024);
        tenKb = text(10 * 1024);
        tenKbTable = table(10 * 1024);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public List<Finding> fullTable10k() {
        return full.detect(tenKbTable);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public List<Finding> fullTable10kLatency() {
        return full.detect(tenKbTable);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public List<Finding> full1k() {
        return full.detect(oneKb);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public List<Finding> full10k() {
        return full.detect(tenKb);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public List<Finding> structured1k() {
        return structured.detect(oneKb);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public List<Finding> structured10k() {
        return structured.detect(tenKb);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public List<Finding> full1kLatency() {
        return full.detect(oneKb);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public List<Finding> structured1kLatency() {
        return structured.detect(oneKb);
    }
}
