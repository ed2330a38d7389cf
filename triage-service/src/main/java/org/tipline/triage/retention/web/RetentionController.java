package org.tipline.triage.retention.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tipline.triage.retention.Retention;
import org.tipline.triage.staff.StaffPrincipal;
import org.tipline.triage.tips.TipIds;

/** Retention for supervisors: the periods, legal holds, and purging what is due now. */
@Controller
@RequiredArgsConstructor
class RetentionController {

    static final int MAX_REASON = 200;

    private final Retention retention;
    private final TipIds tipIds;
    private final MessageSource messages;

    @GetMapping("/retention")
    String page(Model model) {
        return render(model, "", null);
    }

    /**
     * A hold names its tip by the short id the console shows (typed) or by a choice from the list (picked), and says
     * why. A refused id is named in the message, never put back into the box.
     */
    @PostMapping("/retention/holds")
    String hold(
            @RequestParam(defaultValue = "") String tip,
            @RequestParam(defaultValue = "") String picked,
            @RequestParam(defaultValue = "") String reason,
            @RequestParam(defaultValue = "true") boolean held,
            @AuthenticationPrincipal StaffPrincipal me,
            Locale locale,
            Model model) {
        String chosen = tip.isBlank() ? picked : tip;
        var found = tipIds.resolve(chosen);
        if (!found.found()) {
            return render(model, reason, messages.getMessage(found.problem(), new Object[] {chosen.strip()}, locale));
        }
        String why = reason.strip();
        if (held && (why.isEmpty() || why.length() > MAX_REASON || why.chars().anyMatch(Character::isISOControl))) {
            return render(model, reason, messages.getMessage("hold.error.reason", new Object[] {MAX_REASON}, locale));
        }
        retention.hold(found.id(), held, why, me);
        return "redirect:/retention?saved";
    }

    /** Destroying cannot be undone, so the supervisor ticks that they mean it; a bare post destroys nothing. */
    @PostMapping("/retention/purge")
    String purge(
            @RequestParam(defaultValue = "") String confirm,
            @AuthenticationPrincipal StaffPrincipal me,
            Locale locale,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        if (!confirm.equals("yes")) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return render(model, "", messages.getMessage("retention.purge.unconfirmed", null, locale));
        }
        redirect.addFlashAttribute("purged", retention.purgeNow(me));
        return "redirect:/retention";
    }

    private String render(Model model, String typedReason, String error) {
        model.addAttribute("periods", retention.periods());
        model.addAttribute("held", retention.held());
        model.addAttribute("holdable", retention.holdable());
        model.addAttribute("typedReason", typedReason);
        model.addAttribute("error", error);
        return "retention";
    }
}
