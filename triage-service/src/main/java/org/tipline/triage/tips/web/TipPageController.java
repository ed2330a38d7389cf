package org.tipline.triage.tips.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.tipline.triage.staff.StaffPrincipal;
import org.tipline.triage.staff.UnlockedKeys;
import org.tipline.triage.tips.TipReading;

/** A decrypted tip, and the warning page an outside link from it opens through. */
@Controller
@RequiredArgsConstructor
class TipPageController {

    private final TipPageModel page;
    private final TipReading reading;

    @GetMapping("/tips/{id}")
    String show(@PathVariable UUID id, @AuthenticationPrincipal StaffPrincipal me, HttpSession session, Model model) {
        return page.render(id, me, session, model);
    }

    /** An outside link from a tip opens only from this page, which says what leaving the console means. */
    @GetMapping("/tips/{id}/link")
    String link(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String n,
            @AuthenticationPrincipal StaffPrincipal me,
            HttpSession session,
            HttpServletResponse response,
            Locale locale,
            Model model) {
        Optional<String> target = n.matches("\\d{1,4}")
                ? reading.followLink(id, Integer.parseInt(n), me, UnlockedKeys.of(session))
                : Optional.empty();
        if (target.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return page.problem("tip.problem.notALink", locale, model);
        }
        model.addAttribute("tipId", id);
        model.addAttribute(
                "href",
                target.get().toLowerCase(Locale.ROOT).startsWith("www.") ? "https://" + target.get() : target.get());
        return "leave-console";
    }
}
