package org.tipline.triage.staff;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a staff session after 30 minutes without a request or 8 hours in all, whichever comes first. Tomcat's own idle
 * timeout is the backstop; this filter is the rule, with the time read from the application clock. It runs before
 * Spring Security, so an expired session is gone before anyone looks at who is signed in. Ending the session
 * unbinds its unlocked keys, which wipes them.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class SessionLimits extends OncePerRequestFilter {

    static final String STARTED = SessionLimits.class.getName() + ".started";
    static final String LAST_SEEN = SessionLimits.class.getName() + ".lastSeen";

    /**
     * The queue's live stream reconnects on its own, so it is not a sign that someone is at the keyboard: it never
     * extends the idle limit.
     */
    public static final String PASSIVE_PATH = "/queue/events";

    private final Clock clock;
    private final Duration idle;
    private final Duration absolute;

    SessionLimits(
            Clock clock,
            @Value("${tipline.triage.session.idle-timeout:30m}") Duration idle,
            @Value("${tipline.triage.session.absolute-timeout:8h}") Duration absolute) {
        this.clock = clock;
        this.idle = idle;
        this.absolute = absolute;
    }

    /** Starts the clocks for a session that has just signed in. */
    public void started(HttpSession session) {
        Instant now = clock.instant();
        session.setAttribute(STARTED, now);
        session.setAttribute(LAST_SEEN, now);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(STARTED) instanceof Instant started) {
            Instant now = clock.instant();
            Instant lastSeen = (Instant) session.getAttribute(LAST_SEEN);
            if (now.isAfter(started.plus(absolute)) || now.isAfter(lastSeen.plus(idle))) {
                session.invalidate();
                SecurityContextHolder.clearContext();
                response.sendRedirect(request.getContextPath() + "/login?expired");
                return;
            }
            if (!PASSIVE_PATH.equals(request.getServletPath())) {
                session.setAttribute(LAST_SEEN, now);
            }
        }
        chain.doFilter(request, response);
    }

    /** Whether this session has passed either limit; a live stream that outlives it is closed. */
    public boolean expired(HttpSession session) {
        try {
            Instant now = clock.instant();
            return !(session.getAttribute(STARTED) instanceof Instant started)
                    || now.isAfter(started.plus(absolute))
                    || now.isAfter(((Instant) session.getAttribute(LAST_SEEN)).plus(idle));
        } catch (IllegalStateException invalidated) {
            return true;
        }
    }
}
