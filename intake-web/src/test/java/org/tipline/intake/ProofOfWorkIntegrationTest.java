package org.tipline.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tipline.intake.abuse.BalloonHash;
import org.tipline.intake.abuse.ProofOfWork;
import org.tipline.model.crypto.Receipt;

/**
 * Sending with and without the proof of work, over real HTTP. The slow lane here admits one tip a minute, so a flood
 * without the proof is turned away with everything kept, while a tip with the proof still lands.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProofOfWorkIntegrationTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        IntakeTestDatabase.register(registry);
        registry.add("tipline.intake.proof-of-work.difficulty", () -> "3");
        registry.add("tipline.intake.proof-of-work.slow-lane-per-minute", () -> "1");
        registry.add("tipline.intake.proof-of-work.slow-lane-wait", () -> "0s");
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void withoutTheProofTheBudgetRunsDryButTipsWithItStillLand() throws Exception {
        String token1 = Receipt.newSubmissionToken();
        var first = send("Flood Street 1", token1, "", "");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("id=\"receipt-code\"");

        String token2 = Receipt.newSubmissionToken();
        var second = send("Flood Street 2", token2, "", "");
        assertThat(second.statusCode()).isEqualTo(429);
        assertThat(second.body())
                .contains("Many reports are arriving right now")
                .contains("value=\"Flood Street 2\"")
                .doesNotContain("id=\"receipt-code\"");

        String challenge = challengeFromReview("Proven Street 3");
        String token3 = Receipt.newSubmissionToken();
        var proven = send("Proven Street 3", token3, challenge, solve(challenge, token3));
        assertThat(proven.statusCode()).isEqualTo(200);
        assertThat(proven.body()).contains("id=\"receipt-code\"");

        // A wrong nonce is no proof: it falls back to the empty slow lane.
        String token4 = Receipt.newSubmissionToken();
        assertThat(send("Wrong Nonce Road", token4, challenge, notASolution(challenge, token4))
                        .statusCode())
                .isEqualTo(429);
    }

    private String challengeFromReview(String location) throws Exception {
        var review = post("location=" + encode(location) + "&step=review");
        var matcher = Pattern.compile("name=\"powChallenge\" id=\"pow-challenge\" value=\"([^\"]+)\"")
                .matcher(review.body());
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    private HttpResponse<String> send(String location, String token, String challenge, String nonce) throws Exception {
        return post("location=" + encode(location) + "&submission=" + encode(token) + "&powChallenge="
                + encode(challenge) + "&powNonce=" + encode(nonce) + "&step=send");
    }

    /** A nonce that certainly fails: any given guess passes by chance one time in eight. */
    private static String notASolution(String challenge, String token) {
        for (int nonce = 0; ; nonce++) {
            if (BalloonHash.leadingZeroBits(ProofOfWork.work(challenge, token, String.valueOf(nonce))) < 3) {
                return String.valueOf(nonce);
            }
        }
    }

    private static String solve(String challenge, String token) {
        for (int nonce = 0; ; nonce++) {
            if (BalloonHash.leadingZeroBits(ProofOfWork.work(challenge, token, String.valueOf(nonce))) >= 3) {
                return String.valueOf(nonce);
            }
        }
    }

    private HttpResponse<String> post(String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/tips"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
