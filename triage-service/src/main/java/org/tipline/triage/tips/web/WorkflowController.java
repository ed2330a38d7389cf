package org.tipline.triage.tips.web;

import jakarta.servlet.http.HttpSession;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.tipline.triage.staff.StaffPrincipal;
import org.tipline.triage.tips.Assignees;
import org.tipline.triage.tips.ChildProtectionPolicy.ChildProtectionPendingException;
import org.tipline.triage.tips.TipCases;
import org.tipline.triage.tips.TipChangedException;
import org.tipline.triage.tips.TipQueue;
import org.tipline.triage.tips.TipWorkflow;

/**
 * Changes to where a tip stands: status, assignee, labels, and the case it belongs to. A change made on a version of
 * the tip someone has since changed shows the page again with what is there now and what was typed.
 */
@Controller
class WorkflowController {

    private final TipWorkflow workflow;
    private final TipCases cases;
    private final TipQueue queue;
    private final Assignees assignees;
    private final TipFormValidator validator;
    private final TipPageModel page;

    WorkflowController(
            TipWorkflow workflow,
            TipCases cases,
            TipQueue queue,
            Assignees assignees,
            TipFormValidator validator,
            TipPageModel page) {
        this.workflow = workflow;
        this.cases = cases;
        this.queue = queue;
        this.assignees = assignees;
        this.validator = validator;
        this.page = page;
    }

    @PostMapping("/tips/{id}/status")
    String status(
            @PathVariable UUID id,
            @ModelAttribute StatusForm form,
            BindingResult binding,
            @AuthenticationPrincipal StaffPrincipal me,
            HttpSession session,
            Locale locale,
            Model model) {
        validator.validate(form, binding);
        if (binding.hasErrors()) {
            return page.render(id, me, session, new Forms().status(form, page.errors(binding, locale)), model);
        }
        try {
            workflow.changeStatus(id, form.seenVersion(), form.target(), form.closeReason(), me);
        } catch (TipChangedException | ObjectOptimisticLockingFailureException e) {
            return page.conflict(id, me, session, new Forms().status(form, Map.of()), model);
        } catch (ChildProtectionPendingException e) {
            return page.render(
                    id, me, session, new Forms().status(form, Map.of("status", page.refusal(e, locale))), model);
        }
        return "redirect:/tips/" + id + "?saved";
    }

    @PostMapping("/tips/{id}/assignee")
    String assign(
            @PathVariable UUID id,
            @ModelAttribute("assigneeForm") TipForms.Assignee form,
            @AuthenticationPrincipal StaffPrincipal me,
            HttpSession session,
            Locale locale,
            Model model) {
        UUID target = null;
        if (!form.assignee().isEmpty()) {
            target = queue.coordinators().stream()
                    .map(TipQueue.Coordinator::id)
                    .filter(c -> c.toString().equals(form.assignee()))
                    .findFirst()
                    .orElse(null);
            var refusal = target == null
                    ? java.util.Optional.of(page.message("tip.error.assignee.choose", locale))
                    : assignees.refusal(id, target).map(r -> page.message(r, locale));
            if (refusal.isPresent()) {
                return page.render(
                        id, me, session, new Forms().assign(form.assignee(), Map.of("assignee", refusal.get())), model);
            }
        }
        try {
            workflow.assign(id, form.seenVersion(), target, me);
        } catch (TipChangedException | ObjectOptimisticLockingFailureException e) {
            return page.conflict(id, me, session, new Forms().assign(form.assignee(), Map.of()), model);
        }
        return "redirect:/tips/" + id + "?saved";
    }

    @PostMapping("/tips/{id}/labels")
    String labels(
            @PathVariable UUID id,
            @ModelAttribute("labelsForm") TipForms.Labels form,
            BindingResult binding,
            @AuthenticationPrincipal StaffPrincipal me,
            HttpSession session,
            Locale locale,
            Model model) {
        validator.validate(form, binding);
        if (binding.hasErrors()) {
            return page.render(id, me, session, new Forms().labels(form.labels(), page.errors(binding, locale)), model);
        }
        try {
            workflow.setLabels(id, form.seenVersion(), form.parsed(), me);
        } catch (TipChangedException | ObjectOptimisticLockingFailureException e) {
            return page.conflict(id, me, session, new Forms().labels(form.labels(), Map.of()), model);
        }
        return "redirect:/tips/" + id + "?saved";
    }

    /** Puts this tip in one case with another: both stay open and readable. */
    @PostMapping("/tips/{id}/case")
    String sameCase(
            @PathVariable UUID id,
            @ModelAttribute("caseForm") TipForms.SameCase form,
            BindingResult binding,
            @AuthenticationPrincipal StaffPrincipal me,
            HttpSession session,
            Locale locale,
            Model model) {
        validator.validate(form, binding);
        if (id.equals(TipForms.tipId(form.other()))) {
            binding.rejectValue("other", "tip.error.case.other");
        }
        if (binding.hasErrors()) {
            return page.render(
                    id, me, session, new Forms().caseWith(form.other(), page.errors(binding, locale)), model);
        }
        cases.sameCase(id, TipForms.tipId(form.other()), me);
        return "redirect:/tips/" + id + "?linked#case";
    }

    /** Closes this tip as a duplicate of another; both originals stay. */
    @PostMapping("/tips/{id}/duplicate")
    String duplicate(
            @PathVariable UUID id,
            @ModelAttribute("duplicateForm") TipForms.Duplicate form,
            BindingResult binding,
            @AuthenticationPrincipal StaffPrincipal me,
            HttpSession session,
            Locale locale,
            Model model) {
        validator.validate(form, binding);
        if (id.equals(TipForms.tipId(form.of()))) {
            binding.rejectValue("of", "tip.error.case.original");
        }
        if (binding.hasErrors()) {
            return page.render(id, me, session, new Forms().caseWith(form.of(), page.errors(binding, locale)), model);
        }
        try {
            cases.markDuplicate(id, form.seenVersion(), TipForms.tipId(form.of()), me);
        } catch (TipChangedException | ObjectOptimisticLockingFailureException e) {
            return page.conflict(id, me, session, new Forms().caseWith(form.of(), Map.of()), model);
        } catch (ChildProtectionPendingException e) {
            return page.render(
                    id, me, session, new Forms().caseWith(form.of(), Map.of("case", page.refusal(e, locale))), model);
        }
        return "redirect:/tips/" + id + "?merged#case";
    }
}
