package org.tipline.triage.tips.web;

import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.tipline.model.guidance.Destination;
import org.tipline.model.guidance.Guidance;
import org.tipline.model.guidance.Indicator;
import org.tipline.triage.staff.StaffPrincipal;
import org.tipline.triage.staff.UnlockedKeys;
import org.tipline.triage.tips.Assignees;
import org.tipline.triage.tips.ChildProtectionPolicy;
import org.tipline.triage.tips.ChildProtectionPolicy.ChildProtectionPendingException;
import org.tipline.triage.tips.CloseReason;
import org.tipline.triage.tips.Referral;
import org.tipline.triage.tips.TipQueue;
import org.tipline.triage.tips.TipReading;
import org.tipline.triage.tips.WebAddresses;

/**
 * Assembles the tip page: the opened tip, the seeds' labels for what the tipster chose, and the page's forms as typed
 * with their errors. Every controller that shows the tip page again (after an error or a conflict) goes through here,
 * so the page always gets the same model.
 */
@Component
public class TipPageModel {

    /** Where the refusal at the top links to for each problem, when the field's id is not the problem's name. */
    private static final Map<String, String> ERROR_ANCHORS = Map.of(
            "status",
            "status-select",
            "reason",
            "reason-select",
            "assignee",
            "assignee-select",
            "labels",
            "labels-input",
            "destinationId",
            "referral-form",
            "channel",
            "referral-form",
            "case",
            "case-other",
            "duplicate",
            "duplicate-of");

    /** Form fields whose errors the page shows under another name. */
    private static final Map<String, String> SHOWN_AS = Map.of("version", "status");

    private final TipReading reading;
    private final TipQueue queue;
    private final Assignees assignees;
    private final Guidance guidance;
    private final ChildProtectionPolicy childProtection;
    private final MessageSource messages;
    private final Clock clock;
    private final CannedQuestions canned;
    /** The seeds' labels, each keyed by language and then by id. */
    private final Map<String, Map<String, String>> indicatorLabels;

    private final Map<String, Map<String, String>> destinationNames;
    private final Map<String, Map<String, String>> choiceLabels;

    TipPageModel(
            TipReading reading,
            TipQueue queue,
            Assignees assignees,
            Guidance guidance,
            MessageSource messages,
            Clock clock,
            CannedQuestions canned) {
        this.reading = reading;
        this.queue = queue;
        this.assignees = assignees;
        this.guidance = guidance;
        this.childProtection = new ChildProtectionPolicy(guidance);
        this.messages = messages;
        this.clock = clock;
        this.canned = canned;
        // Tipsters' answers are shown as typed, in any language; the seeds' labels in the console's language.
        this.indicatorLabels = byLanguage(
                guidance,
                language -> guidance.indicators().stream()
                        .collect(Collectors.toUnmodifiableMap(
                                Indicator::id, i -> i.label().in(language))));
        this.destinationNames = byLanguage(
                guidance,
                language -> guidance.destinations().stream()
                        .collect(Collectors.toUnmodifiableMap(
                                Destination::id, d -> d.name().in(language))));
        this.choiceLabels = byLanguage(guidance, language -> choiceLabels(guidance, language));
    }

    private static Map<String, Map<String, String>> byLanguage(
            Guidance guidance, Function<String, Map<String, String>> labels) {
        return guidance.deployment().languages().stream()
                .collect(Collectors.toUnmodifiableMap(Function.identity(), labels));
    }

    /** The seeds' option labels keyed "question/option", so options that share an id ("other") stay apart. */
    static Map<String, String> choiceLabels(Guidance guidance) {
        return choiceLabels(guidance, "en");
    }

    static Map<String, String> choiceLabels(Guidance guidance, String language) {
        return guidance.questionnaire().sections().stream()
                .flatMap(section -> section.questions().stream())
                .flatMap(question -> question.options().stream()
                        .map(option -> Map.entry(
                                question.id() + "/" + option.id(),
                                option.label().in(language))))
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** The tip page with nothing typed yet. */
    public String render(UUID id, StaffPrincipal me, HttpSession session, Model model) {
        return render(id, me, session, new Forms(), model);
    }

    /** The tip page again, with what was typed and why it was not saved. */
    String render(UUID id, StaffPrincipal me, HttpSession session, Forms forms, Model model) {
        var opened = reading.open(
                id,
                me,
                UnlockedKeys.of(session),
                RecentViews.firstInWindow(session, RecentViews.tip(id), clock.instant()));
        model.addAttribute("opened", opened);
        // Once child protection has the tip, the page says so instead of still asking for the referral.
        model.addAttribute("childProtectionHasIt", childProtection.allowsClosing(opened.tip(), opened.referrals()));
        model.addAttribute("guidance", guidance);
        model.addAttribute("tier", guidance.urgency().tier(opened.tip().urgencyTier()));
        String language = language(LocaleContextHolder.getLocale());
        model.addAttribute("lang", language);
        model.addAttribute("labels", indicatorLabels.get(language));
        model.addAttribute("destinationNames", destinationNames.get(language));
        model.addAttribute("choices", choiceLabels.get(language));
        model.addAttribute("forms", forms);
        model.addAttribute("errorAnchors", ERROR_ANCHORS);
        model.addAttribute("links", WebAddresses.in(opened.answers()));
        model.addAttribute("coordinators", queue.coordinators());
        model.addAttribute("assignees", assignees.of(id));
        model.addAttribute("closeReasons", CloseReason.values());
        model.addAttribute("channels", List.of(Referral.Channel.PHONE, Referral.Channel.WEB_FORM));
        model.addAttribute("me", me);
        model.addAttribute("pickable", TipChoices.of(opened, RecentViews.tips(session)));
        model.addAttribute(
                "cannedQuestions",
                canned.groups(LocaleContextHolder.getLocale(), opened.answers().language()));
        if (!model.containsAttribute("conflict")) {
            model.addAttribute("conflict", false);
        }
        return "tip";
    }

    /** Each field's first error, worded in the coordinator's language, under the name the page shows it by. */
    public Map<String, String> errors(BindingResult binding, Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (ObjectError error : binding.getAllErrors()) {
            String field = error instanceof FieldError fieldError ? fieldError.getField() : "form";
            errors.putIfAbsent(SHOWN_AS.getOrDefault(field, field), messages.getMessage(error, locale));
        }
        return errors;
    }

    /** The problem page, saying in the coordinator's language why the tip or its file cannot be shown or changed. */
    public String problem(String code, Locale locale, Model model) {
        model.addAttribute("message", message(code, locale));
        return "problem";
    }

    /** One message, worded in the coordinator's language. */
    String message(String code, Locale locale, Object... arguments) {
        return messages.getMessage(code, arguments, locale);
    }

    String message(MessageSourceResolvable resolvable, Locale locale) {
        return messages.getMessage(resolvable, locale);
    }

    /** The seeds are written in English and Spanish; any other language reads English. */
    static String language(Locale locale) {
        return "es".equals(locale.getLanguage()) ? "es" : "en";
    }

    /** Why the tip cannot be closed yet, naming the child-protection destination and its phone when the seeds do. */
    String refusal(ChildProtectionPendingException refused, Locale locale) {
        if (refused.merging()) {
            return message("tip.error.childProtection.duplicate", locale);
        }
        return refused.destination()
                .map(d -> d.phone() == null
                        ? message(
                                "tip.error.childProtection.refer",
                                locale,
                                d.name().in(language(locale)))
                        : message(
                                "tip.error.childProtection.referByPhone",
                                locale,
                                d.name().in(language(locale)),
                                d.phone()))
                .orElseGet(() -> message("tip.error.childProtection.unnamed", locale));
    }
}
