package org.tipline.triage.tips.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.ui.Model;
import org.tipline.triage.staff.StaffPrincipal;
import org.tipline.triage.staff.UnlockedKeys;

/**
 * A form posted on the tip page at {@code /tips/{id}/...}: the tip, who posted, and what answering with the page
 * again needs. A handler takes it as one parameter ({@link TipPageRequestResolver}) instead of six.
 */
public record TipPageRequest(
        UUID id,
        StaffPrincipal me,
        HttpSession session,
        Locale locale,
        Model model,
        HttpServletResponse response,
        TipPageModel page) {

    /** The keys this staff member unlocked at sign-in, for a change that seals or opens the tip. */
    public UnlockedKeys keys() {
        return UnlockedKeys.of(session);
    }

    /** {@code typed}: the page's forms with what was typed into this one and the problems to show beside it. */
    public TipPagePost answering(Function<Map<String, String>, Forms> typed) {
        return new TipPagePost(this, typed);
    }
}
