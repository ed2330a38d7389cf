package org.tipline.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tipline.model.audit.AuditVerifier;
import org.tipline.testsupport.Browsers;
import org.tipline.triage.audit.AuditCheckpoints;

/** Supervisors see the trail verified against signed checkpoints, and see it when the tail has been cut off. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuditVerificationIntegrationTest {

    static final TriageTestSetup SETUP = new TriageTestSetup();
    static final Path KEYS = temporaryDirectory();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws IOException {
        SETUP.register(registry);
        String[] pair = AuditVerifier.newKeyPair();
        Files.writeString(KEYS.resolve("checkpoint.key"), pair[0]);
        registry.add(
                "tipline.triage.audit.checkpoint-key-file",
                () -> KEYS.resolve("checkpoint.key").toString());
        registry.add(
                "tipline.triage.audit.checkpoint-export-dir",
                () -> KEYS.resolve("exports").toString());
    }

    @LocalServerPort
    int port;

    @Autowired
    AuditCheckpoints checkpoints;

    @BeforeEach
    void provision() throws SQLException {
        SETUP.provisionOnce();
    }

    @Test
    void checkpointsAreSignedExportedCheckedAndCatchACutTail() throws Exception {
        var supervisor = SETUP.staff("SUPERVISOR");
        try (WebClient browser = Browsers.withoutJavaScript()) {
            supervisor.signIn(browser, url(""));
            checkpoints.checkpointNow();
            long covered = AuditVerifier.checkpoints(SETUP.database.connectAsOwner())
                    .get(0)
                    .treeSize();
            assertThat(Files.readString(KEYS.resolve("exports").resolve("checkpoint-" + covered + ".txt")))
                    .startsWith("tipline-audit-checkpoint/v1\n" + covered + "\n");

            HtmlPage audit = browser.getPage(url("/audit"));
            assertThat(audit.getHtmlElementById("verification").asNormalizedText())
                    .contains("signed checkpoints match");
            assertThat(audit.getHtmlElementById("newest-checkpoint").asNormalizedText())
                    .contains("tipline-audit-checkpoint/v1");

            try (var owner = SETUP.database.connectAsOwner()) {
                owner.createStatement().executeUpdate("DELETE FROM audit_entry WHERE sequence > " + (covered - 2));
            }
            HtmlPage tampered = browser.getPage(url("/audit"));
            assertThat(tampered.getHtmlElementById("verification").asNormalizedText())
                    .contains("tampered with")
                    .contains("removed from the end");
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("tipline-checkpoint");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
