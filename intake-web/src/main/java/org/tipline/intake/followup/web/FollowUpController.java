package org.tipline.intake.followup.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.tipline.intake.followup.TipsterStatus;

/** The follow-up page: a receipt in, the tip's coarse status out. No cookie, nothing stored. */
@Controller
class FollowUpController {

    /** The receipt as typed; kept as typed when it is not a receipt. */
    record StatusForm(String receipt) {}

    private final TipsterStatus status;

    FollowUpController(TipsterStatus status) {
        this.status = status;
    }

    @GetMapping("/status")
    String form(Model model) {
        model.addAttribute("receipt", "");
        return "status";
    }

    @PostMapping("/status")
    String lookUp(@ModelAttribute StatusForm form, Model model, HttpServletResponse response) {
        String typed = form.receipt() == null ? "" : form.receipt();
        model.addAttribute("receipt", typed);
        try {
            model.addAttribute("found", true);
            status.of(typed)
                    .ifPresentOrElse(
                            s -> model.addAttribute("status", s.name()), () -> model.addAttribute("found", false));
        } catch (IllegalArgumentException notAReceipt) {
            model.addAttribute("found", null);
            model.addAttribute("error", "notAReceipt");
        } catch (TipsterStatus.Busy busy) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            model.addAttribute("found", null);
            model.addAttribute("error", "busy");
        }
        return "status";
    }
}
