package nl.dijkwacht.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.server.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The cached convention gives Spring's tags and span name for every request shape, including those it does not keep. */
class CachedRequestObservationConventionTest {

    final DefaultServerRequestObservationConvention spring = new DefaultServerRequestObservationConvention();
    final CachedRequestObservationConvention cached = new CachedRequestObservationConvention();

    @Test
    void sameTagsAndNameAsSpringsConventionForEveryShapeAndAgainFromTheCache() {
        for (int round = 0; round < 2; round++) {
            for (String method : new String[] {"POST", "GET", "PROPFIND"}) {
                for (String pattern : new String[] {"/v1/chat/completions", "", null}) {
                    for (int status : new int[] {200, 301, 404, 429, 502}) {
                        for (Throwable error : new Throwable[] {null, new IllegalStateException("x")}) {
                            ServerRequestObservationContext context = context(method, pattern, status, error);
                            assertThat(cached.getLowCardinalityKeyValues(context)).as("%s %s %d %s", method, pattern, status, error)
                                    .isEqualTo(spring.getLowCardinalityKeyValues(context));
                            assertThat(cached.getHighCardinalityKeyValues(context)).isEqualTo(spring.getHighCardinalityKeyValues(context));
                            assertThat(cached.getContextualName(context)).isEqualTo(spring.getContextualName(context));
                        }
                    }
                }
            }
        }
        assertThat(cached.getName()).isEqualTo("http.server.requests");
    }

    private static ServerRequestObservationContext context(String method, String pattern, int status, Throwable error) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, "/v1/chat/completions");
        MockHttpServletResponse response = new MockHttpServletResponse();
        response.setStatus(status);
        ServerRequestObservationContext context = new ServerRequestObservationContext(request, response);
        context.setPathPattern(pattern);
        context.setError(error);
        return context;
    }
}
