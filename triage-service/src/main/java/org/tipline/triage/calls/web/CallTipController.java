package org.tipline.triage.calls.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.ObjectError;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tipline.model.guidance.Guidance;
import org.tipline.model.tip.SeenBlocks;
import org.tipline.triage.calls.CallTips;
import org.tipline.triage.calls.Channel;
import org.tipline.triage.calls.SpokenReceipt;
import org.tipline.triage.security.IsCoordinator;
import org.tipline.triage.staff.StaffPrincipal;
import org.tipline.triage.staff.UnlockedKeys;

/** "New tip from a call": the seeds' questionnaire for a coordinator taking a call or a visit, in their language. */
@Controller
@IsCoordinator
@RequiredArgsConstructor
class CallTipController {

    private final CallTips callTips;
    private final CallFormValidator validator;
    private final Guidance guidance;
    private final MessageSource messages;

    /** The form binds through the record's constructor and is checked with the seeds-driven validator. */
    @InitBinder("form")
    void binder(WebDataBinder binder) {
        binder.addValidators(validator);
    }

    @GetMapping("/calls/new")
    String form(Model model, Locale locale) {
        return showForm(CallForm.empty(guidance.deployment().city()), Map.of(), model, locale);
    }

    /**
     * Files the tip, or for {@code step=add-person} / {@code add-vehicle} (plain submit buttons, so no JavaScript is
     * needed) shows the form again with one more blank block and everything typed, filing nothing; errors wait for
     * the file step, as on the public form.
     */
    @PostMapping("/calls")
    String file(
            @Validated @ModelAttribute("form") CallForm form,
            BindingResult binding,
            @RequestParam(defaultValue = "file") String step,
            @AuthenticationPrincipal StaffPrincipal me,
            HttpSession session,
            Locale locale,
            Model model,
            HttpServletResponse response) {
        if (step.equals("add-person")) {
            return showForm(form, form.blocks().withAnotherPerson(), Map.of(), model, locale);
        }
        if (step.equals("add-vehicle")) {
            return showForm(form, form.blocks().withAnotherVehicle(), Map.of(), model, locale);
        }
        if (binding.hasErrors()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return showForm(form, errors(binding, locale), model, locale);
        }
        CallTips.Filed filed;
        try {
            Channel channel = Channel.byId(form.channel()).orElseThrow();
            filed = callTips.file(form.toAnswers(), channel, form.submission(), me, UnlockedKeys.of(session));
        } catch (CallTips.NoTipLineKeyException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return showForm(form, Map.of("form", messages.getMessage("call.error.noKey", null, locale)), model, locale);
        }
        model.addAttribute("lang", language(locale));
        model.addAttribute("filed", filed);
        model.addAttribute("tier", filed.assessment().tier());
        model.addAttribute("spoken", SpokenReceipt.groups(filed.receipt()));
        model.addAttribute("guidance", guidance);
        return "call-filed";
    }

    /**
     * Each field's first error, worded in the coordinator's language, keyed by the id it is shown under: the field's
     * name, {@code person-2} for {@code persons[2]}, "form" for errors not about one field.
     */
    private Map<String, String> errors(BindingResult binding, Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (ObjectError error : binding.getAllErrors()) {
            String key = error instanceof org.springframework.validation.FieldError field
                    ? field.getField()
                            .replaceFirst("^persons\\[(\\d+)].*", "person-$1")
                            .replaceFirst("^vehicleDetails\\[(\\d+)].*", "vehicle-$1")
                    : "form";
            errors.putIfAbsent(key, messages.getMessage(error, locale));
        }
        return errors;
    }

    private String showForm(CallForm form, Map<String, String> errors, Model model, Locale locale) {
        return showForm(form, form.blocks(), errors, model, locale);
    }

    /** The form with {@code blocks} as the person and vehicle blocks to show, one more after "Add another". */
    private String showForm(CallForm form, SeenBlocks blocks, Map<String, String> errors, Model model, Locale locale) {
        model.addAttribute("form", form);
        model.addAttribute("blocks", blocks);
        model.addAttribute("errors", errors);
        model.addAttribute("lang", language(locale));
        model.addAttribute("guidance", guidance);
        model.addAttribute("channels", Channel.enteredByStaff());
        return "call-new";
    }

    /** The seeds are written in English and Spanish; any other language reads English. */
    private static String language(Locale locale) {
        return "es".equals(locale.getLanguage()) ? "es" : "en";
    }
}
