package org.tipline.intake.config;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a form posted from another site (ADR 17): another site could otherwise plant a submission token or a
 * receipt in a tipster's browser. The browser's own Sec-Fetch-Site decides when sent; otherwise Origin must be this
 * host. Both name only sites, nothing about the person. A browser that sends neither (older or hardened ones) is let
 * through: for it, the fresh token on every page and the receipt bound to the answers are the protection.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class CrossSitePosts extends OncePerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    /** {@code none}: the person opened it themselves, e.g. a reload. */
    private static final Set<String> OWN_SITE = Set.of("same-origin", "none");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (SAFE_METHODS.contains(request.getMethod()) || fromThisSite(request)) {
            chain.doFilter(request, response);
        } else {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
        }
    }

    static boolean fromThisSite(HttpServletRequest request) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null) {
            return OWN_SITE.contains(fetchSite.toLowerCase(Locale.ROOT));
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return true;
        }
        String host = request.getHeader("Host");
        try {
            URI uri = URI.create(origin);
            if (host == null || uri.getHost() == null) {
                return false;
            }
            String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return authority.equalsIgnoreCase(withoutDefaultPort(host, uri.getScheme()));
        } catch (IllegalArgumentException unreadable) {
            return false;
        }
    }

    /** A proxy may pass the Host with the scheme's default port spelled out, which an Origin never has. */
    private static String withoutDefaultPort(String host, String scheme) {
        String defaultPort = "https".equalsIgnoreCase(scheme) ? ":443" : ":80";
        return host.endsWith(defaultPort) ? host.substring(0, host.length() - defaultPort.length()) : host;
    }
}
