package org.tipline.triage.tips.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
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
import org.tipline.triage.tips.Assignees;
import org.tipline.triage.tips.ChildProtectionPolicy;
import org.tipline.triage.tips.CloseReason;
import org.tipline.triage.tips.Referral;
import org.tipline.triage.tips.TipHandling;
import org.tipline.triage.tips.TipQueue;
import org.tipline.triage.tips.TipStatus;
import org.tipline.triage.tips.WebAddresses;

/** The queue, a decrypted tip, and everything a coordinator records about it. */
@Controller
class TipController {

    private static final Map<String, String> ROLE_NAMES = Map.of(
            "possible-victim", "Possibly being exploited",
            "possible-controller", "Possibly in control of others",
            "buyer", "Possibly a buyer",
            "unknown", "Role unclear");
    private static final Map<String, String> FIELD_NAMES = Map.ofEntries(
            Map.entry("sexOrGender", "Sex or gender"),
            Map.entry("height", "Height"),
            Map.entry("build", "Build"),
            Map.entry("hair", "Hair"),
            Map.entry("clothing", "Clothing"),
            Map.entry("marks", "Marks"),
            Map.entry("language", "Language"),
            Map.entry("make", "Make"),
            Map.entry("model", "Model"),
            Map.entry("color", "Color"),
            Map.entry("plate", "Plate"),
            Map.entry("plateState", "Plate state"),
            Map.entry("features", "Distinctive"));

    /** Tips indexed per press of the button: each is decrypted, so a pass stays well under a second or two. */
    private static final int INDEX_PASS_SIZE = 500;

    private final TipHandling handling;
    private final TipQueue queue;
    private final Assignees assignees;
    private final Guidance guidance;
    private final Clock clock;
    private final Map<String, String> indicatorLabels;
    private final Map<String, String> destinationNames;
    private final Map<String, String> choiceLabels;

    TipController(TipHandling handling, TipQueue queue, Assignees assignees, Guidance guidance, Clock clock) {
        this.handling = handling;
        this.assignees = assignees;
        this.queue = queue;
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
    String queue(
            @RequestParam(defaultValue = "") String status,
            @RequestParam(defaultValue = "") String tier,
            @RequestParam(defaultValue = "") String assignee,
            @RequestParam(defaultValue = "") String placeType,
            @RequestParam(defaultValue = "") String from,
            @RequestParam(defaultValue = "") String to,
            @RequestParam(defaultValue = "0") String page,
            @AuthenticationPrincipal StaffPrincipal me,
            Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        var filter = new TipQueue.Filter(
                oneOf(status, Arrays.stream(TipStatus.values()).map(Enum::name).toList(), "status", errors)
                        .map(TipStatus::valueOf)
                        .orElse(null),
                oneOf(tier, guidance.urgency().tiers().stream().map(t -> t.id()).toList(), "tier", errors)
                        .orElse(null),
                assignee(assignee, errors),
                oneOf(placeType, placeTypes(), "placeType", errors).orElse(null),
                date(from, "from", errors),
                date(to, "to", errors));
        int pageNumber = page.matches("\\d{1,6}") ? Integer.parseInt(page) : 0;
        model.addAttribute("result", queue.list(filter, pageNumber, me));
        model.addAttribute(
                "typed",
                Map.of(
                        "status",
                        status,
                        "tier",
                        tier,
                        "assignee",
                        assignee,
                        "placeType",
                        placeType,
                        "from",
                        from,
                        "to",
                        to));
        model.addAttribute("errors", errors);
        model.addAttribute("now", clock.instant());
        model.addAttribute("urgency", guidance.urgency());
        model.addAttribute("statuses", TipStatus.values());
        model.addAttribute("coordinators", queue.coordinators());
        model.addAttribute("choices", choiceLabels);
        model.addAttribute("placeTypes", placeTypes());
        return "queue";
    }

    @PostMapping("/queue/take-next")
    String takeNext(@AuthenticationPrincipal StaffPrincipal me) {
        return queue.takeNext(me).map(id -> "redirect:/tips/" + id).orElse("redirect:/queue?nothingToTake");
    }

    @PostMapping("/tips/{id}/take")
    String take(@PathVariable UUID id, @AuthenticationPrincipal StaffPrincipal me) {
        return queue.take(id, me) ? "redirect:/tips/" + id : "redirect:/tips/" + id + "?alreadyTaken";
    }

    @GetMapping("/tips/{id}")
    String show(@PathVariable UUID id, @AuthenticationPrincipal StaffPrincipal me, HttpSession session, Model model) {
        return render(id, me, session, new Forms(), model);
    }

    @PostMapping("/tips/{id}/referrals")
    String refer(
            @PathVariable UUID id,
            @ModelAttribute ReferralForm form,
            @AuthenticationPrincipal StaffPrincipal me,
            HttpSession session,
            Model model) {
        Map<String, String> errors = form.validate(guidance, clock);
        if (!errors.isEmpty()) {
            return render(id, me, session, new Forms().referral(form, errors), model);
        }
        handling.refer(id, form.toReferral(clock), me);
        return "redirect:/tips/" + id + "?referred";
    }

    @PostMapping("/tips/{id}/status")
    String status(
            @PathVariable UUID id,
            @ModelAttribute StatusForm form,
            @AuthenticationPrincipal StaffPrincipal me,
            HttpSession session,
            Model model) {
        Map<String, String> errors = form.validate();
        if (!errors.isEmpty()) {
            return render(id, me, session, new Forms().status(form, errors), model);
        }
        try {
            handling.changeStatus(id, form.version(), form.target(), form.closeReason(), me);
        } catch (TipHandling.TipChangedException | ObjectOptimisticLockingFailureException e) {
            return conflict(id, me, session, new Forms().status(form, Map.of()), model);
        } catch (ChildProtectionPolicy.ChildProtectionPendingException e) {
            return render(id, me, session, new Forms().status(form, Map.of("status", e.getMessage())), model);
        }
        return "redirect:/tips/" + id + "?saved";
    }

    /** Puts this tip in one case with another: both stay open and readable. */
    @PostMapping("/tips/{id}/case")
    String sameCase(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String other,
            @AuthenticationPrincipal StaffPrincipal me,
            HttpSession session,
            Model model) {
        UUID otherId = tipId(other);
        if (otherId == null || otherId.equals(id)) {
            return render(
                    id, me, session, new Forms().caseWith(other, Map.of("case", "Give the id of another tip.")), model);
        }
        handling.sameCase(id, otherId, me);
        return "redirect:/tips/" + id + "?linked#case";
    }

    /** Closes this tip as a duplicate of another; both originals stay. */
    @PostMapping("/tips/{id}/duplicate")
    String duplicate(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "-1") int version,
            @RequestParam(defaultValue = "") String of,
            @AuthenticationPrincipal StaffPrincipal me,
            HttpSession session,
            Model model) {
        UUID originalId = tipId(of);
        if (originalId == null || originalId.equals(id)) {
            return render(
                    id,
                    me,
                    session,
                    new Forms().caseWith(of, Map.of("case", "Give the id of the tip this repeats.")),
                    model);
        }
        try {
            handling.markDuplicate(id, version, originalId, me);
        } catch (TipHandling.TipChangedException | ObjectOptimisticLockingFailureException e) {
            return conflict(id, me, session, new Forms().caseWith(of, Map.of()), model);
        } catch (ChildProtectionPolicy.ChildProtectionPendingException e) {
            return render(id, me, session, new Forms().caseWith(of, Map.of("case", e.getMessage())), model);
        }
        return "redirect:/tips/" + id + "?merged#case";
    }

    /** Indexes tips never indexed for links, in this session (only a session holds the key). */
    @PostMapping("/queue/index-links")
    String indexLinks(@AuthenticationPrincipal StaffPrincipal me, HttpSession session) {
        int indexed = handling.indexForLinks(INDEX_PASS_SIZE, me, UnlockedKeys.of(session));
        return "redirect:/queue?indexed=" + indexed;
    }

    private static UUID tipId(String typed) {
        try {
            return UUID.fromString(typed.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @PostMapping("/tips/{id}/assignee")
    String assign(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "-1") int version,
            @RequestParam(defaultValue = "") String assignee,
            @AuthenticationPrincipal StaffPrincipal me,
            HttpSession session,
            Model model) {
        UUID target = null;
        if (!assignee.isEmpty()) {
            target = queue.coordinators().stream()
                    .map(TipQueue.Coordinator::id)
                    .filter(c -> c.toString().equals(assignee))
                    .findFirst()
                    .orElse(null);
            if (target == null) {
                return render(
                        id,
                        me,
                        session,
                        new Forms().assign(assignee, Map.of("assignee", "Choose a coordinator.")),
                        model);
            }
            var refusal = assignees.refusal(id, target);
            if (refusal.isPresent()) {
                return render(id, me, session, new Forms().assign(assignee, Map.of("assignee", refusal.get())), model);
            }
        }
        try {
            handling.assign(id, version, target, me);
        } catch (TipHandling.TipChangedException | ObjectOptimisticLockingFailureException e) {
            return conflict(id, me, session, new Forms().assign(assignee, Map.of()), model);
        }
        return "redirect:/tips/" + id + "?saved";
    }

    @PostMapping("/tips/{id}/labels")
    String labels(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "-1") int version,
            @RequestParam(defaultValue = "") String labels,
            @AuthenticationPrincipal StaffPrincipal me,
            HttpSession session,
            Model model) {
        List<String> parsed = Arrays.stream(labels.split("[,\\s]+"))
                .map(String::strip)
                .map(s -> s.toLowerCase(java.util.Locale.ROOT))
                .filter(s -> !s.isEmpty())
                .distinct()
                .toList();
        if (parsed.size() > TipHandling.MAX_LABELS
                || !parsed.stream().allMatch(l -> TipHandling.LABEL.matcher(l).matches())) {
            return render(
                    id,
                    me,
                    session,
                    new Forms()
                            .labels(
                                    labels,
                                    Map.of(
                                            "labels",
                                            "Use up to " + TipHandling.MAX_LABELS
                                                    + " labels of letters, digits and dashes, 30 characters at most,"
                                                    + " separated by commas.")),
                    model);
        }
        try {
            handling.setLabels(id, version, parsed, me);
        } catch (TipHandling.TipChangedException e) {
            return conflict(id, me, session, new Forms().labels(labels, Map.of()), model);
        }
        return "redirect:/tips/" + id + "?saved";
    }

    @PostMapping("/tips/{id}/notes")
    String note(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String note,
            @AuthenticationPrincipal StaffPrincipal me,
            HttpSession session,
            Model model) {
        String error = textError(note, TipHandling.MAX_NOTE_LENGTH, "note");
        if (error != null) {
            return render(id, me, session, new Forms().note(note, Map.of("note", error)), model);
        }
        handling.addNote(id, note.strip(), me, UnlockedKeys.of(session));
        return "redirect:/tips/" + id + "?saved#timeline";
    }

    @PostMapping("/tips/{id}/messages")
    String message(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String message,
            @AuthenticationPrincipal StaffPrincipal me,
            HttpSession session,
            Model model) {
        String error = textError(message, org.tipline.model.tip.Messages.MAX_LENGTH, "question");
        if (error != null) {
            return render(id, me, session, new Forms().message(message, Map.of("message", error)), model);
        }
        handling.askTipster(id, message.strip(), me, UnlockedKeys.of(session));
        return "redirect:/tips/" + id + "?asked#timeline";
    }

    /** An outside link from a tip opens only from this page, which says what leaving the console means. */
    @GetMapping("/tips/{id}/link")
    String link(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String n,
            @AuthenticationPrincipal StaffPrincipal me,
            HttpSession session,
            HttpServletResponse response,
            Model model) {
        var target = n.matches("\\d{1,4}")
                ? handling.followLink(id, Integer.parseInt(n), me, UnlockedKeys.of(session))
                : java.util.Optional.<String>empty();
        if (target.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("message", "That is not a web address from this tip.");
            return "problem";
        }
        model.addAttribute("tipId", id);
        model.addAttribute(
                "href",
                target.get().toLowerCase(java.util.Locale.ROOT).startsWith("www.")
                        ? "https://" + target.get()
                        : target.get());
        return "leave-console";
    }

    private String conflict(UUID id, StaffPrincipal me, HttpSession session, Forms forms, Model model) {
        model.addAttribute("conflict", true);
        return render(id, me, session, forms, model);
    }

    private String render(UUID id, StaffPrincipal me, HttpSession session, Forms forms, Model model) {
        var opened = handling.open(
                id, me, UnlockedKeys.of(session), RecentViews.firstInWindow(session, "tip:" + id, clock.instant()));
        model.addAttribute("opened", opened);
        model.addAttribute("guidance", guidance);
        model.addAttribute("tier", guidance.urgency().tier(opened.tip().urgencyTier()));
        model.addAttribute("labels", indicatorLabels);
        model.addAttribute("destinationNames", destinationNames);
        model.addAttribute("choices", choiceLabels);
        model.addAttribute("roles", ROLE_NAMES);
        model.addAttribute("fieldNames", FIELD_NAMES);
        model.addAttribute("forms", forms);
        model.addAttribute("links", WebAddresses.in(opened.answers()));
        model.addAttribute("coordinators", queue.coordinators());
        model.addAttribute("assignees", assignees.of(id));
        model.addAttribute("closeReasons", CloseReason.values());
        model.addAttribute("channels", List.of(Referral.Channel.PHONE, Referral.Channel.WEB_FORM));
        model.addAttribute("me", me);
        if (!model.containsAttribute("conflict")) {
            model.addAttribute("conflict", false);
        }
        return "tip";
    }

    private static String textError(String text, int max, String what) {
        if (text.isBlank()) {
            return "Write the " + what + " first.";
        }
        if (text.length() > max) {
            return "The " + what + " is " + text.length() + " characters; the limit is " + max + ".";
        }
        return null;
    }

    private List<String> placeTypes() {
        return guidance.questionnaire().sections().stream()
                .flatMap(section -> section.questions().stream())
                .filter(question -> question.id().equals("place-type"))
                .flatMap(question -> question.options().stream().map(option -> option.id()))
                .toList();
    }

    private static java.util.Optional<String> oneOf(
            String typed, List<String> allowed, String field, Map<String, String> errors) {
        if (typed.isEmpty()) {
            return java.util.Optional.empty();
        }
        if (!allowed.contains(typed)) {
            errors.put(field, "Unknown " + field + " \"" + typed + "\"; showing all.");
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(typed);
    }

    private static String assignee(String typed, Map<String, String> errors) {
        if (typed.isEmpty() || typed.equals("me") || typed.equals("none")) {
            return typed.isEmpty() ? null : typed;
        }
        try {
            return UUID.fromString(typed).toString();
        } catch (IllegalArgumentException e) {
            errors.put("assignee", "Unknown assignee; showing all.");
            return null;
        }
    }

    private static LocalDate date(String typed, String field, Map<String, String> errors) {
        if (typed.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(typed);
        } catch (DateTimeParseException e) {
            errors.put(field, "Write the date as YYYY-MM-DD, for example 2026-11-26.");
            return null;
        }
    }

    @ExceptionHandler(TipHandling.TipNotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(Model model) {
        model.addAttribute("message", "There is no tip with that id.");
        return "problem";
    }

    @ExceptionHandler({TipHandling.KeyNotUnlockedException.class, TipHandling.TipShreddedException.class})
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String cannotDecrypt(RuntimeException e, jakarta.servlet.http.HttpServletRequest request, Model model) {
        @SuppressWarnings("unchecked")
        var path = (Map<String, String>)
                request.getAttribute(org.springframework.web.servlet.HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        model.addAttribute(
                "message",
                e instanceof TipHandling.TipShreddedException
                        ? "This tip's content has been destroyed and cannot be read."
                        : "Your account holds no key for this tip. "
                                + assignees.whoCanGrant(UUID.fromString(path.get("id"))));
        return "problem";
    }

    @ExceptionHandler({IllegalStateException.class, IllegalArgumentException.class})
    @ResponseStatus(HttpStatus.CONFLICT)
    String conflict(RuntimeException e, Model model) {
        model.addAttribute("message", "This change is not allowed in the tip's current state.");
        return "problem";
    }
}
