package org.tipline.benchmarks.attackday;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Real tipsters as browsers without a human's pauses. One with JavaScript opens the form, reviews, does the proof of
 * work (or waits out the pass, whichever is first, as the page's script does), sends, then looks the tip up with the
 * receipt, adds information and a photo. One without JavaScript (Tor Browser's safest mode) reviews, waits as the
 * page's note says and sends, again after the seconds a 429 names, and must be filed within 60 s of the review
 * (issue 14 item 8). Each step counts as one try in its own tally.
 */
final class GenuineTipster {

    private static final Pattern RECEIPT = Pattern.compile("id=\"receipt-code\">(.+?)</p>");
    private static final Pattern SEND_AGAIN = Pattern.compile("<p[^>]*\\bid=\"send-again\"[^>]*>");
    private static final Pattern SECONDS = Pattern.compile("data-seconds=\"(\\d+)\"");
    /** Issue 14 item 8: a genuine sender without JavaScript gets through within a minute, flood or not. */
    private static final long NO_SCRIPT_LIMIT_SECONDS = 60;

    final Tally filed = new Tally("genuine tipster: tip filed (receipt)");
    final Tally filedWithoutScript = new Tally("genuine tipster, no JavaScript: filed < 60 s");
    final Tally followedUp = new Tally("genuine follow-up: receipt opens the tip");
    final Tally added = new Tally("genuine follow-up: information added");
    final Tally photoAdded = new Tally("genuine follow-up: photo added");
    private final URI intake;
    private final byte[] photo = Bombs.smallPhotoPng();

    GenuineTipster(URI intake) {
        this.intake = intake;
    }

    void runUntil(long deadline) {
        int n = 0;
        while (System.nanoTime() < deadline) {
            String receipt = fileTip(++n);
            if (receipt != null && System.nanoTime() < deadline) {
                followUp(receipt);
            }
        }
    }

    /** The tipster without JavaScript, on its own, since each of its tips takes the pass's wait. */
    void runWithoutScriptUntil(long deadline) {
        int n = 0;
        while (System.nanoTime() < deadline) {
            try {
                long started = System.nanoTime();
                var browser = new Web(intake);
                var review = review(browser, "Attack day tip without JavaScript " + ++n + ", 3 Quay Street", List.of());
                var sent = sendWithoutScript(browser, review);
                long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
                filedWithoutScript.record(
                        seconds < NO_SCRIPT_LIMIT_SECONDS,
                        "wait " + ProofOfWorkSolver.waitSeconds(review.body()) + " s, sends " + sent
                                + (seconds < NO_SCRIPT_LIMIT_SECONDS ? "" : ", filed after " + seconds + " s"));
            } catch (RefusedException e) {
                filedWithoutScript.record(false, e.getMessage());
            } catch (Exception e) {
                filedWithoutScript.record(false, Web.outcome(e));
            }
        }
    }

    /** The tip as a browser files it; the receipt, or null when it was not filed. */
    String fileTip(int n) {
        try {
            String receipt = file(new Web(intake), "Attack day genuine tip " + n + ", 12 Harbour Road", List.of());
            filed.record(true, "200");
            return receipt;
        } catch (RefusedException e) {
            filed.record(false, e.getMessage());
        } catch (Exception e) {
            filed.record(false, Web.outcome(e));
        }
        return null;
    }

    /** Files a tip through the form, review and proof of work; the attackers use it to get a receipt of their own. */
    static String file(Web browser, String location, List<Map.Entry<String, String>> extra) throws Exception {
        var review = review(browser, location, extra);
        var send = new ArrayList<>(ProofOfWorkSolver.solve(review.body(), Web.inputsOf(review.body(), "review-form")));
        send.add(Map.entry("step", "send"));
        return receiptOf(browser.postForm("/tips", send));
    }

    /** The form filled in and reviewed: the review page, with its pass. */
    static HttpResponse<String> review(Web browser, String location, List<Map.Entry<String, String>> extra)
            throws Exception {
        var form = browser.get("/");
        if (form.statusCode() != 200) {
            throw new RefusedException("form " + form.statusCode());
        }
        List<Map.Entry<String, String>> fields = new ArrayList<>(Web.inputsOf(form.body(), "tip-form"));
        fields.removeIf(f -> f.getKey().equals("location") || f.getKey().equals("details"));
        fields.add(Map.entry("location", location));
        fields.add(Map.entry("details", "Two young women brought in at night by the same driver."));
        fields.addAll(extra);
        fields.add(Map.entry("step", "review"));
        var review = browser.postForm("/tips", fields);
        if (review.statusCode() != 200) {
            throw new RefusedException("review " + review.statusCode());
        }
        return review;
    }

    /**
     * Waits as the review page's note says, sends with no nonce, and after a 429 waits the seconds it names and sends
     * again, as a person would; the statuses of the sends.
     */
    private static String sendWithoutScript(Web browser, HttpResponse<String> review) throws Exception {
        List<String> statuses = new ArrayList<>();
        long waitSeconds = ProofOfWorkSolver.waitSeconds(review.body());
        var page = review;
        for (int attempt = 0; attempt < 3; attempt++) {
            ProofOfWorkSolver.sleepUntil(System.nanoTime() + TimeUnit.SECONDS.toNanos(waitSeconds));
            var send = new ArrayList<>(Web.inputsOf(page.body(), "review-form"));
            send.add(Map.entry("step", "send"));
            page = browser.postForm("/tips", send);
            statuses.add(Integer.toString(page.statusCode()));
            if (page.statusCode() != 429) {
                receiptOf(page);
                return String.join(",", statuses);
            }
            Matcher note = SEND_AGAIN.matcher(page.body());
            Matcher again = SECONDS.matcher(note.find() ? note.group() : "");
            if (!again.find()) {
                break;
            }
            waitSeconds = Long.parseLong(again.group(1));
        }
        throw new RefusedException("sends " + String.join(",", statuses));
    }

    private static String receiptOf(HttpResponse<String> sent) throws RefusedException {
        Matcher code = RECEIPT.matcher(sent.body());
        if (sent.statusCode() != 200 || !code.find()) {
            throw new RefusedException("send " + sent.statusCode());
        }
        return code.group(1).replaceAll("<[^>]+>", "").strip();
    }

    /** The app answered, but not with what a working tip line answers. */
    static final class RefusedException extends Exception {
        private static final long serialVersionUID = 1L;

        RefusedException(String outcome) {
            super(outcome);
        }
    }

    void followUp(String receipt) {
        Web browser = new Web(intake);
        try {
            var status = browser.postForm("/status", List.of(Map.entry("receipt", receipt)));
            boolean found = status.statusCode() == 200 && status.body().contains("id=\"add-form\"");
            followedUp.record(found, Integer.toString(status.statusCode()));
            if (!found) {
                return;
            }
            List<Map.Entry<String, String>> fields = new ArrayList<>(Web.inputsOf(status.body(), "add-form"));
            fields.add(Map.entry("text", "The van came back tonight, same plate."));
            var add = browser.postForm("/status/messages", fields);
            added.record(
                    add.statusCode() == 200 && add.body().contains("id=\"added\""), Integer.toString(add.statusCode()));
            String boundary = "tipster" + UUID.randomUUID();
            var upload = browser.postMultipart(
                    "/status/attachments", boundary, () -> Bombs.multipart(boundary, receipt, List.of(photo), 0, 0));
            photoAdded.record(
                    upload.statusCode() == 200 && upload.body().contains("id=\"attached\""),
                    Integer.toString(upload.statusCode()));
        } catch (Exception e) {
            followedUp.record(false, Web.outcome(e));
        }
    }
}
