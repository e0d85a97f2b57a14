package nl.dijkwacht.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EarlierMessagesTest {

    @Test
    void onlyMessagesBeforeTheLastAreEarlier() {
        assertThat(EarlierMessages.contains("messages[0].content", 1)).isTrue();
        assertThat(EarlierMessages.contains("messages[2].content[1].text", 3)).isTrue();
        assertThat(EarlierMessages.contains("messages[12].tool_calls[0].function.arguments", 13)).isTrue();
        assertThat(EarlierMessages.contains("messages[1].content", 1)).isFalse();   // the last message
        assertThat(EarlierMessages.contains("messages[0].content", 0)).isFalse();   // the only message
        assertThat(EarlierMessages.contains("messages[0].content", -1)).isFalse();  // no messages array
        assertThat(EarlierMessages.contains("tools[0].function.description", 5)).isFalse();
        assertThat(EarlierMessages.contains("messages[].content", 5)).isFalse();
        assertThat(EarlierMessages.contains("messages[1", 5)).isFalse();
        assertThat(EarlierMessages.contains("messages[99999999999].content", 5)).isFalse();
        assertThat(EarlierMessages.contains("messages[٣].content", 5)).isFalse(); // an Arabic-Indic digit is no index
    }
}
