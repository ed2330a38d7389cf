package org.tipline.intake.followup.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.tipline.intake.followup.Conversation;
import org.tipline.intake.followup.TipsterStatus;
import org.tipline.model.tip.Messages;

/**
 * The follow-up page: a receipt in, the tip's coarse status and the conversation out, and a way to answer or add
 * more. No cookie and nothing in the URL: the receipt travels in the form body each time, and pages are no-store.
 */
@Controller
class FollowUpController {

    /** The receipt as typed; kept as typed when it is not a receipt. */
    record StatusForm(String receipt) {}

    /** An answer or more information, with the receipt it belongs to. */
    record AddForm(String receipt, String text) {}

    private final TipsterStatus status;
    private final Conversation conversation;

    FollowUpController(TipsterStatus status, Conversation conversation) {
        this.status = status;
        this.conversation = conversation;
    }

    @GetMapping("/status")
    String form(Model model) {
        model.addAttribute("receipt", "");
        return "status";
    }

    @PostMapping("/status")
    String lookUp(@ModelAttribute StatusForm form, Model model, HttpServletResponse response) {
        String typed = form.receipt() == null ? "" : form.receipt();
        show(typed, "", model, response);
        return "status";
    }

    @PostMapping("/status/messages")
    String add(@ModelAttribute AddForm form, Model model, HttpServletResponse response) {
        String receipt = form.receipt() == null ? "" : form.receipt();
        String text = form.text() == null ? "" : form.text().strip();
        if (text.isEmpty() || text.length() > Messages.MAX_LENGTH) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("textError", text.isEmpty() ? "empty" : "tooLong");
            model.addAttribute("maxLength", Messages.MAX_LENGTH);
            show(receipt, form.text() == null ? "" : form.text(), model, response);
            return "status";
        }
        Optional<Boolean> found = show(receipt, "", model, response);
        if (found.orElse(false)) {
            switch (conversation.add(receipt, text)) {
                case ADDED -> {
                    model.addAttribute("added", true);
                    model.addAttribute("messages", conversation.messages(receipt));
                }
                case TOO_MANY -> {
                    response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
                    model.addAttribute("textError", "tooMany");
                    model.addAttribute("typedText", form.text());
                }
                case NO_SUCH_TIP -> model.addAttribute("found", false);
            }
        }
        return "status";
    }

    /** Looks the receipt up and fills the page; empty when the receipt could not be checked at all. */
    private Optional<Boolean> show(String typed, String typedText, Model model, HttpServletResponse response) {
        model.addAttribute("receipt", typed);
        model.addAttribute("typedText", typedText);
        try {
            var found = status.of(typed);
            model.addAttribute("found", found.isPresent());
            found.ifPresent(s -> {
                model.addAttribute("status", s.name());
                model.addAttribute("messages", conversation.messages(typed));
            });
            return Optional.of(found.isPresent());
        } catch (IllegalArgumentException notAReceipt) {
            model.addAttribute("found", null);
            model.addAttribute("error", "notAReceipt");
        } catch (TipsterStatus.Busy busy) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            model.addAttribute("found", null);
            model.addAttribute("error", "busy");
        }
        return Optional.empty();
    }
}
