package nl.dijkwacht.audit;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.SocketFactory;

/**
 * PostgreSQL's driver with {@code socketFactory=} this class: counts round trips, the times the driver sent something
 * and then had to read the server's answer from the socket (a wait for the server). Sends that no read follows
 * (messages queued before the next) are not counted apart.
 */
public final class CountingSocketFactory extends SocketFactory {

    private static final AtomicLong ROUND_TRIPS = new AtomicLong();

    /** Round trips over every socket this factory made (one test at a time uses it). */
    public static long roundTrips() {
        return ROUND_TRIPS.get();
    }

    @Override
    public Socket createSocket() {
        return new Socket() {
            private volatile boolean sent;
            private OutputStream out;
            private InputStream in;

            @Override
            public synchronized OutputStream getOutputStream() throws IOException {
                if (out == null) {
                    out = new FilterOutputStream(super.getOutputStream()) {
                        @Override
                        public void write(byte[] b, int off, int len) throws IOException {
                            sent = true;
                            out.write(b, off, len);
                        }

                        @Override
                        public void write(int b) throws IOException {
                            sent = true;
                            out.write(b);
                        }
                    };
                }
                return out;
            }

            @Override
            public synchronized InputStream getInputStream() throws IOException {
                if (in == null) {
                    in = new FilterInputStream(super.getInputStream()) {
                        @Override
                        public int read() throws IOException {
                            answered();
                            return super.read();
                        }

                        @Override
                        public int read(byte[] b, int off, int len) throws IOException {
                            answered();
                            return super.read(b, off, len);
                        }
                    };
                }
                return in;
            }

            private void answered() {
                if (sent) {
                    sent = false;
                    ROUND_TRIPS.incrementAndGet();
                }
            }
        };
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        throw new UnsupportedOperationException("the driver creates unconnected sockets");
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        throw new UnsupportedOperationException("the driver creates unconnected sockets");
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        throw new UnsupportedOperationException("the driver creates unconnected sockets");
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        throw new UnsupportedOperationException("the driver creates unconnected sockets");
    }
}
