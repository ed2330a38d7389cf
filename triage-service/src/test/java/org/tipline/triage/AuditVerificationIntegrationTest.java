package org.tipline.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tipline.jdbc.audit.AuditVerifier;
import org.tipline.model.audit.AuditChain;
import org.tipline.model.audit.Checkpoint;
import org.tipline.testsupport.Browsers;
import org.tipline.testsupport.Ports;
import org.tipline.triage.audit.AuditCheckpoints;

/**
 * Supervisors see the trail verified against signed checkpoints, and see it when the tail has been cut off. Each
 * verification first signs a checkpoint of the trail as it stands, exported as a file and mailed to the supervisors'
 * address, so cutting the tail together with the checkpoints stored in the database is still caught.
 */
@TriageIntegrationTest
class AuditVerificationIntegrationTest {

    static final TriageTestSetup SETUP = new TriageTestSetup();
    static final Path KEYS = temporaryDirectory();
    static final String SUPERVISORS = "supervisors@tipline.example";
    static final GreenMail SMTP = new GreenMail(new ServerSetup(Ports.free(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    static String publicKey;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws IOException {
        String[] pair = AuditVerifier.newKeyPair();
        publicKey = pair[1];
        Files.writeString(KEYS.resolve("checkpoint.key"), pair[0]);
        SMTP.start();
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("tipline.triage.alerts.email", () -> SUPERVISORS);
        // Only the checkpoints the tests ask for: the scheduled cadence is AuditCheckpointCadenceTest's.
        registry.add("tipline.triage.audit.checkpoint-interval", () -> "PT1H");
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

            // The owner cuts the tail and deletes every checkpoint stored beside it: the exported files remain.
            try (var owner = SETUP.database.connectAsOwner()) {
                owner.createStatement()
                        .executeUpdate("DELETE FROM audit_checkpoint; DELETE FROM audit_entry WHERE sequence > "
                                + (covered - 2));
            }
            HtmlPage tampered = browser.getPage(url("/audit"));
            assertThat(tampered.getHtmlElementById("verification").asNormalizedText())
                    .contains("tampered with")
                    .contains("removed from the end");
        }
    }

    @Test
    void aSupervisorsVerificationSignsAndExportsACheckpointOfTheTrailAsItIsThen() throws Exception {
        var supervisor = SETUP.staff("SUPERVISOR");
        try (WebClient browser = Browsers.withoutJavaScript()) {
            supervisor.signIn(browser, url(""));
            long entries;
            try (var owner = SETUP.database.connectAsOwner();
                    var rs = owner.createStatement().executeQuery("SELECT count(*) FROM audit_entry")) {
                rs.next();
                entries = rs.getLong(1); // committed, sealed or not: verification seals them first
            }
            browser.getPage(url("/audit"));

            var key = AuditVerifier.publicKey(publicKey);
            List<Checkpoint> exported = AuditVerifier.exported(KEYS.resolve("exports"));
            Checkpoint newest = exported.get(exported.size() - 1);
            assertThat(newest.treeSize()).as("covers the sign-in just made").isGreaterThanOrEqualTo(entries);
            assertThat(newest.signatureValid(key)).isTrue();
            try (var owner = SETUP.database.connectAsOwner()) {
                var leaves = AuditVerifier.sealedChain(owner).stream()
                        .map(stored -> AuditChain.leafHash(stored.entry()))
                        .toList();
                assertThat(newest.problemWith(leaves, key)).isEmpty();
            }
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> mailed().stream().anyMatch(c -> c.treeSize() == newest.treeSize()));
            Checkpoint mailed = mailed().stream()
                    .filter(c -> c.treeSize() == newest.treeSize())
                    .findFirst()
                    .orElseThrow();
            assertThat(mailed.exportText()).isEqualTo(newest.exportText());
        }
    }

    private static List<Checkpoint> mailed() throws Exception {
        List<Checkpoint> found = new java.util.ArrayList<>();
        for (var message : SMTP.getReceivedMessages()) {
            String body = message.getContent().toString();
            if (message.getAllRecipients()[0].toString().equals(SUPERVISORS)
                    && body.contains("tipline-audit-checkpoint/v1")) {
                found.add(Checkpoint.parse(body.substring(body.indexOf("tipline-audit-checkpoint/v1"))));
            }
        }
        return found;
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
            // Actions read in words, with the stored code on hover.
            var signIn = (org.htmlunit.html.HtmlElement)
                    filtered.getFirstByXPath("//table[@id='audit']/tbody/tr/td[4][@title='SIGN_IN']");
            assertThat(signIn.getTextContent()).isEqualTo("Signed in");

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
