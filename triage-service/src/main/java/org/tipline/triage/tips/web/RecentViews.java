package org.tipline.triage.tips.web;

import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.util.WebUtils;

/**
 * Views are audited at most once per session, tip (or file) and minute: reloading a tip, or the page shown again after
 * saving a note, does not bury the trail in repeats. What is remembered lives in the session, so it costs nothing once
 * the session ends, and at most {@link #REMEMBERED} entries per session.
 */
final class RecentViews {

    static final Duration WINDOW = Duration.ofMinutes(1);
    static final int REMEMBERED = 256;
    private static final String ATTRIBUTE = RecentViews.class.getName();

    private RecentViews() {}

    /** Whether this view is the first of what in this session within the window; if so it is remembered. */
    static boolean firstInWindow(HttpSession session, String what, Instant now) {
        synchronized (WebUtils.getSessionMutex(session)) {
            @SuppressWarnings("unchecked")
            var seen = (Map<String, Instant>) session.getAttribute(ATTRIBUTE);
            if (seen == null) {
                seen = new Remembered();
            }
            Instant last = seen.get(what);
            if (last != null && now.isBefore(last.plus(WINDOW))) {
                return false;
            }
            seen.put(what, now);
            session.setAttribute(ATTRIBUTE, seen);
            return true;
        }
    }

    /** Oldest entries go first once the session has seen many tips. */
    private static final class Remembered extends LinkedHashMap<String, Instant> {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
            return size() > REMEMBERED;
        }
    }
}
