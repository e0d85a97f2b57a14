package nl.dijkwacht.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * turns28: a delivered turn hashes alike whole or in pieces, with or without the whitespace a tool changes, without the
 * disclaimer the gateway appended; any change of its words or tool calls, and another key, give another hash.
 */
class TurnHasherTest {

    private final TurnHasher hasher = TurnHasher.fromSecret("0123456789abcdef0123456789abcdef".getBytes());
    private static final String NOTE = TurnHasher.DISCLAIMER_SEPARATOR + "Deze tekst is met behulp van AI opgesteld. Traceercode: t-1";

    private String delivered(String note, String... pieces) {
        TurnHasher.Running r = hasher.running();
        for (String p : pieces) {
            r.content(p);
        }
        return r.finish(note);
    }

    @Test
    void piecesWhitespaceAndTheDisclaimerDoNotChangeTheHash() {
        String text = "Een medewerker mag vragen\n\nwat de regels zijn.";
        String whole = hasher.turn(text, List.of());
        assertThat(whole).hasSize(2 * TurnHasher.BYTES);
        assertThat(delivered(NOTE, text + NOTE)).isEqualTo(whole);
        assertThat(delivered(NOTE, "Een medewer", "ker mag vragen\n", "\nwat de regels zijn.", NOTE.substring(0, 9), NOTE.substring(9)))
                .isEqualTo(whole);
        assertThat(hasher.turn("  Een medewerker mag\tvragen wat de regels zijn. \n", List.of())).isEqualTo(whole);
        // a whole answer, its disclaimer known: hashed without holding back, the same hash
        TurnHasher.Running at = hasher.running();
        at.whole(text + NOTE, NOTE);
        assertThat(at.finish(NOTE)).isEqualTo(whole);
        // letters outside ASCII and pairs (an emoji) split over pieces
        String other = "Één vraag: 😀 mag dat?";
        assertThat(delivered(null, other.substring(0, 12), other.substring(12))).isEqualTo(hasher.turn(other, List.of()));
        assertThat(hasher.turn(other, List.of())).isNotEqualTo(hasher.turn(other.replace("😀", "?"), List.of()));
        // a long answer: the end held back for the disclaimer crosses many pieces
        String longText = "woord ".repeat(5_000).strip();
        String[] pieces = longText.split("(?<=\\G.{37})");
        String[] withNote = java.util.Arrays.copyOf(pieces, pieces.length + 1);
        withNote[pieces.length] = NOTE;
        assertThat(delivered(NOTE, withNote)).isEqualTo(hasher.turn(longText, List.of()));
        // resent with the disclaimer: the part before the line '---' hashes as delivered, the rest stays to be read
        String[] split = TurnHasher.withoutNote(text + NOTE);
        assertThat(hasher.turn(split[0], List.of())).isEqualTo(whole);
        assertThat(split[1]).startsWith("Deze tekst is met behulp van AI opgesteld.");
        assertThat(TurnHasher.withoutNote(text)).isNull();
    }

    @Test
    void anotherWordAnotherCallOrAnotherKeyIsAnotherHash() {
        String text = "Een medewerker mag vragen wat de regels zijn.";
        String whole = hasher.turn(text, List.of());
        assertThat(hasher.turn(text.replace("regels", "Regels"), List.of())).isNotEqualTo(whole);
        assertThat(hasher.turn(text + " Beoordeel deze inwoner.", List.of())).isNotEqualTo(whole);
        assertThat(TurnHasher.fromSecret("another-secret-another-secret-00".getBytes()).turn(text, List.of())).isNotEqualTo(whole);
        // a disclaimer that is not the one delivered is not cut
        assertThat(delivered(NOTE, text + TurnHasher.DISCLAIMER_SEPARATOR + "iets anders")).isNotEqualTo(whole);

        String call = hasher.turn(null, List.<String[]>of(new String[] {"zoek_dossier", "{\"zaak\": \"Z-1\"}"}));
        TurnHasher.Running streamed = hasher.running();
        streamed.toolCall(0, "zoek_", "{\"zaak\"");
        streamed.toolCall(0, "dossier", ":\n \"Z-1\"}");
        assertThat(streamed.finish(null)).isEqualTo(call);
        assertThat(hasher.turn(null, List.<String[]>of(new String[] {"zoek_dossier", "{\"zaak\": \"Z-2\"}"}))).isNotEqualTo(call);
        assertThat(hasher.turn(null, List.<String[]>of(new String[] {"zoek_dossiers", "{\"zaak\": \"Z-1\"}"}))).isNotEqualTo(call);
        // the call's name and arguments cannot be passed off as text
        assertThat(hasher.turn("zoek_dossier {\"zaak\": \"Z-1\"}", List.of())).isNotEqualTo(call);
        assertThat(hasher.running().finish(null)).isNull();
    }

    @Test
    void aStreamedToolCallIsHashedAsItArrivesNotHeldWhole() {
        // review44b: a stream's tool-call arguments were held whole until the end, per open stream, without a limit
        String args = "{\"tekst\": \"" + "x".repeat(999) + " ".repeat(1_000) + "\"}";
        TurnHasher.Running streamed = hasher.running();
        streamed.content("Ik zoek het op.");
        streamed.toolCall(0, "zoek_dossier", null);
        StringBuilder whole = new StringBuilder();
        for (int i = 0; i < 2_000; i++) { // 4 MB of arguments in pieces of 2,000 characters
            streamed.toolCall(0, null, args.substring(0, 1_000));
            streamed.toolCall(0, null, args.substring(1_000));
            if (i < 3) {
                whole.append(args);
            }
            assertThat(streamed.heldChars()).isLessThanOrEqualTo(2 * TurnHasher.HOLD);
        }
        assertThat(streamed.finish(null)).hasSize(2 * TurnHasher.BYTES);
        // the same hash whole and in pieces, whitespace collapsed, with two calls and their names in pieces
        TurnHasher.Running two = hasher.running();
        two.content("Ik zoek het op.");
        two.toolCall(0, "zoek_", whole.substring(0, 10));
        two.toolCall(1, "lees", "{}");
        two.toolCall(0, "dossier", whole.substring(10));
        assertThat(two.finish(null)).isEqualTo(hasher.turn("Ik zoek het op.", List.<String[]>of(
                new String[] {"zoek_dossier", whole.toString()}, new String[] {"lees", "{}"})));
        assertThat(hasher.turn(null, List.<String[]>of(new String[] {"a", "b"}, new String[] {"c", "d"})))
                .isNotEqualTo(hasher.turn(null, List.<String[]>of(new String[] {"a", "bc"}, new String[] {"", "d"})));
    }
}
