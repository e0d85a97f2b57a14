package nl.dijkwacht.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import nl.dijkwacht.support.ConsoleBrowser;
import nl.dijkwacht.support.TestPack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;

/**
 * The console in a real browser (Debian Chromium via Selenium) on a gateway with two tenants: an operator of one
 * tenant signs in with a local account and sees only their own tenant's records, traces, holds, chains and policy —
 * the other tenant's trace is "not found", as in the auditor API. Shares the {@link TwoTenants} context.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantConsoleBrowserTest extends TwoTenants {

    private ConsoleBrowser browser;
    private String traceA;
    private String traceB;

    @BeforeAll
    void trafficAndBrowser() throws Exception {
        traceA = trace(postJson("/v1/chat/completions", chat("dry-run", "Vat samen: tenant A"), TestPack.OTHER_TOOL_KEY));
        traceB = trace(postJson("/v1/chat/completions", chat("dry-run", "Vat samen: tenant B"), B_TOOL_KEY));
        HttpResponse<String> hold = postJson("/audit/v1/holds", "{\"trace_id\":\"" + traceA + "\",\"reason\":\"zaak van gemeente A\"}",
                TestPack.AUDITOR_KEY);
        assertThat(hold.statusCode()).as(hold.body()).isEqualTo(201);
        browser = ConsoleBrowser.open(port);
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    private static String trace(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.headers().firstValue("X-Dijkwacht-Trace-Id").orElseThrow();
    }

    @Test
    void anAuditorOfTenantBSeesOnlyTenantB() {
        browser.login("b-auditor", B_AUDITOR_KEY);

        browser.get("/console/audit/trace/" + traceA);
        assertThat(browser.text()).doesNotContain("other-tool").doesNotContain("test-beperkt");
        browser.get("/console/audit/trace/" + traceB);
        assertThat(browser.text()).contains("b-tool");

        browser.get("/console/audit");
        assertThat(browser.text()).contains(traceB).doesNotContain(traceA);
        // the search form offers B's own use-cases only
        assertThat(browser.driver().getPageSource()).contains("b-algemeen").doesNotContain("test-beperkt");

        browser.get("/console/audit/bewaarplicht");
        assertThat(browser.text()).doesNotContain("zaak van gemeente A");

        browser.get("/console/audit/verificatie");
        assertThat(browser.driver().getPageSource()).contains("@" + B);

        browser.get("/console");
        assertThat(browser.text()).doesNotContain("test-beperkt");
    }

    @Test
    void anAuditorOfTheDefaultTenantDoesNotSeeTenantB() {
        browser.login("test-auditor", TestPack.AUDITOR_KEY);

        browser.get("/console/audit/trace/" + traceB);
        assertThat(browser.text()).doesNotContain("b-tool");
        browser.get("/console/audit/trace/" + traceA);
        assertThat(browser.text()).contains("other-tool");

        browser.get("/console/audit");
        assertThat(browser.text()).contains(traceA).doesNotContain(traceB);
        browser.get("/console/audit/bewaarplicht");
        assertThat(browser.text()).contains("zaak van gemeente A");
        browser.get("/console/audit/verificatie");
        assertThat(browser.driver().getPageSource()).doesNotContain("@" + B);
        browser.get("/console");
        assertThat(browser.text()).doesNotContain("b-algemeen");
    }
}
