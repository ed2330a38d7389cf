package org.tipline.triage.tips.web;

import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
    private static final String TIP = "tip:";

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

    /** The tips this session has opened, most recently opened first: what the tip page offers to pick from. */
    static List<UUID> tips(HttpSession session) {
        synchronized (WebUtils.getSessionMutex(session)) {
            @SuppressWarnings("unchecked")
            var seen = (Map<String, Instant>) session.getAttribute(ATTRIBUTE);
            if (seen == null) {
                return List.of();
            }
            return seen.entrySet().stream()
                    .filter(e -> e.getKey().startsWith(TIP))
                    .sorted(Map.Entry.<String, Instant>comparingByValue(Comparator.reverseOrder()))
                    .map(e -> UUID.fromString(e.getKey().substring(TIP.length())))
                    .toList();
        }
    }

    /** What a tip's view is remembered under. */
    static String tip(UUID id) {
        return TIP + id;
    }

    /** Oldest entries go first once the session has seen many tips. */
    private static final class Remembered extends LinkedHashMap<String, Instant> {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
            return size() > REMEMBERED;
        }
    }
}
