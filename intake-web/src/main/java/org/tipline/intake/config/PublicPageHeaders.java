package org.tipline.intake.config;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Headers for every public response: nothing from another origin, no inline script, no referrer leaked to the quick
 * exit or any link, no caching of what a tipster typed, no framing, no sensors.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class PublicPageHeaders extends OncePerRequestFilter {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self'; font-src 'self'; connect-src 'self'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        apply(response);
        chain.doFilter(request, response);
    }

    /** Also used by {@link TomcatErrorPages}, for the answers Tomcat gives before any filter runs. */
    static void apply(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Permissions-Policy", "geolocation=(), camera=(), microphone=(), interest-cohort=()");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        // Browsers ignore HSTS over plain HTTP; behind the TLS proxy it pins HTTPS for a year.
        response.setHeader("Strict-Transport-Security", "max-age=31536000");
        // No X-XSS-Protection: current guidance is to leave old browsers' XSS auditor off, since it could be abused
        // to blank out parts of a page; the CSP above is the protection.
    }

    /** Error pages are forwarded here as an ERROR dispatch, which may have reset the headers: set them again. */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }
}
