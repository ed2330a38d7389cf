package org.tipline.triage.retention.web;

import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tipline.triage.retention.Retention;
import org.tipline.triage.staff.StaffPrincipal;

/** Retention for supervisors: the periods, legal holds, and purging what is due now. */
@Controller
class RetentionController {

    private final Retention retention;

    RetentionController(Retention retention) {
        this.retention = retention;
    }

    @GetMapping("/retention")
    String page(Model model) {
        return render(model, "", null);
    }

    @PostMapping("/retention/holds")
    String hold(
            @RequestParam(defaultValue = "") String tip,
            @RequestParam(defaultValue = "true") boolean held,
            @AuthenticationPrincipal StaffPrincipal me,
            Model model) {
        try {
            retention.hold(UUID.fromString(tip.strip()), held, me);
            return "redirect:/retention?saved";
        } catch (IllegalArgumentException notATip) {
            return render(model, tip, "retention.error.noTip");
        }
    }

    @PostMapping("/retention/purge")
    String purge(@AuthenticationPrincipal StaffPrincipal me, RedirectAttributes redirect) {
        redirect.addFlashAttribute("purged", retention.purgeNow(me));
        return "redirect:/retention";
    }

    /** The page again; {@code error} is a message key. */
    private String render(Model model, String typedTip, String error) {
        model.addAttribute("periods", retention.periods());
        model.addAttribute("held", retention.held());
        model.addAttribute("typedTip", typedTip);
        model.addAttribute("error", error);
        return "retention";
    }
}
