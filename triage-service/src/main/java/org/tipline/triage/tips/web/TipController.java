package org.tipline.triage.tips.web;

import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.tipline.model.guidance.Destination;
import org.tipline.model.guidance.Guidance;
import org.tipline.model.guidance.Indicator;
import org.tipline.triage.staff.StaffPrincipal;
import org.tipline.triage.staff.UnlockedKeys;
import org.tipline.triage.tips.TipHandling;

/** The queue, a decrypted tip, and recording where it was forwarded. */
@Controller
class TipController {

    private final TipHandling handling;
    private final Guidance guidance;
    private final Clock clock;
    private final Map<String, String> indicatorLabels;
    private final Map<String, String> destinationNames;
    private final Map<String, String> choiceLabels;

    TipController(TipHandling handling, Guidance guidance, Clock clock) {
        this.handling = handling;
        this.guidance = guidance;
        this.clock = clock;
        // The console is in English for now; tipsters' answers are shown as typed, in any language.
        this.indicatorLabels = guidance.indicators().stream()
                .collect(Collectors.toUnmodifiableMap(
                        Indicator::id, i -> i.label().in("en")));
        this.destinationNames = guidance.destinations().stream()
                .collect(Collectors.toUnmodifiableMap(
                        Destination::id, d -> d.name().in("en")));
        // Keyed "question/option" so options that share an id across questions ("other") stay apart.
        this.choiceLabels = guidance.questionnaire().sections().stream()
                .flatMap(section -> section.questions().stream())
                .flatMap(question -> question.options().stream()
                        .map(option -> Map.entry(
                                question.id() + "/" + option.id(),
                                option.label().in("en"))))
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    @GetMapping("/queue")
    String queue(@RequestParam(defaultValue = "0") int page, @AuthenticationPrincipal StaffPrincipal me, Model model) {
        int safePage = Math.max(0, page);
        model.addAttribute("tips", handling.queue(me, safePage));
        model.addAttribute("page", safePage);
        model.addAttribute("pageSize", TipHandling.QUEUE_PAGE_SIZE);
        model.addAttribute("now", clock.instant());
        model.addAttribute("urgency", guidance.urgency());
        return "queue";
    }

    @GetMapping("/tips/{id}")
    String show(@PathVariable UUID id, @AuthenticationPrincipal StaffPrincipal me, HttpSession session, Model model) {
        return render(id, me, session, ReferralForm.empty(), Map.of(), model);
    }

    @PostMapping("/tips/{id}/referrals")
    String refer(
            @PathVariable UUID id,
            @ModelAttribute ReferralForm form,
            @AuthenticationPrincipal StaffPrincipal me,
            HttpSession session,
            Model model) {
        Map<String, String> errors = form.validate(guidance);
        if (!errors.isEmpty()) {
            return render(id, me, session, form, errors, model);
        }
        handling.refer(id, form.destinationId(), form.referenceNumber(), me);
        return "redirect:/tips/" + id + "?referred";
    }

    private String render(
            UUID id,
            StaffPrincipal me,
            HttpSession session,
            ReferralForm form,
            Map<String, String> errors,
            Model model) {
        UnlockedKeys keys = UnlockedKeys.of(session);
        var opened = handling.open(id, me, keys);
        model.addAttribute("opened", opened);
        model.addAttribute("guidance", guidance);
        model.addAttribute("tier", guidance.urgency().tier(opened.tip().urgencyTier()));
        model.addAttribute("labels", indicatorLabels);
        model.addAttribute("destinationNames", destinationNames);
        model.addAttribute("choices", choiceLabels);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "tip";
    }

    @ExceptionHandler(TipHandling.TipNotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(Model model) {
        model.addAttribute("message", "There is no tip with that id.");
        return "problem";
    }

    @ExceptionHandler({TipHandling.KeyNotUnlockedException.class, TipHandling.TipShreddedException.class})
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String cannotDecrypt(RuntimeException e, Model model) {
        model.addAttribute(
                "message",
                e instanceof TipHandling.TipShreddedException
                        ? "This tip's content has been destroyed and cannot be read."
                        : "Your account holds no key for this tip. Ask a supervisor to grant you access.");
        return "problem";
    }

    @ExceptionHandler(IllegalStateException.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    String conflict(IllegalStateException e, Model model) {
        model.addAttribute("message", "This change is not allowed in the tip's current state.");
        return "problem";
    }
}
