package org.tipline.benchmarks;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tipline.jdbc.provisioning.Provisioning;
import org.tipline.model.crypto.Argon2idParameters;
import org.tipline.model.crypto.TipLineKeyPair;
import org.tipline.model.crypto.Totp;

/** One signed-in console browser session, like a coordinator's: its cookie jar and its CSRF token. */
final class ConsoleSession {

    static final String PASSWORD = "benchmark coordinator passphrase";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    /** An account ready to sign in. */
    record Staff(String username, byte[] totpSecret) {

        /** Made through the launcher's provisioning code, granted the tip-line key when one is given. */
        static Staff provision(Connection owner, TipLineKeyPair key, String username, String role) throws Exception {
            UUID id = Provisioning.createStaff(
                    owner, username, username, PASSWORD.toCharArray(), Set.of(role), Argon2idParameters.STAFF_PASSWORD);
            byte[] secret = Totp.newSecret();
            Provisioning.enrolTotp(owner, id, secret);
            Provisioning.passwordChosen(owner, id);
            if (key != null) {
                Provisioning.grant(owner, id, key);
            }
            return new Staff(username, secret);
        }
    }

    private final URI base;
    private final HttpClient http;
    private String csrf;
    private String replica;

    private ConsoleSession(URI base) {
        this.base = base;
        this.http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** The demo coordinator's grant opens the tip-line key, which benchmark coordinators are granted too. */
    static TipLineKeyPair demoCoordinatorKey(Connection owner, String accounts) throws Exception {
        Matcher m =
                Pattern.compile("coordinator: username=(\\S+) password=(\\S+)").matcher(accounts);
        if (!m.find()) {
            throw new IllegalStateException("no coordinator in the demo accounts file");
        }
        var keys = Provisioning.unlockGrants(owner, m.group(1), m.group(2).toCharArray());
        return keys.get(keys.keySet().stream().max(Integer::compare).orElseThrow());
    }

    /** Password, one-time code, session cookie and CSRF token, as a browser signs in. */
    static ConsoleSession signIn(URI base, Staff staff) throws Exception {
        return open(base).signIn(staff);
    }

    /** A browser that has loaded the sign-in page (behind a balancer, that picks its replica). */
    static ConsoleSession open(URI base) throws Exception {
        ConsoleSession session = new ConsoleSession(base);
        session.csrf = token(session.get("/login").body());
        return session;
    }

    ConsoleSession signIn(Staff staff) throws Exception {
        post("/login", Map.of("username", staff.username(), "password", PASSWORD));
        csrf = token(get("/sign-in/code").body());
        String code = Totp.code(staff.totpSecret(), Instant.now());
        var signedIn = post("/sign-in/code", Map.of("code", code));
        if (!signedIn.headers().firstValue("Location").orElse("").endsWith("/")) {
            throw new IllegalStateException("sign-in failed for " + staff.username());
        }
        csrf = token(get("/account/password").body());
        return this;
    }

    /** The replica that answered last, from the benchmark balancer's X-Upstream header; null without one. */
    String replica() {
        return replica;
    }

    HttpResponse<String> get(String path) throws Exception {
        var response = http.send(
                HttpRequest.newBuilder(base.resolve(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        replica = response.headers().firstValue("X-Upstream").orElse(null);
        return response;
    }

    HttpResponse<String> post(String path, Map<String, String> fields) throws Exception {
        StringBuilder body = new StringBuilder("_csrf=").append(encode(csrf));
        fields.forEach(
                (name, value) -> body.append('&').append(name).append('=').append(encode(value)));
        return http.send(
                HttpRequest.newBuilder(base.resolve(path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String token(String html) {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on the page");
        }
        return m.group(1);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
