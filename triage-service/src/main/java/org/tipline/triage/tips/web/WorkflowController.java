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
import org.tipline.triage.tips.Assignees;
import org.tipline.triage.tips.ChildProtectionPolicy.ChildProtectionPendingException;
import org.tipline.triage.tips.TipCases;
import org.tipline.triage.tips.TipIds;
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
    private final TipIds tipIds;

    WorkflowController(
            TipWorkflow workflow,
            TipCases cases,
            TipQueue queue,
            Assignees assignees,
            TipFormValidator validator,
            TipPageModel page,
            TipIds tipIds) {
        this.workflow = workflow;
        this.cases = cases;
        this.queue = queue;
        this.assignees = assignees;
        this.validator = validator;
        this.page = page;
        this.tipIds = tipIds;
    }

    @PostMapping("/tips/{id}/status")
    String status(
            @PathVariable UUID id,
            @ModelAttribute StatusForm form,
            BindingResult binding,
            @AuthenticationPrincipal StaffPrincipal me,
            HttpSession session,
            HttpServletResponse response,
            Locale locale,
            Model model) {
        validator.validate(form, binding);
        var post = new TipPagePost(
                page, id, me, session, locale, model, response, problems -> new Forms().status(form, problems));
        try {
            return post.saveOnVersion(
                    binding,
                    () -> workflow.changeStatus(id, form.seenVersion(), form.target(), form.closeReason(), me),
                    "?saved");
        } catch (ChildProtectionPendingException e) {
            return post.refused("status", e);
        }
    }

    @PostMapping("/tips/{id}/assignee")
    String assign(
            @PathVariable UUID id,
            @ModelAttribute("assigneeForm") TipForms.Assignee form,
            @AuthenticationPrincipal StaffPrincipal me,
            HttpSession session,
            HttpServletResponse response,
            Locale locale,
            Model model) {
        var post = new TipPagePost(
                page,
                id,
                me,
                session,
                locale,
                model,
                response,
                problems -> new Forms().assign(form.assignee(), problems));
        UUID target = form.assignee().isEmpty() ? null : coordinator(form.assignee());
        if (!form.assignee().isEmpty()) {
            var refusal = target == null
                    ? java.util.Optional.of(page.message("tip.error.assignee.choose", locale))
                    : assignees.refusal(id, target).map(r -> page.message(r, locale));
            if (refusal.isPresent()) {
                return post.refused("assignee", refusal.get());
            }
        }
        return post.onVersion(() -> workflow.assign(id, form.seenVersion(), target, me), "?saved");
    }

    /** The coordinator whose id was chosen, or null if none has it. */
    private UUID coordinator(String chosen) {
        return queue.coordinators().stream()
                .map(TipQueue.Coordinator::id)
                .filter(c -> c.toString().equals(chosen))
                .findFirst()
                .orElse(null);
    }

    @PostMapping("/tips/{id}/labels")
    String labels(
            @PathVariable UUID id,
            @ModelAttribute("labelsForm") TipForms.Labels form,
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
                        problems -> new Forms().labels(form.labels(), problems))
                .saveOnVersion(binding, () -> workflow.setLabels(id, form.seenVersion(), form.parsed(), me), "?saved");
    }

    /** Puts this tip in one case with another, typed by its short id or picked: both stay open and readable. */
    @PostMapping("/tips/{id}/case")
    String sameCase(
            @PathVariable UUID id,
            @ModelAttribute("caseForm") TipForms.SameCase form,
            BindingResult binding,
            @AuthenticationPrincipal StaffPrincipal me,
            HttpSession session,
            HttpServletResponse response,
            Locale locale,
            Model model) {
        var post = new TipPagePost(
                page, id, me, session, locale, model, response, problems -> new Forms().problems(problems));
        var other = tipIds.resolve(form.chosen());
        if (!other.found() || other.id().equals(id)) {
            return refusedId(post, "case", other, "tip.error.case.other", form.chosen());
        }
        return post.save(binding, () -> cases.sameCase(id, other.id(), me), "?linked");
    }

    /** Closes this tip as a duplicate of another, typed by its short id or picked; both originals stay. */
    @PostMapping("/tips/{id}/duplicate")
    String duplicate(
            @PathVariable UUID id,
            @ModelAttribute("duplicateForm") TipForms.Duplicate form,
            BindingResult binding,
            @AuthenticationPrincipal StaffPrincipal me,
            HttpSession session,
            HttpServletResponse response,
            Locale locale,
            Model model) {
        var post = new TipPagePost(
                page, id, me, session, locale, model, response, problems -> new Forms().problems(problems));
        var original = tipIds.resolve(form.chosen());
        if (!original.found() || original.id().equals(id)) {
            return refusedId(post, "duplicate", original, "tip.error.case.original", form.chosen());
        }
        try {
            return post.saveOnVersion(
                    binding, () -> cases.markDuplicate(id, form.seenVersion(), original.id(), me), "?merged");
        } catch (ChildProtectionPendingException e) {
            return post.refused("duplicate", e);
        }
    }

    /** The page again, 422, saying why the typed or picked id names no other tip; the id is not put back in a box. */
    private String refusedId(TipPagePost post, String field, TipIds.Resolution resolution, String self, String chosen) {
        String code = resolution.found() ? self : resolution.problem();
        return post.refused(field, page.message(code, post.locale(), chosen.strip()));
    }
}
