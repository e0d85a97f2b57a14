package nl.dijkwacht.audit.chain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.dijkwacht.audit.AuditRecord;
import nl.dijkwacht.audit.Records;
import nl.dijkwacht.audit.RetainedContent;
import nl.dijkwacht.audit.store.AuditRows;
import org.junit.jupiter.api.Test;

/**
 * The journal's frames with Blackbird (accessors through generated lambdas): the same bytes the journal wrote with
 * plain Jackson before, so a journal left by an older gateway and one written now read alike; and what is read back is
 * what was committed, every field of every record.
 */
class AuditJournalFormatTest {

    /** The journal's mapper as it was before Blackbird. */
    private static final ObjectMapper PLAIN = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void aFrameHoldsTheSameJsonAsBeforeAndReadsBackAsCommitted() throws Exception {
        List<LinkedRecord> batch = batch();
        Path file = Files.createTempDirectory("dw-journal-format").resolve("main.audit-journal");
        try (AuditJournal journal = new AuditJournal(file, false, () -> { }, () -> 0L)) {
            journal.committed(batch, true);
            byte[] written = Files.readAllBytes(file);
            ByteBuffer in = ByteBuffer.wrap(written);
            int length = in.getInt();
            in.getInt(); // CRC32C
            byte[] json = new byte[length];
            in.get(json);
            assertThat(in.remaining()).isZero();

            List<AuditJournal.Entry> entries = new ArrayList<>();
            for (LinkedRecord r : batch) {
                AuditRows.ChainLink l = r.link();
                entries.add(new AuditJournal.Entry(l.seq(), l.prevHash(), l.recordHash(), l.chainKeyId(), r.record(), r.content()));
            }
            assertThat(new String(json, java.nio.charset.StandardCharsets.UTF_8))
                    .isEqualTo(PLAIN.writeValueAsString(new AuditJournal.Batch("main", entries)));

            List<AuditJournal.Batch> read = AuditJournal.read(file);
            assertThat(read).hasSize(1);
            assertThat(read.getFirst().chain()).isEqualTo("main");
            assertThat(read.getFirst().entries()).hasSize(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                assertThat(read.getFirst().entries().get(i).linked("main")).isEqualTo(batch.get(i));
            }
        }
    }

    /** Records with every kind of field set: lists, maps, routing, purpose, action parameters, retained content. */
    private static List<LinkedRecord> batch() {
        Instant at = Instant.parse("2026-12-04T20:15:30.123Z");
        AuditRecord full = AuditRecord.builder()
                .traceId("0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b")
                .occurredAt(at)
                .bioAction("chat.completions").bioObject("model:m").bioResult("success").bioOrigin("tool:t")
                .endpoint("chat.completions").toolId("t").actorPseudonym("p-1").department("Burgerzaken")
                .tenant("gemeente").useCase("brieven-opstellen").modelId("m").upstreamModel("mistral")
                .provider("openai-compatible").hosting("eigen").policyVersion("pv-1").decision("redacted")
                .rule("pii:redact").errorCode(null).httpStatus(200).upstreamStatus(200)
                .entityCounts(Map.of("BSN", 1, "EMAIL", 2)).outputEntityCounts(Map.of("IBAN", 1))
                .promptTokens(120).completionTokens(80).latencyMillis(35).energyWh(0.4).streamed(true)
                .placeholdersRestored(2).placeholdersUnknown(1).hashKeyId("k1")
                .promptHmac("a".repeat(64)).answerHmac("b".repeat(64)).promptTemplate("tpl@3")
                .sources(List.of("doc:1", "naïef \"citaat\"")).citations(List.of("doc:1"))
                .contentRetained(true).reviewRequired(true)
                .routing(new AuditRecord.Routing("samenvatten", "auto; m@llm:ok 12ms", "llm.intern:8000/v1"))
                .actionParameters("{\"days\":30}").attachmentCounts(Map.of("image", 2))
                .purpose(new AuditRecord.Purpose("allowed", "classifier", 0.125))
                .build();
        AuditRecord refused = Records.sample("0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c", at.plusMillis(1), "p-2", "Financiën",
                "vrije-vraag", "refused");
        RetainedContent content = new RetainedContent("Beste [NAAM_1],", "Antwoord", at.plusSeconds(86_400));
        return List.of(
                new LinkedRecord(new AuditRows.ChainLink("main", 41, "0".repeat(64), "1".repeat(64), "c-1"), full, content),
                new LinkedRecord(new AuditRows.ChainLink("main", 42, "1".repeat(64), "2".repeat(64), "c-1"), refused, null));
    }
}
