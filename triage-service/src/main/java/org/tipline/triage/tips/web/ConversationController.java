package org.tipline.triage.tips.web;

import jakarta.servlet.http.HttpSession;
import java.util.Locale;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.tipline.triage.staff.StaffPrincipal;
import org.tipline.triage.staff.UnlockedKeys;
import org.tipline.triage.tips.TipConversation;

/** Sealed notes among staff, and questions to the tipster. */
@Controller
class ConversationController {

    private final TipConversation conversation;
    private final TipFormValidator validator;
    private final TipPageModel page;

    ConversationController(TipConversation conversation, TipFormValidator validator, TipPageModel page) {
        this.conversation = conversation;
        this.validator = validator;
        this.page = page;
    }

    @PostMapping("/tips/{id}/notes")
    String note(
            @PathVariable UUID id,
            @ModelAttribute("noteForm") TipForms.Note form,
            BindingResult binding,
            @AuthenticationPrincipal StaffPrincipal me,
            HttpSession session,
            Locale locale,
            Model model) {
        validator.validate(form, binding);
        return new TipPagePost(
                        page, id, me, session, locale, model, problems -> new Forms().note(form.note(), problems))
                .save(
                        binding,
                        () -> conversation.addNote(id, form.note().strip(), me, UnlockedKeys.of(session)),
                        "?saved#timeline");
    }

    @PostMapping("/tips/{id}/messages")
    String message(
            @PathVariable UUID id,
            @ModelAttribute("questionForm") TipForms.Question form,
            BindingResult binding,
            @AuthenticationPrincipal StaffPrincipal me,
            HttpSession session,
            Locale locale,
            Model model) {
        validator.validate(form, binding);
        return new TipPagePost(
                        page, id, me, session, locale, model, problems -> new Forms().message(form.message(), problems))
                .save(
                        binding,
                        () -> conversation.askTipster(id, form.message().strip(), me, UnlockedKeys.of(session)),
                        "?asked#timeline");
    }
}
