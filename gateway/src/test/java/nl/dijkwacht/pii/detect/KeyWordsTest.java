package nl.dijkwacht.pii.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeyWordsTest {

    @Test
    void firstEntryOfTheListThatOccursAtAWordStart() {
        KeyWords words = new KeyWords(List.of("geboorte", "datum", "geb", "taal$", "bsn nummer"));
        assertThat(words.firstIn("datum geboorte")).isEqualTo("geboorte"); // list order, not position in the key
        assertThat(words.firstIn("geb datum")).isEqualTo("datum");
        assertThat(words.firstIn("geb")).isEqualTo("geb");
        assertThat(words.firstIn("gebouw")).isNull();
        assertThat(words.firstIn("einddatum")).isNull(); // not at a word start
        assertThat(words.firstIn("taalcafe")).isNull();
        assertThat(words.firstIn("taal")).isEqualTo("taal$");
        assertThat(words.firstIn("klant bsn nummer")).isEqualTo("bsn nummer");
        assertThat(words.firstIn("")).isNull();
        assertThat(new KeyWords(List.of("$", "")).anyIn("x")).isFalse();
    }
}
