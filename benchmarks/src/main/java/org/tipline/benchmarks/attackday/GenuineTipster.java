package org.tipline.benchmarks.attackday;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real tipster as a browser without a human's pauses: opens the form, reviews, does the proof of work, sends, then
 * looks the tip up with the receipt and adds information. Each step counts as one try in its own tally.
 */
final class GenuineTipster {

    private static final Pattern RECEIPT = Pattern.compile("id=\"receipt-code\">([^<]+)<");

    final Tally filed = new Tally("genuine tipster: tip filed (receipt)");
    final Tally followedUp = new Tally("genuine follow-up: receipt opens the tip");
    final Tally added = new Tally("genuine follow-up: information added");
    private final URI intake;

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
        var send = new ArrayList<>(ProofOfWorkSolver.solve(review.body(), Web.inputsOf(review.body(), "review-form")));
        send.add(Map.entry("step", "send"));
        var receipt = browser.postForm("/tips", send);
        Matcher code = RECEIPT.matcher(receipt.body());
        if (receipt.statusCode() != 200 || !code.find()) {
            throw new RefusedException("send " + receipt.statusCode());
        }
        return code.group(1).strip();
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
        } catch (Exception e) {
            followedUp.record(false, Web.outcome(e));
        }
    }
}
