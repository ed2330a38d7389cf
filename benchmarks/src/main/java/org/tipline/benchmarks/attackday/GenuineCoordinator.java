package org.tipline.benchmarks.attackday;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tipline.model.crypto.Totp;

/**
 * The real coordinator: password and authenticator code from the launcher's demo accounts, one browser (cookies kept
 * between sign-ins, as a device cookie needs), signs in, opens the queue and the first tip with its documents, signs
 * out, and again once the next authenticator code is due.
 */
final class GenuineCoordinator {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern FIRST_TIP = Pattern.compile("href=\"(/tips/[0-9a-f-]{36})\"");
    private static final Pattern PDF_PAGE = Pattern.compile("src=\"(/tips/[^\"]+/pages/\\d+)\"");
    private static final Pattern DOCUMENT = Pattern.compile("href=\"(/tips/[^\"]+/view)\"");

    private Tally signIns;
    private Tally work;
    /**
     * A code is accepted once, so each sign-in waits for the next 30-second step, as a person would; the first too,
     * since the launcher's enrolment may have used the current one.
     */
    private long lastStep = Instant.now().getEpochSecond() / 30;

    private final Web browser;
    private final String username;
    private final String password;
    private final byte[] totpSecret;

    GenuineCoordinator(URI triage, String demoAccounts) {
        Matcher m = Pattern.compile("coordinator: username=(\\S+) password=(\\S+) totp=(\\S+)")
                .matcher(demoAccounts);
        if (!m.find()) {
            throw new IllegalArgumentException("no coordinator in the demo accounts file");
        }
        this.browser = new Web(triage);
        this.username = m.group(1);
        this.password = m.group(2);
        this.totpSecret = Totp.fromBase32(m.group(3));
    }

    String username() {
        return username;
    }

    /** Fresh tallies for a new phase; the browser and its cookies stay. */
    void startCounting() {
        signIns = new Tally("genuine coordinator: sign-in (password+TOTP)");
        work = new Tally("genuine coordinator: queue, tip, documents");
    }

    Tally signIns() {
        return signIns;
    }

    Tally work() {
        return work;
    }

    void runUntil(long deadline) {
        while (System.nanoTime() < deadline) {
            long step = Instant.now().getEpochSecond() / 30;
            if (step == lastStep) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                continue;
            }
            lastStep = step;
            if (signIn()) {
                useTheConsole();
                signOut();
            }
        }
    }

    private boolean signIn() {
        try {
            var login = browser.get("/login");
            var sent = browser.postForm(
                    "/login",
                    List.of(
                            Map.entry("_csrf", csrf(login.body())),
                            Map.entry("username", username),
                            Map.entry("password", password)));
            String next = followSignInSteps(sent);
            if (!next.contains("/sign-in/code")) {
                signIns.record(false, "password " + sent.statusCode() + " -> " + pathOf(next));
                return false;
            }
            var codePage = browser.get("/sign-in/code");
            var coded = browser.postForm(
                    "/sign-in/code",
                    List.of(
                            Map.entry("_csrf", csrf(codePage.body())),
                            Map.entry("code", Totp.code(totpSecret, Instant.now()))));
            String after = followSignInSteps(coded);
            boolean ok = coded.statusCode() == 302 && !after.contains("login") && !after.contains("sign-in");
            signIns.record(ok, "code " + coded.statusCode() + " -> " + pathOf(after));
            return ok;
        } catch (Exception e) {
            signIns.record(false, Web.outcome(e));
            return false;
        }
    }

    private void useTheConsole() {
        try {
            var queue = browser.get("/queue");
            boolean ok = queue.statusCode() == 200;
            Matcher tip = FIRST_TIP.matcher(queue.body());
            if (ok && tip.find()) {
                var page = browser.get(tip.group(1));
                ok = page.statusCode() == 200;
                Matcher document = DOCUMENT.matcher(page.body());
                if (ok && document.find()) {
                    var view = browser.get(Web.unescape(document.group(1)));
                    Matcher image = PDF_PAGE.matcher(view.body());
                    // Refusing to draw a page it cannot afford is fine; failing is not.
                    ok = view.statusCode() < 500
                            && (!image.find()
                                    || browser.get(Web.unescape(image.group(1))).statusCode() < 500);
                }
            }
            work.record(ok, ok ? "ok" : "failed");
        } catch (Exception e) {
            work.record(false, Web.outcome(e));
        }
    }

    private void signOut() {
        try {
            var home = browser.get("/queue");
            browser.postForm("/logout", List.of(Map.entry("_csrf", csrf(home.body()))));
        } catch (Exception ignored) {
            // The next sign-in starts a new session either way.
        }
    }

    /** Where {@code answer} finally sends the browser, past at most three "/sign-in/next" steps. */
    private String followSignInSteps(HttpResponse<String> answer) throws IOException, InterruptedException {
        String location = answer.headers().firstValue("Location").orElse("");
        for (int hop = 0; hop < 3 && location.contains("/sign-in/next"); hop++) {
            location = browser.get(pathOf(location))
                    .headers()
                    .firstValue("Location")
                    .orElse("");
        }
        return location;
    }

    private static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on the page");
        }
        return m.group(1);
    }

    private static String pathOf(String location) {
        return location.replaceFirst("^https?://[^/]+", "");
    }
}
