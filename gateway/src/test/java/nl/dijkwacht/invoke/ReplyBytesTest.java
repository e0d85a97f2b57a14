package nl.dijkwacht.invoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.InputStreamEntity;
import org.junit.jupiter.api.Test;

/** A reply body is read as EntityUtils read it, with a declared length or without one. */
class ReplyBytesTest {

    private static final byte[] REPLY = "{\"id\":\"chatcmpl-1\",\"choices\":[{\"message\":{\"content\":\"Goedemiddag, één vraag\"}}]}"
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void aDeclaredLengthAndAChunkedReplyGiveTheSameBytes() throws Exception {
        assertThat(OpenAiCompatibleClient.replyBytes(new ByteArrayEntity(REPLY, ContentType.APPLICATION_JSON))).isEqualTo(REPLY);
        assertThat(OpenAiCompatibleClient.replyBytes(new InputStreamEntity(new ByteArrayInputStream(REPLY), -1, ContentType.APPLICATION_JSON)))
                .isEqualTo(REPLY);
        assertThat(OpenAiCompatibleClient.replyBytes(new ByteArrayEntity(new byte[0], ContentType.APPLICATION_JSON)))
                .isEqualTo(EntityUtils.toByteArray(new ByteArrayEntity(new byte[0], ContentType.APPLICATION_JSON)));
    }

    @Test
    void aBrokenStreamFailsAsBefore() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        };
        assertThatThrownBy(() -> OpenAiCompatibleClient.replyBytes(new InputStreamEntity(broken, 100, ContentType.APPLICATION_JSON)))
                .isInstanceOf(IOException.class);
    }
}
