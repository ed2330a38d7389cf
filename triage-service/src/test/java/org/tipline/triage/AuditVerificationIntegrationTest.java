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

    @Test
    void supervisorsFilterTheTrailAndExportItAndTheExportIsAudited() throws Exception {
        var supervisor = SETUP.staff("SUPERVISOR");
        var coordinator = SETUP.staff("COORDINATOR");
        try (WebClient other = Browsers.withoutJavaScript()) {
            coordinator.signIn(other, url(""));
        }
        try (WebClient browser = Browsers.withoutJavaScript()) {
            supervisor.signIn(browser, url(""));
            HtmlPage filtered = browser.getPage(url("/audit?actor=" + coordinator.username()));
            var actors = filtered.getByXPath("//table[@id='audit']/tbody/tr/td[3]").stream()
                    .map(cell -> ((org.htmlunit.html.HtmlElement) cell).getTextContent())
                    .distinct()
                    .toList();
            assertThat(actors).containsExactly(coordinator.username());

            HtmlPage badDate = browser.getPage(url("/audit?from=yesterday&actor=" + coordinator.username()));
            assertThat(badDate.asNormalizedText()).contains("Write the date as YYYY-MM-DD.");
            assertThat(badDate.<org.htmlunit.html.HtmlTextInput>getHtmlElementById("from")
                            .getValue())
                    .isEqualTo("yesterday");

            var csv = browser.getPage(url("/audit/export?format=csv&actor=" + coordinator.username()))
                    .getWebResponse();
            assertThat(csv.getContentType()).isEqualTo("text/csv");
            assertThat(csv.getContentAsString())
                    .startsWith("sequence,occurred_at,actor,action,tip_id,detail")
                    .contains("\"" + coordinator.username() + "\",\"SIGN_IN\"");
            var json = browser.getPage(url("/audit/export?format=json&action=SIGN_IN"))
                    .getWebResponse();
            assertThat(json.getContentAsString()).startsWith("[").contains("\"action\":\"SIGN_IN\"");
        }
        try (var owner = SETUP.database.connectAsOwner();
                var rs = owner.createStatement()
                        .executeQuery("SELECT count(*) FROM audit_entry WHERE action = 'AUDIT_EXPORTED' AND actor = '"
                                + supervisor.username() + "'")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(2);
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
