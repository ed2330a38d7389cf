package org.tipline.triage.tips.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.tipline.model.guidance.Guidance;
import org.tipline.triage.staff.StaffPrincipal;
import org.tipline.triage.staff.UnlockedKeys;
import org.tipline.triage.tips.TipSearch;

/** Finding tips by a plate, a phone number or words; a GET, so the browser's back button returns to the results. */
@Controller
@RequiredArgsConstructor
class SearchController {

    private final TipSearch search;
    private final Guidance guidance;

    @GetMapping("/search")
    String search(
            @ModelAttribute("search") SearchForm form,
            @AuthenticationPrincipal StaffPrincipal me,
            HttpSession session,
            HttpServletResponse response,
            Model model) {
        model.addAttribute("urgency", guidance.urgency());
        if (form.isBlank()) {
            return "search";
        }
        if (form.q().length() > TipSearch.MAX_QUERY_LENGTH) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("problem", "tooLong");
            return "search";
        }
        try {
            model.addAttribute("results", search.search(form.q(), me, UnlockedKeys.of(session)));
        } catch (TipSearch.Busy busy) {
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            model.addAttribute("problem", "busy");
        }
        return "search";
    }
}
