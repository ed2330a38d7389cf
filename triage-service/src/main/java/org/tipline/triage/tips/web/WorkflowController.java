package org.tipline.triage.tips.web;

import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
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
@RequiredArgsConstructor
class WorkflowController {

    private final TipWorkflow workflow;
    private final TipCases cases;
    private final TipQueue queue;
    private final Assignees assignees;
    private final TipFormValidator validator;
    private final TipIds tipIds;

    @PostMapping("/tips/{id}/status")
    String status(@ModelAttribute StatusForm form, BindingResult binding, TipPageRequest tip) {
        validator.validate(form, binding);
        var post = tip.answering(problems -> new Forms().status(form, problems));
        try {
            return post.saveOnVersion(
                    binding,
                    () -> workflow.changeStatus(
                            tip.id(), form.seenVersion(), form.target(), form.closeReason(), tip.me()),
                    "?saved");
        } catch (ChildProtectionPendingException e) {
            return post.refused("status", e);
        }
    }

    @PostMapping("/tips/{id}/assignee")
    String assign(@ModelAttribute("assigneeForm") TipForms.Assignee form, TipPageRequest tip) {
        var post = tip.answering(problems -> new Forms().assign(form.assignee(), problems));
        UUID target = form.assignee().isEmpty() ? null : coordinator(form.assignee());
        if (!form.assignee().isEmpty()) {
            var refusal = target == null
                    ? Optional.of(tip.page().message("tip.error.assignee.choose", tip.locale()))
                    : assignees.refusal(tip.id(), target).map(r -> tip.page().message(r, tip.locale()));
            if (refusal.isPresent()) {
                return post.refused("assignee", refusal.get());
            }
        }
        return post.onVersion(() -> workflow.assign(tip.id(), form.seenVersion(), target, tip.me()), "?saved");
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
    String labels(@ModelAttribute("labelsForm") TipForms.Labels form, BindingResult binding, TipPageRequest tip) {
        validator.validate(form, binding);
        return tip.answering(problems -> new Forms().labels(form.labels(), problems))
                .saveOnVersion(
                        binding,
                        () -> workflow.setLabels(tip.id(), form.seenVersion(), form.parsed(), tip.me()),
                        "?saved");
    }

    /** Puts this tip in one case with another, typed by its short id or picked: both stay open and readable. */
    @PostMapping("/tips/{id}/case")
    String sameCase(@ModelAttribute("caseForm") TipForms.SameCase form, BindingResult binding, TipPageRequest tip) {
        var post = tip.answering(problems -> new Forms().problems(problems));
        var other = tipIds.resolve(form.chosen());
        if (!other.found() || other.id().equals(tip.id())) {
            return refusedId(tip, post, "case", other, "tip.error.case.other", form.chosen());
        }
        return post.save(binding, () -> cases.sameCase(tip.id(), other.id(), tip.me()), "?linked");
    }

    /** Closes this tip as a duplicate of another, typed by its short id or picked; both originals stay. */
    @PostMapping("/tips/{id}/duplicate")
    String duplicate(
            @ModelAttribute("duplicateForm") TipForms.Duplicate form, BindingResult binding, TipPageRequest tip) {
        var post = tip.answering(problems -> new Forms().problems(problems));
        var original = tipIds.resolve(form.chosen());
        if (!original.found() || original.id().equals(tip.id())) {
            return refusedId(tip, post, "duplicate", original, "tip.error.case.original", form.chosen());
        }
        try {
            return post.saveOnVersion(
                    binding,
                    () -> cases.markDuplicate(tip.id(), form.seenVersion(), original.id(), tip.me()),
                    "?merged");
        } catch (ChildProtectionPendingException e) {
            return post.refused("duplicate", e);
        }
    }

    /** The page again, 422, saying why the typed or picked id names no other tip; the id is not put back in a box. */
    private static String refusedId(
            TipPageRequest tip,
            TipPagePost post,
            String field,
            TipIds.Resolution resolution,
            String self,
            String chosen) {
        String code = resolution.found() ? self : resolution.problem();
        return post.refused(field, tip.page().message(code, tip.locale(), chosen.strip()));
    }
}
