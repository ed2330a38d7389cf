package org.tipline.triage.tips.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tipline.model.guidance.Guidance;
import org.tipline.model.guidance.LocalizedText;
import org.tipline.model.guidance.Questionnaire;
import org.tipline.triage.staff.StaffPrincipal;
import org.tipline.triage.staff.UnlockedKeys;
import org.tipline.triage.tips.QueueBatch;
import org.tipline.triage.tips.TipCases;
import org.tipline.triage.tips.TipQueue;
import org.tipline.triage.tips.TipStatus;

/** The queue: filtered and paged, where coordinators claim tips and change many at once. */
@Controller
class QueueController {

    /** Tips indexed per press of the button: each is decrypted, so a pass stays well under a second or two. */
    private static final int INDEX_PASS_SIZE = 500;

    private static final int AUTO_REFRESH_SECONDS = 60;

    private final TipQueue queue;
    private final TipCases cases;
    private final Guidance guidance;
    private final TipPageModel page;
    private final Clock clock;
    private final QueueBulk bulk;
    /** The seeds' place types, each labelled in English and Spanish. */
    private final Map<String, LocalizedText> placeTypes;

    QueueController(TipQueue queue, TipCases cases, Guidance guidance, TipPageModel page, Clock clock, QueueBulk bulk) {
        this.queue = queue;
        this.cases = cases;
        this.guidance = guidance;
        this.page = page;
        this.clock = clock;
        this.bulk = bulk;
        this.placeTypes = guidance.questionnaire().sections().stream()
                .flatMap(section -> section.questions().stream())
                .filter(question -> question.id().equals("place-type"))
                .flatMap(question -> question.options().stream())
                .collect(Collectors.toMap(
                        Questionnaire.Option::id, Questionnaire.Option::label, (a, b) -> a, LinkedHashMap::new));
    }

    @GetMapping("/queue")
    String queue(
            @ModelAttribute("filter") QueueFilterForm form,
            BindingResult binding,
            @AuthenticationPrincipal StaffPrincipal me,
            Locale locale,
            Model model) {
        var filter = new TipQueue.Filter(
                oneOf(
                                form.status(),
                                Arrays.stream(TipStatus.values())
                                        .map(Enum::name)
                                        .toList(),
                                "status",
                                binding)
                        ? TipStatus.valueOf(form.status())
                        : null,
                oneOf(
                                form.tier(),
                                guidance.urgency().tiers().stream()
                                        .map(t -> t.id())
                                        .toList(),
                                "tier",
                                binding)
                        ? form.tier()
                        : null,
                assignee(form.assignee(), binding),
                oneOf(form.placeType(), List.copyOf(placeTypes.keySet()), "placeType", binding)
                        ? form.placeType()
                        : null,
                date(form.from(), "from", binding),
                date(form.to(), "to", binding));
        model.addAttribute("result", queue.list(filter, form.pageNumber(), me));
        model.addAttribute("typed", form.typed());
        model.addAttribute("errors", page.errors(binding, locale));
        model.addAttribute("now", clock.instant());
        model.addAttribute("urgency", guidance.urgency());
        model.addAttribute("statuses", TipStatus.values());
        model.addAttribute("coordinators", queue.coordinators());
        model.addAttribute("placeTypes", placeTypes);
        model.addAttribute("language", TipPageModel.language(locale));
        if (!model.containsAttribute("ticked")) {
            model.addAttribute("ticked", List.of());
            // Without JavaScript there is no live stream: the page reloads itself instead, unless tips are ticked
            // or the coordinator stopped it to tick some.
            if (form.still().isEmpty()) {
                model.addAttribute("autoRefreshSeconds", AUTO_REFRESH_SECONDS);
            }
        }
        return "queue";
    }

    /**
     * Sets a status, adds a label or assigns every ticked tip ({@link QueueBulk}), then shows the same queue with what
     * became of each at the top. A form that cannot apply to any tip shows the queue again, boxes still ticked.
     */
    @PostMapping("/queue/bulk")
    String bulk(
            @ModelAttribute("filter") QueueFilterForm filter,
            BindingResult binding,
            @ModelAttribute("bulk") QueueBulkForm form,
            @AuthenticationPrincipal StaffPrincipal me,
            Locale locale,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        var ticked = form.ticked().orElse(null);
        if (ticked == null || ticked.size() > QueueBatch.MAX_TIPS) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute(
                    "message",
                    ticked == null
                            ? page.message("queue.bulk.error.malformed", locale)
                            : page.message("queue.bulk.error.tooMany", locale, QueueBatch.MAX_TIPS));
            return "problem";
        }
        var problem = bulk.problem(form, ticked, me, locale);
        if (problem.isPresent()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return queueWithBulkProblem(problem.get(), filter, binding, form, me, locale, model);
        }
        try {
            redirect.addFlashAttribute("bulkSummary", bulk.apply(form, ticked, me, locale));
        } catch (QueueBulk.Busy busy) {
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            String message = page.message("queue.bulk.error.busy", locale);
            return queueWithBulkProblem(message, filter, binding, form, me, locale, model);
        }
        filter.typed().forEach((name, value) -> {
            if (!value.isEmpty()) {
                redirect.addAttribute(name, value);
            }
        });
        if (!filter.page().isEmpty()) {
            redirect.addAttribute("page", filter.page());
        }
        return "redirect:/queue";
    }

    /** The queue again with the problem at the top and the same tips ticked, so nothing needs ticking twice. */
    private String queueWithBulkProblem(
            String problem,
            QueueFilterForm filter,
            BindingResult binding,
            QueueBulkForm form,
            StaffPrincipal me,
            Locale locale,
            Model model) {
        model.addAttribute("bulkProblem", problem);
        model.addAttribute("ticked", form.tickedIds());
        return queue(filter, binding, me, locale, model);
    }

    @PostMapping("/queue/take-next")
    String takeNext(@AuthenticationPrincipal StaffPrincipal me) {
        return queue.takeNext(me).map(id -> "redirect:/tips/" + id).orElse("redirect:/queue?nothingToTake");
    }

    @PostMapping("/tips/{id}/take")
    String take(@PathVariable UUID id, @AuthenticationPrincipal StaffPrincipal me) {
        return queue.take(id, me) ? "redirect:/tips/" + id : "redirect:/tips/" + id + "?alreadyTaken";
    }

    /** Indexes tips never indexed for links, in this session (only a session holds the key). */
    @PostMapping("/queue/index-links")
    String indexLinks(@AuthenticationPrincipal StaffPrincipal me, HttpSession session) {
        int indexed = cases.indexForLinks(INDEX_PASS_SIZE, me, UnlockedKeys.of(session));
        return "redirect:/queue?indexed=" + indexed;
    }

    /** Whether a filter was typed and is one of those offered; one that is not is reported and shows everything. */
    private static boolean oneOf(String typed, List<String> allowed, String field, Errors errors) {
        if (typed.isEmpty()) {
            return false;
        }
        if (!allowed.contains(typed)) {
            errors.rejectValue(field, "queue.error.unknown." + field, new Object[] {typed}, null);
            return false;
        }
        return true;
    }

    private static String assignee(String typed, Errors errors) {
        if (typed.isEmpty() || typed.equals("me") || typed.equals("none")) {
            return typed.isEmpty() ? null : typed;
        }
        try {
            return UUID.fromString(typed).toString();
        } catch (IllegalArgumentException e) {
            errors.rejectValue("assignee", "queue.error.assignee");
            return null;
        }
    }

    private static LocalDate date(String typed, String field, Errors errors) {
        if (typed.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(typed);
        } catch (DateTimeParseException e) {
            errors.rejectValue(field, "queue.error.date");
            return null;
        }
    }
}
