package org.tipline.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlCheckBoxInput;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlTextInput;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tipline.testsupport.Browsers;

/**
 * As deployments run it: Prometheus metrics on a separate management port, never on the public one, counting tips
 * per tier and nothing about them.
 */
@IntakeIntegrationTest(
        properties = {"management.server.port=0", "management.endpoints.web.exposure.include=health,prometheus"})
class IntakeMetricsIntegrationTest {

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Test
    void tipsAreCountedPerTierOnTheManagementPortOnly() throws Exception {
        try (WebClient browser = Browsers.withoutJavaScript()) {
            HtmlPage form = browser.getPage("http://localhost:" + port + "/");
            form.<HtmlTextInput>getHtmlElementById("location").type("Marker-Saffron-4 truck stop");
            form.<HtmlCheckBoxInput>getHtmlElementById("happeningNow").setChecked(true);
            Browsers.sendTip(form);
        }
        var http = HttpClient.newHttpClient();
        var scrape = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + "/actuator/prometheus"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body())
                .contains("tipline_tips_received_total{tier=\"IMMEDIATE\"} 1.0")
                .contains("http_server_requests_seconds_bucket")
                .doesNotContain("Marker-Saffron-4");

        var publicPort = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(publicPort.statusCode()).isEqualTo(404);
    }
}
