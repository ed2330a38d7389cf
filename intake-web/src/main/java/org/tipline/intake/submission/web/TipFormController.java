package org.tipline.intake.submission.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.InvalidPropertyException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.TransactionException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.WebRequest;
import org.tipline.intake.abuse.ProofOfWork;
import org.tipline.intake.config.IntakeProperties;
import org.tipline.intake.submission.SubmissionTokens;
import org.tipline.intake.submission.Submissions;
import org.tipline.model.crypto.Receipt;
import org.tipline.model.tip.SeenBlocks;

/** The tip form and its receipt. Rendered on the server; works with JavaScript off. */
@Controller
@RequiredArgsConstructor
class TipFormController {

    private static final Logger log = LoggerFactory.getLogger(TipFormController.class);
    private static final Pattern BLOCK_INDEX = Pattern.compile("\\[(-?\\d+)]");
    private static final int MAX_BLOCK_INDEX = Math.max(SeenBlocks.MAX_PERSONS, SeenBlocks.MAX_VEHICLES);

    private final TipFormValidator validator;
    private final Submissions submissions;
    private final IntakeProperties properties;
    private final ProofOfWork proofOfWork;
    private final SubmissionTokens tokens;
    private final BlankFormPage blankForm;

    @GetMapping("/")
    void form(Model model, Locale locale, HttpServletRequest request, HttpServletResponse response) throws Exception {
        blankForm.write(model, locale, request, response);
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
     * One address, several steps. The form is a few pages (see {@link FormStep}): {@code next} checks the page posted
     * from ({@code at}) and shows the following one, {@code back} shows the one before without checking, and
     * {@code add-person} and {@code add-vehicle} show one more block (no JavaScript needed). Each page carries the
     * other pages' answers in hidden fields, so nothing unsent is kept here (ADR 27). {@code review} shows all the
     * answers with the emergency numbers, {@code edit} returns to the first page, and {@code send} (the default) files
     * the tip: the review page posts every answer at once, which is also how scripts and benchmarks file. Every page
     * rendered carries a submission token issued just now, so a token planted by another site never reaches the send.
     */
    @PostMapping("/tips")
    String file(
            @ModelAttribute TipForm form,
            @RequestParam(defaultValue = "send") String step,
            @RequestParam(defaultValue = "") String at,
            Locale locale,
            Model model,
            HttpServletResponse response) {
        FormStep shown = FormStep.named(at);
        switch (step) {
            case "add-person" -> {
                return showStep(FormStep.WHO, form.blocks().canAddPerson() ? form.withAnotherPerson() : form, model);
            }
            case "add-vehicle" -> {
                return showStep(
                        FormStep.VEHICLES, form.blocks().canAddVehicle() ? form.withAnotherVehicle() : form, model);
            }
            case "back" -> {
                return showStep(FormStep.before(at), form, model);
            }
            case "edit" -> {
                return showStep(FormStep.WHERE, form, model);
            }
            case "next" -> {
                Map<String, String> errors = validator.validate(form, locale, false);
                errors.keySet().removeIf(key -> FormStep.holding(key, shown) != shown);
                return errors.isEmpty()
                        ? showStep(shown.next(), form, model)
                        : refuse(shown, form, errors, model, response);
            }
            default -> {
                // The whole tip is checked below: a review or a send.
            }
        }
        Map<String, String> errors = validator.validate(form, locale, true);
        if (!errors.isEmpty()) {
            FormStep first = FormStep.holding(errors.keySet().iterator().next(), shown);
            errors.keySet().removeIf(key -> FormStep.holding(key, first) != first);
            return refuse(first, form, errors, model, response);
        }
        if (step.equals("review")) {
            return review(form.withSubmission(tokens.issue()), null, model);
        }
        return send(form, locale, model, response);
    }

    private String send(TipForm form, Locale locale, Model model, HttpServletResponse response) {
        boolean tokenGiven = form.submission() != null && !form.submission().isEmpty();
        if (tokenGiven && !tokens.isOurs(form.submission())) {
            // Expired, or made by someone else: never filed under it, and nothing said about other tips.
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("expired", true);
            return review(form.withSubmission(tokens.issue()), null, model);
        }
        byte[] digest = tokenGiven ? tokens.digest(form.submission(), form.toAnswers()) : null;
        ProofOfWork.Verdict pass = null;
        if (properties.proofOfWork().enabled()) {
            pass = digest == null
                    ? ProofOfWork.Verdict.INVALID
                    : proofOfWork.verify(form.powChallenge(), digest, form.submission(), form.powNonce());
            if (!pass.admits()) {
                response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
                if (pass.outcome() == ProofOfWork.Outcome.TOO_EARLY) {
                    model.addAttribute("sendAgainSeconds", pass.secondsLeft());
                    return review(form, keep(form, pass, pass.secondsLeft()), model);
                }
                TipForm renewed = tokenGiven ? form : form.withSubmission(tokens.issue());
                ProofOfWork.Pass fresh = passFor(renewed);
                model.addAttribute("sendAgainSeconds", fresh.waitBeforeSending().toSeconds());
                return review(renewed, fresh, model);
            }
        }
        String receipt = digest == null ? Receipt.generate() : SubmissionTokens.receipt(digest);
        Submissions.FiledTip filed;
        try {
            // The page's language goes in with the answers, sealed, so a coordinator's questions come back in it.
            filed = submissions.file(form.toAnswers("", locale.getLanguage()), receipt, pass);
        } catch (TransientDataAccessException
                | DataAccessResourceFailureException
                | RecoverableDataAccessException
                | TransactionException e) {
            // The database is out of connections, restarting or unreachable (so the transaction could not begin or
            // end). Nothing was filed, or it was and the same form sent again finds it (ADR 8, 17): the tipster is
            // told to send again, with everything kept. Only the kind of failure is logged, nothing of the request.
            log.warn(
                    "Database unavailable while filing a tip ({}); the sender was asked to send again",
                    e.getClass().getSimpleName());
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            model.addAttribute("busy", true);
            return review(form, pass == null ? null : keep(form, pass, 0), model);
        }
        model.addAttribute("receipt", filed.receipt());
        model.addAttribute("tier", filed.assessment().tier());
        model.addAttribute("childProtection", filed.assessment().childProtectionReferral());
        model.addAttribute("alreadyReceived", filed.alreadyReceived());
        return "receipt";
    }

    /** The review page, with the pass for sending: the one given, or a new one bound to this page's submission. */
    private String review(TipForm form, ProofOfWork.Pass pass, Model model) {
        TipForm shownForm = tokens.isOurs(form.submission()) ? form : form.withSubmission(tokens.issue());
        ProofOfWork.Pass shown = pass == null ? passFor(shownForm) : pass;
        model.addAttribute("form", shownForm);
        model.addAttribute("steps", List.of(FormStep.values()));
        model.addAttribute("pages", FormStep.PAGES);
        model.addAttribute("powChallenge", shown.value());
        model.addAttribute("powDifficulty", shown.difficulty());
        model.addAttribute("slowLaneSeconds", shown.waitBeforeSending().toSeconds());
        return "review";
    }

    private ProofOfWork.Pass passFor(TipForm form) {
        return proofOfWork.issue(tokens.digest(form.submission(), form.toAnswers()));
    }

    /** A pass that was not spent is shown again, so a sender's wait does not start over. */
    private static ProofOfWork.Pass keep(TipForm form, ProofOfWork.Verdict verdict, long secondsLeft) {
        return new ProofOfWork.Pass(form.powChallenge(), verdict.difficulty(), Duration.ofSeconds(secondsLeft));
    }

    private String showStep(FormStep step, TipForm form, Model model) {
        model.addAllAttributes(step.page(form.withSubmission(tokens.issue()), Map.of()));
        return "form";
    }

    /** The page with the answers refused, their messages at its top and everything typed kept. */
    private String refuse(
            FormStep step, TipForm form, Map<String, String> errors, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAllAttributes(step.page(form.withSubmission(tokens.issue()), errors));
        return "form";
    }
}
