package org.tipline.triage.staff;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseCookie;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * OWASP's device cookies (ADR 18): after a full sign-in the browser keeps a random token bound to that account. The
 * token is unforgeable because only its SHA-256 is stored and looked up; a valid one moves that account's attempts
 * from this browser into their own throttle lane, which strangers' failures never touch.
 */
@Component
public class DeviceCookies {

    static final String NAME = "tipline-device";
    static final Duration LIFETIME = Duration.ofDays(180);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final boolean secure;

    DeviceCookies(JdbcClient jdbc, @Value("${server.servlet.session.cookie.secure:true}") boolean secure) {
        this.jdbc = jdbc;
        this.secure = secure;
    }

    /** The hash of this request's device token when it is a live device of this account. */
    Optional<byte[]> trustedFor(HttpServletRequest request, UUID staffId) {
        return presented(request)
                .filter(hash -> jdbc.sql("""
                        SELECT count(*) FROM staff_device
                        WHERE token_hash = :hash AND staff_id = :staff AND created_at > now() - make_interval(days => :days)
                        """)
                                .param("hash", hash)
                                .param("staff", staffId)
                                .param("days", (int) LIFETIME.toDays())
                                .query(Integer.class)
                                .single()
                        == 1);
    }

    /**
     * The Set-Cookie header value after a full sign-in: the request's own token when it already trusts this account,
     * otherwise a new one.
     */
    public String afterSignIn(HttpServletRequest request, UUID staffId) {
        if (trustedFor(request, staffId).isPresent()) {
            return cookie(presentedValue(request).orElseThrow(), LIFETIME);
        }
        byte[] token = new byte[32];
        RANDOM.nextBytes(token);
        jdbc.sql("INSERT INTO staff_device (token_hash, staff_id) VALUES (:hash, :staff)")
                .param("hash", sha256(token))
                .param("staff", staffId)
                .update();
        jdbc.sql(
                        "DELETE FROM staff_device WHERE staff_id = :staff AND created_at <= now() - make_interval(days => :days)")
                .param("staff", staffId)
                .param("days", (int) LIFETIME.toDays())
                .update();
        return cookie(Base64.getUrlEncoder().withoutPadding().encodeToString(token), LIFETIME);
    }

    private String cookie(String value, Duration maxAge) {
        return ResponseCookie.from(NAME, value)
                .httpOnly(true)
                .secure(secure)
                .sameSite("Strict")
                .path("/")
                .maxAge(maxAge)
                .build()
                .toString();
    }

    private static Optional<byte[]> presented(HttpServletRequest request) {
        return presentedValue(request).flatMap(value -> {
            try {
                byte[] token = Base64.getUrlDecoder().decode(value);
                return token.length == 32 ? Optional.of(sha256(token)) : Optional.empty();
            } catch (IllegalArgumentException notBase64) {
                return Optional.empty();
            }
        });
    }

    private static Optional<String> presentedValue(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        return cookies == null
                ? Optional.empty()
                : Arrays.stream(cookies)
                        .filter(c -> NAME.equals(c.getName()))
                        .map(Cookie::getValue)
                        .findFirst();
    }

    private static byte[] sha256(byte[] token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
