package org.tipline.deploy;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tipline.jdbc.provisioning.Provisioning;
import org.tipline.model.crypto.Argon2idParameters;
import org.tipline.model.crypto.TipLineKeyPair;
import org.tipline.model.crypto.Totp;

/**
 * One coordinator's browser, reduced to what the replica tests need: a cookie jar behind the console's balancer,
 * sign-in with password and a one-time code, and the two actions a coordinator repeats all day (take the next tip,
 * close it). Every answer's replica is noted from the balancer's {@code X-Upstream} header, so a test can see which
 * replica holds this session and whether the balancer kept it there.
 */
final class ConsoleCoordinator {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern TAKEN = Pattern.compile("/tips/([0-9a-f-]{36})$");
    private static final Pattern STATUS_VERSION =
            Pattern.compile("id=\"status-form\".*?name=\"version\" value=\"(\\d+)\"", Pattern.DOTALL);

    /** An action the console acknowledged: which coordinator, which tip, which replica answered, when. */
    record Ack(String coordinator, UUID tip, String action, String replica, Instant at) {}

    final String username;
    private final String password;
    private final byte[] totpSecret;
    private final URI base;
    private final HttpClient http;
    private long lastStep;
    private String csrf;
    private String lastUpstream;
    private String lastLocation;

    ConsoleCoordinator(URI base, String username, String password, byte[] totpSecret) {
        this.base = base;
        this.username = username;
        this.password = password;
        this.totpSecret = totpSecret;
        this.http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /**
     * A coordinator account made as the launcher makes its demo ones (password chosen, TOTP enrolled, granted the
     * tip-line key), with the cheapest Argon2id parameters allowed: the tests sign in often. Returns the TOTP secret.
     */
    static byte[] provision(Connection owner, TipLineKeyPair key, String username, String password)
            throws SQLException {
        UUID id = Provisioning.createStaff(
                owner,
                username,
                username,
                password.toCharArray(),
                Set.of("COORDINATOR"),
                new Argon2idParameters(Argon2idParameters.MIN_MEMORY_KIB, Argon2idParameters.MIN_ITERATIONS, 1));
        byte[] secret = Totp.newSecret();
        Provisioning.enrolTotp(owner, id, secret);
        Provisioning.passwordChosen(owner, id);
        Provisioning.grant(owner, id, key);
        return secret;
    }

    /**
     * Takes the next tip and closes it, again and again until {@code stopAt}, reporting each acknowledged action;
     * signs in again when the replica holding the session is gone (the balancer then sends it to the other one).
     */
    void workUntil(Instant stopAt, Consumer<Ack> acknowledged) {
        try {
            while (Instant.now().isBefore(stopAt)) {
                try {
                    var tip = takeNext();
                    if (tip.isPresent()) {
                        acknowledged.accept(new Ack(username, tip.get(), "TIP_CLAIMED", lastUpstream, Instant.now()));
                        if (close(tip.get())) {
                            acknowledged.accept(
                                    new Ack(username, tip.get(), "STATUS_CHANGED", lastUpstream, Instant.now()));
                        }
                    } else if (foundNothingToTake()) {
                        Thread.sleep(200);
                    } else if (!signedIn()) {
                        signIn();
                    }
                } catch (IOException brokenByTheKill) {
                    Thread.sleep(200);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(username + " stopped", e);
        }
    }

    /** The replica ("127.0.0.1:port") that answered the last request through the balancer. */
    String upstream() {
        return lastUpstream;
    }

    /** The first visit: the balancer picks a replica for this browser and pins it with its route cookie. */
    String firstVisit() throws IOException, InterruptedException {
        get("/login");
        return lastUpstream;
    }

    /**
     * Password, then a one-time code for a step never used before (a code works once, and one step ahead of now is
     * accepted), retried while the console answers "busy" (its Argon2id slots are full).
     */
    void signIn() throws IOException, InterruptedException {
        for (int attempt = 0; attempt < 20; attempt++) {
            csrf = token(get("/login").body());
            var afterPassword = post("/login", Map.of("username", username, "password", password));
            if (afterPassword.statusCode() == 503) {
                Thread.sleep(1000);
                continue;
            }
            csrf = token(get("/sign-in/code").body());
            long step = Math.max(Totp.step(Instant.now()), lastStep + 1);
            while (step > Totp.step(Instant.now()) + 1) {
                Thread.sleep(1000);
            }
            lastStep = step;
            String code = Totp.code(totpSecret, Instant.ofEpochSecond(step * Totp.STEP_SECONDS));
            var signedIn = post("/sign-in/code", Map.of("code", code));
            if (signedIn.headers().firstValue("Location").orElse("").endsWith("/")) {
                csrf = token(get("/account/password").body());
                return;
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException(username + " could not sign in");
    }

    /** Claims the next tip; empty when nothing is left or the claim was not acknowledged. */
    Optional<UUID> takeNext() throws IOException, InterruptedException {
        post("/queue/take-next", Map.of());
        Matcher taken = TAKEN.matcher(lastLocation);
        return taken.find() ? Optional.of(UUID.fromString(taken.group(1))) : Optional.empty();
    }

    /** Whether the last "take next" found the queue empty (rather than failing). */
    boolean foundNothingToTake() {
        return lastLocation.contains("nothingToTake");
    }

    /** Opens the tip (its page carries the version the close must name) and closes it; true when acknowledged. */
    boolean close(UUID tip) throws IOException, InterruptedException {
        var page = get("/tips/" + tip);
        Matcher version = STATUS_VERSION.matcher(page.body());
        if (page.statusCode() != 200 || !version.find()) {
            return false;
        }
        var closed = post(
                "/tips/" + tip + "/status",
                Map.of("status", "CLOSED", "reason", "INSUFFICIENT", "version", version.group(1)));
        return closed.statusCode() == 302 && lastLocation.endsWith("/tips/" + tip + "?saved#feedback");
    }

    /** Whether the session still answers as signed in (a replica that never saw it sends the browser to sign in). */
    boolean signedIn() throws IOException, InterruptedException {
        return get("/queue").statusCode() == 200;
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    private HttpResponse<String> post(String path, Map<String, String> fields)
            throws IOException, InterruptedException {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", csrf == null ? "" : csrf);
        StringBuilder body = new StringBuilder();
        all.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&")
                .append(name)
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        var response = http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        // "A, B" when nginx gave up on A and passed the request to B: B answered.
        String tried = response.headers().firstValue("X-Upstream").orElse("");
        lastUpstream = tried.substring(tried.lastIndexOf(' ') + 1);
        lastLocation = response.headers().firstValue("Location").orElse("");
        return response;
    }

    private static String token(String html) {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on the page");
        }
        return m.group(1);
    }
}
