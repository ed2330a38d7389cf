package org.tipline.intake.submission.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.InvalidPropertyException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.WebRequest;
import org.tipline.intake.abuse.ProofOfWork;
import org.tipline.intake.abuse.SlowLane;
import org.tipline.intake.config.IntakeProperties;
import org.tipline.intake.submission.Submissions;
import org.tipline.model.guidance.Guidance;

/** The tip form and its receipt. Rendered on the server; works with JavaScript off. */
@Controller
class TipFormController {

    private static final Pattern BLOCK_INDEX = Pattern.compile("\\[(-?\\d+)]");
    private static final int MAX_BLOCK_INDEX = Math.max(TipForm.MAX_PERSONS, TipForm.MAX_VEHICLES);

    private final TipFormValidator validator;
    private final Submissions submissions;

    private final Guidance guidance;
    private final IntakeProperties properties;
    private final ProofOfWork proofOfWork;
    private final SlowLane slowLane;

    TipFormController(
            TipFormValidator validator,
            Submissions submissions,
            Guidance guidance,
            IntakeProperties properties,
            ProofOfWork proofOfWork,
            SlowLane slowLane) {
        this.guidance = guidance;
        this.validator = validator;
        this.submissions = submissions;
        this.properties = properties;
        this.proofOfWork = proofOfWork;
        this.slowLane = slowLane;
    }

    @GetMapping("/")
    String form(Model model) {
        return showForm(TipForm.empty(guidance.deployment().city()), Map.of(), model);
    }

    /**
     * The form has at most a few person and vehicle blocks; an index no form produces (negative, or in the millions) is
     * refused before binding, which would otherwise try to grow a list to that size.
     */
    @InitBinder
    void refuseImpossibleBlockIndexes(WebRequest request) {
        for (String name : request.getParameterMap().keySet()) {
            Matcher index = BLOCK_INDEX.matcher(name);
            while (index.find()) {
                String digits = index.group(1);
                if (digits.startsWith("-") || digits.length() > 2 || Integer.parseInt(digits) >= MAX_BLOCK_INDEX) {
                    throw new InvalidPropertyException(TipForm.class, name, "no form has this block");
                }
            }
        }
    }

    /**
     * One address, several steps: {@code review} shows the answers back with the emergency numbers before anything is
     * sent, {@code edit} returns to the form with everything kept, {@code add-person} and {@code add-vehicle} show
     * one more block (no JavaScript needed), and {@code send} (the default) files the tip.
     */
    @PostMapping("/tips")
    String file(
            @ModelAttribute TipForm form,
            @RequestParam(defaultValue = "send") String step,
            Locale locale,
            Model model,
            HttpServletResponse response) {
        if (step.equals("add-person")) {
            return showForm(form.canAddPerson() ? form.withAnotherPerson() : form, Map.of(), model);
        }
        if (step.equals("add-vehicle")) {
            return showForm(form.canAddVehicle() ? form.withAnotherVehicle() : form, Map.of(), model);
        }
        Map<String, String> errors = validator.validate(form, locale);
        if (!errors.isEmpty() || step.equals("edit")) {
            return showForm(form, errors, model);
        }
        if (step.equals("review")) {
            return review(form, model);
        }
        if (properties.proofOfWork().enabled()
                && !proofOfWork.verify(form.powChallenge(), form.submission(), form.powNonce())) {
            if (!slowLane.admit()) {
                response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
                model.addAttribute("busy", true);
                return review(form, model);
            }
            slowLane.pause();
        }
        Submissions.FiledTip filed;
        try {
            filed = submissions.file(form.toAnswers(), form.submission());
        } catch (TransientDataAccessException | DataAccessResourceFailureException | RecoverableDataAccessException e) {
            // The database is out of connections, restarting or unreachable. Nothing was filed, or it was and the
            // same form sent again finds it (ADR 8): the tipster is told to send again, with everything kept.
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            model.addAttribute("busy", true);
            return review(form, model);
        }
        model.addAttribute("receipt", filed.receipt());
        model.addAttribute("tier", filed.assessment().tier());
        model.addAttribute("childProtection", filed.assessment().childProtectionReferral());
        model.addAttribute("alreadyReceived", filed.alreadyReceived());
        return "receipt";
    }

    /** The review page, with a fresh challenge for the browser's proof of work. */
    private String review(TipForm form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("powChallenge", proofOfWork.challenge());
        model.addAttribute("powDifficulty", proofOfWork.difficulty());
        return "review";
    }

    private String showForm(TipForm form, Map<String, String> errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "form";
    }
}
