package org.tipline.triage.staff;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.UUID;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends the sessions of a disabled account at their next request, so offboarding takes effect at once rather than
 * when the session would have expired. Ending the session wipes its unlocked keys. One primary-key lookup per staff
 * request.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 11)
class DisabledAccounts extends OncePerRequestFilter {

    private final JdbcClient jdbc;

    DisabledAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        UUID staffId = session == null ? null : staffId(session);
        if (staffId != null && !enabled(staffId)) {
            session.invalidate();
            SecurityContextHolder.clearContext();
            response.sendRedirect(request.getContextPath() + "/login?disabled");
            return;
        }
        chain.doFilter(request, response);
    }

    private static UUID staffId(HttpSession session) {
        Object context = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        if (context instanceof SecurityContext security
                && security.getAuthentication() != null
                && security.getAuthentication().getPrincipal() instanceof StaffPrincipal staff) {
            return staff.id();
        }
        return null;
    }

    private boolean enabled(UUID staffId) {
        return jdbc.sql("SELECT enabled FROM staff WHERE id = :id")
                .param("id", staffId)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }
}
