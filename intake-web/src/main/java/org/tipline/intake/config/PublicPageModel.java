package org.tipline.intake.config;

import java.util.Locale;
import lombok.RequiredArgsConstructor;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.tipline.model.guidance.Destination;
import org.tipline.model.guidance.Guidance;

/** What every public page shows: the deployment, the language links, the emergency numbers, the quick exit. */
@ControllerAdvice
@RequiredArgsConstructor
class PublicPageModel {

    private final Guidance guidance;
    private final IntakeProperties properties;

    /** Runs before every handler; error pages call {@link #addTo} themselves, as Spring does not run it for them. */
    @ModelAttribute
    public void addTo(Model model, Locale locale) {
        model.addAttribute("guidance", guidance);
        model.addAttribute("lang", locale.getLanguage());
        model.addAttribute(
                "otherLanguages",
                guidance.deployment().languages().stream()
                        .filter(language -> !language.equals(locale.getLanguage()))
                        .toList());
        model.addAttribute(
                "hotline",
                guidance.firstOfKind(Destination.Kind.NATIONAL_HOTLINE).orElse(null));
        model.addAttribute("quickExitUrl", properties.quickExitUrl());
    }
}
