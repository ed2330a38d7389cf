package org.tipline.triage.config;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Parameters Tomcat cannot parse (a parameter with no name, broken escapes, too many) would otherwise fail wherever
 * they are first read, in a controller or a template, as a 500. They are read once here, first, and refused with 400,
 * as are parameter names holding control characters (a line break in a name is an attempt to forge log lines).
 *
 * <p>Reading parameters fixes the request body's character set for good, so this runs right after Spring's
 * CharacterEncodingFilter (which is at {@link Ordered#HIGHEST_PRECEDENCE}) has set UTF-8: at the same precedence it
 * could run first, and every accented letter staff typed would be decoded as ISO-8859-1.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class UnreadableParameters extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            if (request.getParameterMap().keySet().stream().anyMatch(UnreadableParameters::hasControlCharacter)) {
                response.sendError(HttpServletResponse.SC_BAD_REQUEST, "A parameter name holds a control character.");
                return;
            }
        } catch (InvalidParameterException unreadable) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "The request's parameters could not be read.");
            return;
        }
        chain.doFilter(request, response);
    }

    /** No console form names a parameter with a line break or other control character; only forged requests do. */
    private static boolean hasControlCharacter(String name) {
        return name.chars().anyMatch(Character::isISOControl);
    }
}
