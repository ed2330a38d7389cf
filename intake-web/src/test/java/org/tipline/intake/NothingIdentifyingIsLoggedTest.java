package org.tipline.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tipline.testsupport.FormPosts;

/** Invariant 3: no log line holds a submitted value, a client address, a forwarded address or a user agent. */
@IntakeIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class NothingIdentifyingIsLoggedTest {

    private static final String FORWARDED_FOR = "203.0.113.77";
    private static final String USER_AGENT = "TiplineTestAgent/9.9 (distinctive-agent-marker)";

    @LocalServerPort
    int port;

    @Test
    void filingTipsGoodAndBadLeavesNoTraceOfTheTipsterInTheLogs(CapturedOutput output) throws Exception {
        int startupLength = output.getAll().length();
        var http = HttpClient.newHttpClient();
        String[] bodies = {
            "location=" + encode("Kestrelmoor Inn room 14") + "&details=" + encode("Fennimore-Quail drives them"),
            "location=" + encode("Kestrelmoor ".repeat(60)),
            "indicators=not-a-sign&details=" + encode("Fennimore-Quail"),
            ""
        };
        for (String body : bodies) {
            var response = http.send(
                    FormPosts.to("http://localhost:" + port + "/tips", body)
                            .header("X-Forwarded-For", FORWARDED_FOR)
                            .header("User-Agent", USER_AGENT)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isLessThan(500);
        }

        // Start-up logs name the test database's host; from here on only request handling is logged.
        String logs = output.getAll().substring(startupLength);
        assertThat(output.getAll()).doesNotContain("Kestrelmoor").doesNotContain(FORWARDED_FOR);
        assertThat(logs)
                .doesNotContain("Kestrelmoor")
                .doesNotContain("Fennimore")
                .doesNotContain(FORWARDED_FOR)
                .doesNotContain("127.0.0.1")
                .doesNotContain("0:0:0:0:0:0:0:1")
                .doesNotContain("distinctive-agent-marker");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
