package org.tipline.deploy;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tipline.testsupport.FormPosts;

/** A tipster on the public form, without JavaScript: the tests run intake with the proof of work off. */
final class PublicForm {

    private static final Pattern RECEIPT = Pattern.compile("id=\"receipt-code\">(.+?)</p>");
    private static final Pattern SUBMISSION = Pattern.compile("name=\"submission\" value=\"([^\"]+)\"");

    private PublicForm() {}

    /**
     * Files one tip and returns its receipt, or null when the tipster gave up. A failed form fetch is fetched again.
     * Once a send has gone out, a "send again" page or a broken connection is answered as a browser does, by sending
     * the same form again: that send may already have been filed, and the same form files at most one tip, where a
     * fresh form would file a second one.
     */
    static String fileOneTip(HttpClient http, String base, String details) {
        try {
            String token = null;
            for (int fetch = 0; fetch < 3 && token == null; fetch++) {
                token = submissionToken(http, base);
            }
            if (token == null) {
                return null;
            }
            String body = "submission=" + encode(token)
                    + "&location=" + encode("Harbor Road, Norwalk")
                    + "&details=" + encode(details);
            for (int send = 0; send < 5; send++) {
                try {
                    var response = post(http, base + "/tips", body);
                    Matcher receipt = RECEIPT.matcher(response.body());
                    if (response.statusCode() == 200 && receipt.find()) {
                        return receipt.group(1).replaceAll("<[^>]+>", "");
                    }
                } catch (IOException brokenConnection) {
                    // Sent again with the same form.
                }
            }
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** The submission token of a fresh form, or null when the page did not come. */
    private static String submissionToken(HttpClient http, String base) throws InterruptedException {
        try {
            String form = http.send(
                            HttpRequest.newBuilder(URI.create(base + "/")).build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            Matcher token = SUBMISSION.matcher(form);
            return token.find() ? token.group(1) : null;
        } catch (IOException brokenConnection) {
            return null;
        }
    }

    /** Files tips one after another until told to stop, counting the receipts. */
    static void fileUntil(AtomicBoolean stop, String base, AtomicInteger receipts) {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        while (!stop.get()) {
            if (fileOneTip(http, base, "van behind the warehouse every night") != null) {
                receipts.incrementAndGet();
            }
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Posts a form's fields, already encoded, as a browser without JavaScript does. */
    static HttpResponse<String> post(HttpClient http, String url, String body)
            throws IOException, InterruptedException {
        return http.send(FormPosts.to(url, body).build(), HttpResponse.BodyHandlers.ofString());
    }
}
