package org.tipline.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tipline.model.crypto.Receipt;
import org.tipline.model.crypto.SealedField;
import org.tipline.model.tip.TipAnswers;
import org.tipline.model.tip.TipAnswersCodec;
import org.tipline.testsupport.FormPosts;

/**
 * Receipt fixation (issue 15), played through real HTTP against real PostgreSQL: another site plants a submission
 * token in the victim's browser, then either files a decoy under it first (so the victim would be told "already
 * received" and their tip dropped) or waits with the receipt it computed in advance (to open the victim's follow-up).
 * The victim's browser here sends neither Origin nor Sec-Fetch-Site, as a hardened one may not.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReceiptFixationIntegrationTest {

    private static final Pattern TOKEN = Pattern.compile("name=\"submission\" value=\"([^\"]+)\"");
    private static final Pattern PASS =
            Pattern.compile("name=\"powChallenge\" id=\"pow-challenge\" value=\"([^\"]*)\"");
    private static final Pattern RECEIPT = Pattern.compile("id=\"receipt-code\">(.+?)</p>");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        IntakeTestDatabase.register(registry);
        registry.add("tipline.intake.proof-of-work.enabled", () -> "true");
        registry.add("tipline.intake.proof-of-work.slow-lane-wait", () -> "0s");
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aDecoyFiledUnderAPlantedTokenDoesNotSilenceTheVictim() throws Exception {
        String planted = match(TOKEN, get("/"));
        // The attacker files a decoy under the token, in every way the form allows.
        post("location=Decoy+Lane&submission=" + encode(planted));
        sendFromReview("location=Decoy+Lane&submission=" + encode(planted));
        long before = IntakeTestDatabase.tipCount();

        String receipt = victimSendsAfterThePlant(planted, "Harbor Motel room 12, two girls kept inside");

        assertThat(receipt).isNotEmpty();
        assertThat(IntakeTestDatabase.tipCount()).isEqualTo(before + 1);
        assertThat(newestTip().location()).isEqualTo("Harbor Motel room 12, two girls kept inside");
        assertThat(lastPage).doesNotContain("already-received");
    }

    @Test
    void aReceiptComputedFromAPlantedTokenOpensNothing() throws Exception {
        String planted = match(TOKEN, get("/"));
        String precomputed = receiptOldStyle(planted);

        String receipt = victimSendsAfterThePlant(planted, "Route 1 nail salon, owner keeps passports");

        assertThat(receipt).isNotEqualTo(precomputed);
        assertThat(tipsUnder(precomputed)).isZero();
        assertThat(tipsUnder(receipt)).isOne();
    }

    @Test
    void postsFromAnotherSiteAreRefusedAndOwnOnesWithoutHeadersStillWork() throws Exception {
        long before = IntakeTestDatabase.tipCount();
        String token = match(TOKEN, get("/"));
        String body = "location=Elm+Street&submission=" + encode(token) + "&step=edit";
        for (String[] header : List.of(
                new String[] {"Origin", "https://attacker.example"},
                new String[] {"Origin", "null"},
                new String[] {"Sec-Fetch-Site", "cross-site"},
                new String[] {"Sec-Fetch-Site", "same-site"})) {
            var refused = http.send(
                    form("/tips", body).header(header[0], header[1]).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).as(header[0] + ": " + header[1]).isEqualTo(403);
            assertThat(refused.body()).contains("sent from another website").doesNotContain("Elm Street");
        }
        var sameOrigin = http.send(
                form("/tips", body).header("Sec-Fetch-Site", "same-origin").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(sameOrigin.statusCode()).isEqualTo(200);
        var ownOrigin = http.send(
                form("/tips", body).header("Origin", "http://localhost:" + port).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ownOrigin.statusCode()).isEqualTo(200);
        assertThat(IntakeTestDatabase.tipCount()).isEqualTo(before);

        assertThat(RECEIPT.matcher(sendFromReview("location=Elm+Street&submission=" + encode(token)))
                        .find())
                .isTrue();
        assertThat(IntakeTestDatabase.tipCount()).isEqualTo(before + 1);
    }

    @Test
    void aTokenIntakeDidNotIssueFilesNothingAndTheSenderIsAskedToSendAgain() throws Exception {
        long before = IntakeTestDatabase.tipCount();
        String genuine = match(TOKEN, get("/"));
        String forged = genuine.substring(0, genuine.lastIndexOf('.') + 1) + "AAAAAAAAAAAAAAAAAAAAAA";
        for (String token : List.of(forged, "7K2MQ0D1XR4T9ZB8H3PV6WN5CE")) {
            var response = http.send(
                    form("/tips", "location=Pier+9&submission=" + encode(token) + "&step=send")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).contains("id=\"page-expired\"").contains("value=\"Pier 9\"");
            assertThat(match(TOKEN, response.body())).isNotEqualTo(token);
        }
        assertThat(IntakeTestDatabase.tipCount()).isEqualTo(before);
    }

    @Test
    void alreadyReceivedOnlyForTheSameAnswersAndTheSameReceiptForThem() throws Exception {
        String token = match(TOKEN, get("/"));
        String review = post("location=Double+Click+Diner&submission=" + encode(token) + "&step=review");
        String send = "location=Double+Click+Diner&submission=" + encode(match(TOKEN, review)) + "&powChallenge="
                + encode(match(PASS, review)) + "&powNonce=&step=send";
        long before = IntakeTestDatabase.tipCount();

        String first = post(send);
        String again = post(send);
        String changed = post(send.replace("Double+Click+Diner", "Double+Click+Diner+and+the+van"));

        assertThat(match(RECEIPT, again)).isEqualTo(match(RECEIPT, first)).isNotEmpty();
        assertThat(first).doesNotContain("already-received");
        assertThat(again).contains("id=\"already-received\"");
        // The same token and pass with other answers is another submission: not filed under them, nor "received".
        assertThat(changed).doesNotContain("already-received").doesNotContain("receipt-code");
        assertThat(IntakeTestDatabase.tipCount()).isEqualTo(before + 1);
    }

    @Test
    void theSameFormSentAgainLongAfterFilingDoesNotShowTheReceiptAgain() throws Exception {
        String token = match(TOKEN, get("/"));
        String review = post("location=Back+Button+Motel&submission=" + encode(token) + "&step=review");
        String send = "location=Back+Button+Motel&submission=" + encode(match(TOKEN, review)) + "&powChallenge="
                + encode(match(PASS, review)) + "&powNonce=&step=send";
        long before = IntakeTestDatabase.tipCount();
        String receipt = match(RECEIPT, post(send)).replaceAll("<[^>]+>", "");
        assertThat(match(RECEIPT, post(send)).replaceAll("<[^>]+>", ""))
                .as("a retry soon after shows it again")
                .isEqualTo(receipt);

        // Someone else at the tipster's phone, later: Back, and "resubmit".
        try (var owner = IntakeTestDatabase.DATABASE.connectAsOwner();
                var age = owner.prepareStatement(
                        "UPDATE tip SET received_at = now() - interval '11 minutes' WHERE receipt_lookup = ?")) {
            age.setBytes(1, Receipt.lookupId(receipt));
            assertThat(age.executeUpdate()).isEqualTo(1);
        }
        String later = post(send);

        assertThat(later)
                .contains("id=\"already-received\"")
                .contains("its receipt is shown only when it is sent")
                .doesNotContain("receipt-code");
        for (String group : receipt.split("-")) {
            assertThat(later).doesNotContain(">" + group + "<");
        }
        assertThat(IntakeTestDatabase.tipCount()).isEqualTo(before + 1);
    }

    private String lastPage = "";

    /**
     * The attacker's page posts the planted token into the victim's browser ({@code step=edit}); the victim fills in
     * the form that comes back, reviews and sends it. Returns the receipt the victim is shown.
     */
    private String victimSendsAfterThePlant(String planted, String location) throws Exception {
        String plantedForm = post("location=&submission=" + encode(planted) + "&step=edit");
        String victimToken = match(TOKEN, plantedForm);
        lastPage = sendFromReview("location=" + encode(location) + "&submission=" + encode(victimToken));
        return match(RECEIPT, lastPage).replaceAll("<[^>]+>", "");
    }

    /** Presses Review, then Send on the review page with what it carries, as a browser without JavaScript does. */
    private String sendFromReview(String answers) throws Exception {
        String review = post(answers + "&step=review");
        String token = match(TOKEN, review);
        String location = answers.substring("location=".length(), answers.indexOf('&'));
        return post("location=" + location + "&submission=" + encode(token) + "&powChallenge="
                + encode(match(PASS, review)) + "&powNonce=&step=send");
    }

    /** The receipt the old design derived from the token alone: HMAC-SHA256 keyed by it, first 100 bits. */
    private static String receiptOldStyle(String token) throws Exception {
        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] mac = hmac.doFinal("tipline/receipt-from-token/v1".getBytes(StandardCharsets.UTF_8));
        String alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
        var out = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            int value = 0;
            for (int b = 0; b < 5; b++) {
                int index = i * 5 + b;
                value = (value << 1) | ((mac[index / 8] >> (7 - index % 8)) & 1);
            }
            out.append(i > 0 && i % 4 == 0 ? "-" : "").append(alphabet.charAt(value));
        }
        return out.toString();
    }

    private static long tipsUnder(String receipt) throws SQLException {
        try (var owner = IntakeTestDatabase.DATABASE.connectAsOwner();
                var query = owner.prepareStatement("SELECT count(*) FROM tip WHERE receipt_lookup = ?")) {
            query.setBytes(1, Receipt.lookupId(receipt));
            try (var rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static TipAnswers newestTip() throws SQLException {
        try (var owner = IntakeTestDatabase.DATABASE.connectAsOwner();
                var rs = owner.createStatement()
                        .executeQuery("SELECT t.id, t.schema_version, k.wrapped, c.sealed FROM tip t "
                                + "JOIN tip_data_key k ON k.tip_id = t.id JOIN tip_content c ON c.tip_id = t.id "
                                + "ORDER BY t.received_at DESC LIMIT 1")) {
            rs.next();
            UUID tipId = rs.getObject(1, UUID.class);
            byte[] dataKey = IntakeTestDatabase.TIP_LINE_KEY.unwrapDataKey(tipId, rs.getBytes(3));
            return TipAnswersCodec.decode(
                    SealedField.open(dataKey, tipId, TipAnswers.FIELD, rs.getInt(2), rs.getBytes(4)));
        }
    }

    private static String match(Pattern pattern, String page) {
        Matcher matcher = pattern.matcher(page);
        return matcher.find() ? matcher.group(1) : "";
    }

    private String get(String path) throws Exception {
        return http.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private String post(String body) throws Exception {
        return http.send(form("/tips", body).build(), HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private HttpRequest.Builder form(String path, String body) {
        return FormPosts.to("http://localhost:" + port + path, body);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
