package org.tipline.triage.tips.web;

import java.util.Map;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.validation.BindingResult;
import org.tipline.triage.tips.ChildProtectionPolicy.ChildProtectionPendingException;
import org.tipline.triage.tips.TipChangedException;

/**
 * One post of a form on the tip page. A form with errors, a change refused, or a change made on a version of the tip
 * someone has since changed shows the page again with what was typed and the refusal at the top; a saved change sends
 * the coordinator to the top of the tip page, where the result is said. A refusal answers 422 and a conflict 409, so
 * that what is not saved never reads as a success to anything that looks only at the status.
 * {@code typed} gives the page's forms with what was typed into this one and the problems to show beside it.
 */
public record TipPagePost(TipPageRequest request, Function<Map<String, String>, Forms> typed) {

    /** The page again with the form's errors if it has any; else the change is made and the coordinator sent on. */
    public String save(BindingResult binding, Runnable change, String then) {
        if (binding.hasErrors()) {
            return invalid(binding);
        }
        change.run();
        return redirect(then);
    }

    /** As {@link #save}, for a change made on the version of the tip the page showed. */
    public String saveOnVersion(BindingResult binding, Runnable change, String then) {
        return binding.hasErrors() ? invalid(binding) : onVersion(change, then);
    }

    /** Makes a change on the version the page showed; if someone changed the tip since, the page shows it as it is. */
    public String onVersion(Runnable change, String then) {
        try {
            change.run();
        } catch (TipChangedException | ObjectOptimisticLockingFailureException e) {
            request.response().setStatus(HttpStatus.CONFLICT.value());
            request.model().addAttribute("conflict", true);
            return again(Map.of());
        }
        return redirect(then);
    }

    /** The page again with one problem beside the form. */
    public String refused(String field, String problem) {
        request.response().setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return again(Map.of(field, problem));
    }

    /** The page again saying why the tip cannot be closed before the child-protection referral. */
    public String refused(String field, ChildProtectionPendingException refusal) {
        return refused(field, request.page().refusal(refusal, request.locale()));
    }

    private String invalid(BindingResult binding) {
        request.response().setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return again(request.page().errors(binding, request.locale()));
    }

    private String again(Map<String, String> problems) {
        return request.page()
                .render(request.id(), request.me(), request.session(), typed.apply(problems), request.model());
    }

    /** {@code then}: the query saying what was done; the page opens at its feedback, at the top, which takes focus. */
    private String redirect(String then) {
        return "redirect:/tips/" + request.id() + then + "#feedback";
    }
}
