package org.tipline.triage.staff;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.tipline.triage.security.Factors;

/**
 * Ends a signed-in session at its next request when an administrator has since disabled the account or reset its
 * credentials or second factor (a reset asks for a new password, so a fully signed-in session with that flag set
 * predates the reset). Offboarding and a reported lost phone take effect at once rather than when the session would
 * have expired; ending the session wipes its unlocked keys. One primary-key lookup per staff request.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 11)
@RequiredArgsConstructor
class RevokedSessions extends OncePerRequestFilter {

    private final JdbcClient jdbc;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        Authentication signedIn = session == null ? null : authentication(session);
        if (signedIn != null && signedIn.getPrincipal() instanceof StaffPrincipal staff) {
            boolean fullySignedIn = signedIn.getAuthorities().stream()
                    .anyMatch(authority -> Factors.SECOND.equals(authority.getAuthority()));
            String revoked = revoked(staff.id(), fullySignedIn);
            if (revoked != null) {
                session.invalidate();
                SecurityContextHolder.clearContext();
                response.sendRedirect(request.getContextPath() + "/login?" + revoked);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static Authentication authentication(HttpSession session) {
        Object context = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        return context instanceof SecurityContext security ? security.getAuthentication() : null;
    }

    /** Why the session must end ("disabled" or "reset"), or null when it may go on. */
    private String revoked(UUID staffId, boolean fullySignedIn) {
        String reason = jdbc.sql("SELECT enabled, must_change_password FROM staff WHERE id = :id")
                .param("id", staffId)
                .query((rs, n) -> !rs.getBoolean(1) ? "disabled" : rs.getBoolean(2) && fullySignedIn ? "reset" : "")
                .optional()
                .orElse("disabled");
        return reason.isEmpty() ? null : reason;
    }
}
