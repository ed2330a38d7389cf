package org.tipline.triage.tips.web;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.tipline.triage.staff.StaffPrincipal;
import org.tipline.triage.tips.Assignees;
import org.tipline.triage.tips.ChildProtectionPolicy.ChildProtectionPendingException;
import org.tipline.triage.tips.QueueBatch;
import org.tipline.triage.tips.QueueBatch.Outcome;
import org.tipline.triage.tips.TipChangedException;
import org.tipline.triage.tips.TipNotFoundException;
import org.tipline.triage.tips.TipQueue;
import org.tipline.triage.tips.TipStateConflict;
import org.tipline.triage.tips.TipWorkflow;

/** Applies the queue's bulk form tip by tip ({@link QueueBatch}) and words what became of each for the queue page. */
@Component
class QueueBulk {

    /** How long a bulk change waits for its turn before the coordinator is asked to try again. */
    private static final long WAIT_SECONDS = 10;

    private final QueueBatch batch;
    private final TipQueue queue;
    private final Assignees assignees;
    private final TipPageModel page;
    /**
     * Each bulk change runs up to 100 transactions back to back, each holding a pooled connection and a tip's row:
     * a few at once leave the pool to take-next and the tip pages, whatever one account posts.
     */
    private final Semaphore running;

    QueueBulk(
            QueueBatch batch,
            TipQueue queue,
            Assignees assignees,
            TipPageModel page,
            @Value("${tipline.triage.bulk.concurrent:2}") int concurrent) {
        this.batch = batch;
        this.queue = queue;
        this.assignees = assignees;
        this.page = page;
        this.running = new Semaphore(concurrent, true);
    }

    /** Other bulk changes held this replica's turns for the whole wait; nothing was changed. */
    static class Busy extends RuntimeException {
        Busy() {
            super("bulk changes busy");
        }
    }

    /** What the queue page says at its top after a bulk change; refusals make it an alert. */
    record Summary(String headline, List<Line> refused, List<Line> unchanged) implements Serializable {}

    /** One tip that was not changed, and why. */
    record Line(UUID tipId, String why) implements Serializable {}

    /** Why the form cannot be applied to any tip, in the coordinator's language; empty when it can. */
    Optional<String> problem(QueueBulkForm form, List<QueueBulkForm.Ticked> ticked, StaffPrincipal me, Locale locale) {
        String code = null;
        if (ticked.isEmpty()) {
            code = "queue.bulk.error.none";
        } else if (form.action().equals("status")) {
            if (form.target() == null) {
                code = "tip.error.status.choose";
            } else if (form.setStatus().equals("CLOSED") && form.closeReason() == null) {
                code = "tip.error.status.reason";
            }
        } else if (form.action().equals("label")) {
            code = form.labelValid() ? null : "queue.bulk.error.label";
        } else if (form.action().equals("assign")) {
            code = coordinator(form.assignTo(), me) == null ? "tip.error.assignee.choose" : null;
        } else {
            code = "queue.bulk.error.action";
        }
        return Optional.ofNullable(code).map(c -> page.message(c, locale));
    }

    /**
     * Changes each ticked tip in its own transaction, once a turn is free; a form {@link #problem} refused never gets
     * here.
     */
    Summary apply(QueueBulkForm form, List<QueueBulkForm.Ticked> ticked, StaffPrincipal me, Locale locale) {
        try {
            if (!running.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new Busy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Busy();
        }
        try {
            return applyInTurn(form, ticked, me, locale);
        } finally {
            running.release();
        }
    }

    private Summary applyInTurn(
            QueueBulkForm form, List<QueueBulkForm.Ticked> ticked, StaffPrincipal me, Locale locale) {
        List<Line> refused = new ArrayList<>();
        List<Line> unchanged = new ArrayList<>();
        TipQueue.Coordinator assignee = form.action().equals("assign") ? coordinator(form.assignTo(), me) : null;
        String done = switch (form.action()) {
            case "status" -> page.message("tip.status." + form.target(), locale);
            case "label" -> form.label();
            default -> assignee.displayName();
        };
        int changed = 0;
        for (var tip : ticked) {
            // As on the tip page: a tip is given only to someone who can open it.
            Optional<MessageSourceResolvable> noKey =
                    assignee == null ? Optional.empty() : assignees.refusal(tip.id(), assignee.id());
            if (noKey.isPresent()) {
                refused.add(new Line(tip.id(), page.message(noKey.get(), locale)));
                continue;
            }
            try {
                switch (change(form, tip, assignee, me)) {
                    case CHANGED -> changed++;
                    case ALREADY -> unchanged.add(line(tip, "queue.bulk.already." + form.action(), locale, done));
                    case CLOSED -> refused.add(line(tip, "queue.bulk.why.closed", locale));
                    case FULL -> refused.add(line(tip, "queue.bulk.why.full", locale, TipWorkflow.MAX_LABELS));
                }
            } catch (TipChangedException | ObjectOptimisticLockingFailureException e) {
                refused.add(line(tip, "queue.bulk.why.changed", locale));
            } catch (ChildProtectionPendingException e) {
                refused.add(new Line(tip.id(), page.refusal(e, locale)));
            } catch (TipNotFoundException e) {
                refused.add(line(tip, "queue.bulk.why.notFound", locale));
            } catch (TipStateConflict e) {
                refused.add(line(tip, "tip.problem.conflict", locale));
            }
        }
        String headline = changed == 0
                ? page.message("queue.bulk.done.none", locale)
                : changed == 1
                        ? page.message("queue.bulk.done." + form.action() + ".one", locale, done)
                        : page.message("queue.bulk.done." + form.action() + ".many", locale, changed, done);
        return new Summary(headline, List.copyOf(refused), List.copyOf(unchanged));
    }

    private Outcome change(
            QueueBulkForm form, QueueBulkForm.Ticked tip, TipQueue.Coordinator assignee, StaffPrincipal me) {
        return switch (form.action()) {
            case "status" -> batch.setStatus(tip.id(), tip.version(), form.target(), form.closeReason(), me);
            case "label" -> batch.addLabel(tip.id(), tip.version(), form.label(), me);
            default -> batch.assign(tip.id(), tip.version(), assignee.id(), me);
        };
    }

    /** The enabled coordinator chosen ("me" for the signed-in one), or null if none has that id. */
    private TipQueue.Coordinator coordinator(String chosen, StaffPrincipal me) {
        String id = chosen.equals("me") ? me.id().toString() : chosen;
        return queue.coordinators().stream()
                .filter(c -> c.id().toString().equals(id))
                .findFirst()
                .orElse(null);
    }

    private Line line(QueueBulkForm.Ticked tip, String code, Locale locale, Object... arguments) {
        return new Line(tip.id(), page.message(code, locale, arguments));
    }
}
