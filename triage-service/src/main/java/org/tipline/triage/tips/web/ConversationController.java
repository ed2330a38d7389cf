package org.tipline.triage.tips.web;

import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.tipline.triage.tips.TipConversation;

/** Sealed notes among staff, and questions to the tipster, typed or chosen from the seeds' canned questions. */
@Controller
@RequiredArgsConstructor
class ConversationController {

    private final TipConversation conversation;
    private final TipFormValidator validator;
    private final CannedQuestions canned;

    @PostMapping("/tips/{id}/notes")
    String note(@ModelAttribute("noteForm") TipForms.Note form, BindingResult binding, TipPageRequest tip) {
        validator.validate(form, binding);
        return tip.answering(problems -> new Forms().note(form.note(), problems))
                .save(
                        binding,
                        () -> conversation.addNote(tip.id(), form.note().strip(), tip.me(), tip.keys()),
                        "?saved");
    }

    @PostMapping("/tips/{id}/messages")
    String message(@ModelAttribute("questionForm") TipForms.Question form, BindingResult binding, TipPageRequest tip) {
        // A canned question chosen is sent when nothing is typed; what is typed always wins.
        String question = form.message().isBlank() ? canned.text(form.canned()).orElse(form.message()) : form.message();
        validator.validate(new TipForms.Question(question, ""), binding);
        return tip.answering(problems -> new Forms().message(form.message(), problems))
                .save(
                        binding,
                        () -> conversation.askTipster(tip.id(), question.strip(), tip.me(), tip.keys()),
                        "?asked");
    }
}
