package nl.dijkwacht.invoke;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The tool that receives a streamed answer closed the connection: thrown by the {@link ChunkSink} that writes to it,
 * and nothing more can be sent. Not the upstream's doing: {@link ModelInvoker} records the call as
 * {@code client_disconnected}, apart from a gateway error, and it says nothing about the upstream's health.
 */
public final class ClientGoneException extends UncheckedIOException {

    public ClientGoneException(IOException cause) {
        super(cause);
    }
}
