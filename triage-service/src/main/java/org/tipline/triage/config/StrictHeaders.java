package org.tipline.triage.config;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/**
 * The headers every console response carries, whoever writes it: Spring Security for pages, this filter on the error
 * dispatch (where Spring Security's own header writer does not run again) and {@link StrictErrorReportValve} for what
 * Tomcat answers before the application sees the request.
 */
public final class StrictHeaders implements Filter {

    public static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; "
                    + "frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    static final Map<String, String> HEADERS = Map.of(
            "Content-Security-Policy", CONTENT_SECURITY_POLICY,
            "Cache-Control", "no-cache, no-store, max-age=0, must-revalidate",
            "Pragma", "no-cache",
            "Expires", "0",
            "Referrer-Policy", "no-referrer",
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Strict-Transport-Security", "max-age=31536000 ; includeSubDomains");

    static void apply(HttpServletResponse response) {
        HEADERS.forEach(response::setHeader);
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        apply((HttpServletResponse) response);
        chain.doFilter(request, response);
    }
}
