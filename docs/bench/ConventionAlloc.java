// Heap allocated per request by the http.server.requests convention: Spring's (DefaultServerRequestObservationConvention)
// against config.CachedRequestObservationConvention, called as the observation calls it on a request (the tags and the
// high-cardinality tags at the start and again at the stop, the span name at the stop), in one thread counted with
// ThreadMXBean (exact).
//
//   J=/usr/lib/jvm/temurin-25-jdk-amd64/bin; L=<jar's BOOT-INF/lib, unzipped>; T=<spring-test jar>
//   CP=gateway/target/classes:$T:$(ls $L/*.jar | tr '\n' :)
//   $J/javac -d /tmp/ca -cp $CP docs/bench/ConventionAlloc.java && $J/java -cp /tmp/ca:$CP nl.dijkwacht.config.ConventionAlloc 200000
package nl.dijkwacht.config;

import java.lang.management.ManagementFactory;
import org.springframework.http.server.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

public class ConventionAlloc {
    public static void main(String[] args) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/v1/chat/completions");
        MockHttpServletResponse response = new MockHttpServletResponse();
        ServerRequestObservationContext context = new ServerRequestObservationContext(request, response);
        context.setPathPattern("/v1/chat/completions");
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().threadId();
        int requests = Integer.parseInt(args.length > 0 ? args[0] : "200000");
        for (DefaultServerRequestObservationConvention convention : new DefaultServerRequestObservationConvention[] {
                new DefaultServerRequestObservationConvention(), new CachedRequestObservationConvention()}) {
            for (int round = 0; round < 4; round++) {
                long sink = 0;
                long a0 = mx.getThreadAllocatedBytes(tid);
                for (int r = 0; r < requests; r++) {
                    sink += System.identityHashCode(convention.getLowCardinalityKeyValues(context));
                    sink += System.identityHashCode(convention.getHighCardinalityKeyValues(context));
                    sink += System.identityHashCode(convention.getLowCardinalityKeyValues(context));
                    sink += System.identityHashCode(convention.getHighCardinalityKeyValues(context));
                    sink += convention.getContextualName(context).length();
                }
                long a1 = mx.getThreadAllocatedBytes(tid);
                System.out.printf("%s round %d: %.0f bytes per request (%d)%n", convention.getClass().getSimpleName(), round,
                        (a1 - a0) / (double) requests, sink);
            }
        }
    }
}
