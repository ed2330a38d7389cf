package org.tipline.triage.tips.web;

import jakarta.servlet.http.HttpServletResponse;
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

/** Sealed notes among staff, and questions to the tipster, typed or chosen from the seeds' canned questions. */
@Controller
class ConversationController {

    private final TipConversation conversation;
    private final TipFormValidator validator;
    private final TipPageModel page;
    private final CannedQuestions canned;

    ConversationController(
            TipConversation conversation, TipFormValidator validator, TipPageModel page, CannedQuestions canned) {
        this.conversation = conversation;
        this.validator = validator;
        this.page = page;
        this.canned = canned;
    }

    @PostMapping("/tips/{id}/notes")
    String note(
            @PathVariable UUID id,
            @ModelAttribute("noteForm") TipForms.Note form,
            BindingResult binding,
            @AuthenticationPrincipal StaffPrincipal me,
            HttpSession session,
            HttpServletResponse response,
            Locale locale,
            Model model) {
        validator.validate(form, binding);
        return new TipPagePost(
                        page,
                        id,
                        me,
                        session,
                        locale,
                        model,
                        response,
                        problems -> new Forms().note(form.note(), problems))
                .save(
                        binding,
                        () -> conversation.addNote(id, form.note().strip(), me, UnlockedKeys.of(session)),
                        "?saved");
    }

    @PostMapping("/tips/{id}/messages")
    String message(
            @PathVariable UUID id,
            @ModelAttribute("questionForm") TipForms.Question form,
            BindingResult binding,
            @AuthenticationPrincipal StaffPrincipal me,
            HttpSession session,
            HttpServletResponse response,
            Locale locale,
            Model model) {
        // A canned question chosen is sent when nothing is typed; what is typed always wins.
        String question = form.message().isBlank() ? canned.text(form.canned()).orElse(form.message()) : form.message();
        validator.validate(new TipForms.Question(question, ""), binding);
        return new TipPagePost(
                        page,
                        id,
                        me,
                        session,
                        locale,
                        model,
                        response,
                        problems -> new Forms().message(form.message(), problems))
                .save(
                        binding,
                        () -> conversation.askTipster(id, question.strip(), me, UnlockedKeys.of(session)),
                        "?asked");
    }
}
