package org.tipline.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.tipline.model.crypto.Receipt;
import org.tipline.testsupport.FormPosts;
import org.tipline.testsupport.TestDatabase;

/** A tipster checks on their tip with the receipt alone, and sees only a coarse status. */
@IntakeIntegrationTest
class FollowUpIntegrationTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theReceiptShowsTheTipsCoarseStatusAsItMoves() throws Exception {
        String receipt = receiptIn(post("/tips", "location=Follow+Up+Flats").body());

        assertThat(post("/status", "receipt=" + receipt).body()).contains("Received: your tip is stored");
        String typedCasually = receipt.toLowerCase(java.util.Locale.ROOT).replace("-", " ");
        setStatus(receipt, "IN_REVIEW");
        assertThat(post("/status", "receipt=" + URLEncoder.encode(typedCasually, StandardCharsets.UTF_8))
                        .body())
                .contains("Being reviewed");
        setStatus(receipt, "REFERRED");
        assertThat(post("/status?lang=es", "receipt=" + receipt).body()).contains("Enviada");
    }

    @Test
    void aTipClosedBecauseItWasForwardedReadsForwardedAndOtherClosingsSayWhatTheTipsterCanStillDo() throws Exception {
        String forwarded = receiptIn(post("/tips", "location=Forwarded+Ferry").body());
        String dismissed = receiptIn(post("/tips", "location=Dismissed+Dock").body());

        close(forwarded, "REFERRED");
        close(dismissed, "INSUFFICIENT");

        assertThat(post("/status", "receipt=" + forwarded).body())
                .contains("Forwarded: your tip has been passed to the people who can act on it.")
                .doesNotContain("Closed:");
        assertThat(post("/status?lang=es", "receipt=" + forwarded).body()).contains("Enviada:");
        assertThat(post("/status", "receipt=" + dismissed).body())
                .contains("Closed: a coordinator has reviewed your tip")
                .contains("add it below")
                .doesNotContain("Forwarded");
        assertThat(post("/status?lang=es", "receipt=" + dismissed).body())
                .contains("Cerrada: un coordinador revisó su denuncia");
    }

    @Test
    void anUploadWhoseBodyCannotBeReadIsRefusedWithAMessageTheTipsterSees() throws Exception {
        byte[] cutShort = ("--" + UploadRequests.BOUNDARY
                        + "\r\nContent-Disposition: form-data; name=\"receipt\"\r\n\r\n" + Receipt.generate())
                .getBytes(StandardCharsets.US_ASCII);

        var answer = UploadRequests.upload(port, cutShort);

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("id=\"upload-unreadable\"").contains("could not be read");
    }

    @Test
    void anUnknownReceiptIsNotFoundAndAMalformedOneIsExplainedWithWhatWasTypedKept() throws Exception {
        var unknown = post("/status", "receipt=" + Receipt.generate());
        assertThat(unknown.statusCode()).isEqualTo(200);
        assertThat(unknown.body()).contains("id=\"not-found\"").doesNotContain("id=\"status\"");

        var malformed = post("/status", "receipt=" + URLEncoder.encode("7K2M-<b>oops</b>", StandardCharsets.UTF_8));
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body())
                .contains("This does not look like a receipt")
                .contains("value=\"7K2M-&lt;b&gt;oops&lt;/b&gt;\"")
                .doesNotContain("<b>oops</b>");
    }

    @Test
    void theIntakeRoleCanAskForOneStatusAndStillReadNothingElse() throws Exception {
        String receipt = receiptIn(post("/tips", "location=Role+Check+Road").body());
        try (var intake = IntakeTestDatabase.DATABASE.connectAs(TestDatabase.INTAKE_ROLE);
                var call = intake.prepareStatement("SELECT tipster_status(?)")) {
            call.setBytes(1, Receipt.lookupId(receipt));
            try (var rs = call.executeQuery()) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("RECEIVED");
            }
        }
    }

    @Test
    void aCoordinatorsQuestionAppearsAndTheTipstersAnswerIsStoredSealed() throws Exception {
        String receipt = receiptIn(post("/tips", "location=Question+Quay").body());
        askAsCoordinator(receipt, "Did you see the <i>licence plate</i>?");

        String page = post("/status", "receipt=" + receipt).body();
        assertThat(page)
                .contains("Question from a coordinator")
                .contains("Did you see the &lt;i&gt;licence plate&lt;/i&gt;?")
                .doesNotContain("<i>licence plate</i>");

        String answer = "Plate started with CT 7Q, silver sedan";
        var added = post(
                "/status/messages",
                "receipt=" + receipt + "&text=" + URLEncoder.encode(answer, StandardCharsets.UTF_8));
        assertThat(added.statusCode()).isEqualTo(200);
        assertThat(added.body()).contains("id=\"added\"").contains("You wrote").contains(answer);
        assertThat(added.headers().firstValue("Set-Cookie")).isEmpty();

        try (var owner = IntakeTestDatabase.DATABASE.connectAsOwner();
                var rs = owner.createStatement()
                        .executeQuery(
                                "SELECT for_staff, for_tipster FROM tip_message WHERE direction = 'FROM_TIPSTER'")) {
            int rows = 0;
            while (rs.next()) {
                rows++;
                for (int column = 1; column <= 2; column++) {
                    assertThat(new String(rs.getBytes(column), StandardCharsets.ISO_8859_1))
                            .doesNotContain("CT 7Q");
                }
            }
            assertThat(rows).isPositive();
        }
    }

    @Test
    void anAnswerSentTwiceIsStoredOnceAndTheNextAnswerIsStoredToo() throws Exception {
        String receipt = receiptIn(post("/tips", "location=Reload+Road").body());
        String page = post("/status?lang=es", "receipt=" + receipt).body();
        assertThat(page).contains("action=\"/status/messages?lang=es#conversation\"");
        String replyId = replyIdIn(page);
        String form = "receipt=" + receipt + "&replyId=" + replyId + "&text="
                + URLEncoder.encode("La niña lleva una sudadera rosa", StandardCharsets.UTF_8);

        var first = post("/status/messages?lang=es", form);
        // A reload of the page that answered, or a double tap: the same form again.
        var again = post("/status/messages?lang=es", form);

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("id=\"added\"");
        assertThat(replyIdIn(first.body()))
                .as("the next answer gets an id of its own")
                .isNotEqualTo(replyId);
        assertThat(answersStored(receipt)).isEqualTo(1);

        post(
                "/status/messages?lang=es",
                "receipt=" + receipt + "&replyId=" + replyIdIn(again.body()) + "&text=Otra+cosa");
        assertThat(answersStored(receipt)).isEqualTo(2);
    }

    private static String replyIdIn(String page) {
        var matcher =
                Pattern.compile("name=\"replyId\" value=\"([0-9a-f-]{36})\"").matcher(page);
        assertThat(matcher.find()).as("a reply form with its id").isTrue();
        return matcher.group(1);
    }

    private static long answersStored(String receipt) throws Exception {
        try (var owner = IntakeTestDatabase.DATABASE.connectAsOwner();
                var count = owner.prepareStatement("SELECT count(*) FROM tip_message m JOIN tip t ON t.id = m.tip_id"
                        + " WHERE t.receipt_lookup = ? AND m.direction = 'FROM_TIPSTER'")) {
            count.setBytes(1, Receipt.lookupId(receipt));
            try (var rs = count.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void aQuestionIsDatedByTheDeploymentsDayInTheTipstersLanguageNotByUtcs() throws Exception {
        String receipt = receiptIn(post("/tips", "location=Evening+Esplanade").body());
        askAsCoordinator(receipt, "¿Qué color tenía la furgoneta?");
        // 23:30 on 4 December in New York (the seeds' zone) is already 5 December in UTC.
        try (var owner = IntakeTestDatabase.DATABASE.connectAsOwner();
                var update = owner.prepareStatement("UPDATE tip_message SET sent_at = '2026-12-04 23:30-05' "
                        + "WHERE tip_id = (SELECT id FROM tip WHERE receipt_lookup = ?)")) {
            update.setBytes(1, Receipt.lookupId(receipt));
            assertThat(update.executeUpdate()).isEqualTo(1);
        }

        assertThat(post("/status", "receipt=" + receipt).body())
                .contains("(December 4, 2026)")
                .doesNotContain("December 5");
        assertThat(post("/status?lang=es", "receipt=" + receipt).body())
                .contains("(4 de diciembre de 2026)")
                .contains("¿Qué color tenía la furgoneta?");
    }

    @Test
    void anEmptyOrOverlongAnswerIsRefusedWithTheReceiptAndTextKept() throws Exception {
        String receipt = receiptIn(post("/tips", "location=Empty+Answer+Alley").body());
        var empty = post("/status/messages", "receipt=" + receipt + "&text=+++");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("Write something before sending.").contains("value=\"" + receipt + "\"");

        String tooLong = "x".repeat(org.tipline.model.tip.Messages.MAX_LENGTH + 1);
        var refused = post("/status/messages?lang=es", "receipt=" + receipt + "&text=" + tooLong);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Es demasiado largo").contains(tooLong);
        try (var owner = IntakeTestDatabase.DATABASE.connectAsOwner();
                var rs = owner.createStatement()
                        .executeQuery("SELECT count(*) FROM tip_message m JOIN tip t "
                                + "ON t.id = m.tip_id WHERE t.receipt_lookup = '\\x"
                                + java.util.HexFormat.of().formatHex(Receipt.lookupId(receipt)) + "'")) {
            rs.next();
            assertThat(rs.getLong(1)).isZero();
        }
    }

    /** Stores a question exactly as the console does: sealed to the tipster's key, and under a staff-side key. */
    private void askAsCoordinator(String receipt, String question) throws Exception {
        try (var owner = IntakeTestDatabase.DATABASE.connectAsOwner();
                var tip = owner.prepareStatement("SELECT id, tipster_public_key FROM tip WHERE receipt_lookup = ?");
                var insert = owner.prepareStatement("INSERT INTO tip_message (id, tip_id, direction, for_staff, "
                        + "for_tipster) VALUES (?, ?, 'TO_TIPSTER', ?, ?)")) {
            tip.setBytes(1, Receipt.lookupId(receipt));
            try (var rs = tip.executeQuery()) {
                rs.next();
                java.util.UUID tipId = rs.getObject(1, java.util.UUID.class);
                var sealed = org.tipline.model.tip.Messages.question(
                        org.tipline.model.crypto.Bytes.random(32), tipId, rs.getBytes(2), question);
                insert.setObject(1, sealed.id());
                insert.setObject(2, tipId);
                insert.setBytes(3, sealed.forStaff());
                insert.setBytes(4, sealed.forTipster());
                insert.executeUpdate();
            }
        }
    }

    private void setStatus(String receipt, String status) throws Exception {
        try (var owner = IntakeTestDatabase.DATABASE.connectAsOwner();
                var update = owner.prepareStatement("UPDATE tip SET status = ? WHERE receipt_lookup = ?")) {
            update.setString(1, status);
            update.setBytes(2, Receipt.lookupId(receipt));
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    private void close(String receipt, String reason) throws Exception {
        try (var owner = IntakeTestDatabase.DATABASE.connectAsOwner();
                var update = owner.prepareStatement("UPDATE tip SET status = 'CLOSED', close_reason = ?, "
                        + "closed_at = now() WHERE receipt_lookup = ?")) {
            update.setString(1, reason);
            update.setBytes(2, Receipt.lookupId(receipt));
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(
                FormPosts.to("http://localhost:" + port + path, body).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String receiptIn(String page) {
        var matcher = Pattern.compile("id=\"receipt-code\">(.+?)</p>").matcher(page);
        return matcher.find() ? matcher.group(1).replaceAll("<[^>]+>", "") : "";
    }
}
