package org.tipline.intake.submission.web;

import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.tipline.intake.submission.Submissions;

/** The tip form and its receipt. Rendered on the server; works with JavaScript off. */
@Controller
class TipFormController {

    private final TipFormValidator validator;
    private final Submissions submissions;

    TipFormController(TipFormValidator validator, Submissions submissions) {
        this.validator = validator;
        this.submissions = submissions;
    }

    @GetMapping("/")
    String form(Model model) {
        return showForm(TipForm.empty(), Map.of(), model);
    }

    @PostMapping("/tips")
    String file(@ModelAttribute TipForm form, Locale locale, Model model) {
        Map<String, String> errors = validator.validate(form, locale);
        if (!errors.isEmpty()) {
            return showForm(form, errors, model);
        }
        var filed = submissions.file(form.toAnswers(), form.submission());
        model.addAttribute("receipt", filed.receipt());
        model.addAttribute("tier", filed.assessment().tier());
        model.addAttribute("childProtection", filed.assessment().childProtectionReferral());
        model.addAttribute("alreadyReceived", filed.alreadyReceived());
        return "receipt";
    }

    private String showForm(TipForm form, Map<String, String> errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "form";
    }
}
