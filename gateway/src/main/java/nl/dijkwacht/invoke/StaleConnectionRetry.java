package nl.dijkwacht.invoke;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import org.apache.hc.client5.http.HttpRequestRetryStrategy;
import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.client5.http.classic.ExecChainHandler;
import org.apache.hc.client5.http.classic.ExecRuntime;
import org.apache.hc.client5.http.impl.ChainElement;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.util.TimeValue;

/**
 * Sends a request once more, on a new connection, when it failed on a pooled keep-alive connection before any part
 * of an answer arrived. The server had closed that connection while it sat in the pool — an idle timeout (uvicorn,
 * under vLLM, closes after 5 s), a cap on idle connections (the JDK's HTTP server keeps 200) — and the gateway
 * reused it before the close reached it. That is the gateway's own doing, not a sign that the server is unwell, so
 * it must not count against the server's circuit breaker: after 1,000 streams ended at once, ~800 pooled
 * connections were closed by the benchmark's mock and about 20 new requests went out on them (docs/history/
 * benchmark-sessions.md, session 27). A failure on a new connection is the server's and is not retried here; nor
 * is anything after the response head (a broken stream), nor a timeout. The request body is a byte array, so it
 * can be sent again; the server never answered the first one.
 */
final class StaleConnectionRetry implements HttpRequestRetryStrategy, ExecChainHandler {

    private static final String REUSED_CONNECTION = "dijkwacht.reused-connection";
    private static final String ON_NEW_CONNECTION = "dijkwacht.on-new-connection";

    /** Installs the retry and the step that records (and, on the retry, replaces) a reused connection. */
    static HttpClientBuilder install(HttpClientBuilder builder) {
        StaleConnectionRetry retry = new StaleConnectionRetry();
        return builder.setRetryStrategy(retry)
                .addExecInterceptorBefore(ChainElement.CONNECT.name(), "dijkwacht-stale-connection", retry);
    }

    /** Runs just before the connect step: takes the pooled connection itself to see whether it is a reused one. */
    @Override
    public ClassicHttpResponse execute(ClassicHttpRequest request, ExecChain.Scope scope, ExecChain chain)
            throws IOException, HttpException {
        ExecRuntime runtime = scope.execRuntime;
        HttpClientContext context = scope.clientContext;
        if (!runtime.isEndpointAcquired()) {
            runtime.acquireEndpoint(scope.exchangeId, scope.route, context.getUserToken(), context);
        }
        boolean reused = runtime.isEndpointConnected();
        if (reused && Boolean.TRUE.equals(context.getAttribute(ON_NEW_CONNECTION))) {
            // the pool may hold more connections the server closed; the connect step opens a new one
            runtime.disconnectEndpoint();
            reused = false;
        }
        context.setAttribute(REUSED_CONNECTION, reused);
        return chain.proceed(request, scope);
    }

    @Override
    public boolean retryRequest(HttpRequest request, IOException exception, int execCount, HttpContext context) {
        if (execCount > 1 || !Boolean.TRUE.equals(context.getAttribute(REUSED_CONNECTION)) || !closedUnanswered(exception)) {
            return false;
        }
        context.setAttribute(ON_NEW_CONNECTION, true);
        return true;
    }

    /** The server closed (FIN) or reset the connection before the response head; not a timeout, not a refused connect. */
    static boolean closedUnanswered(IOException e) {
        return e instanceof NoHttpResponseException || e instanceof ConnectionClosedException
                || (e instanceof SocketException && !(e instanceof ConnectException));
    }

    /** Answers with a status are never retried here (429/503 with Retry-After are the invoker's). */
    @Override
    public boolean retryRequest(HttpResponse response, int execCount, HttpContext context) {
        return false;
    }

    @Override
    public TimeValue getRetryInterval(HttpResponse response, int execCount, HttpContext context) {
        return TimeValue.ZERO_MILLISECONDS;
    }
}
