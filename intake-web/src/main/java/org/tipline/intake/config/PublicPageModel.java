package org.tipline.intake.config;

import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.tipline.model.guidance.Destination;
import org.tipline.model.guidance.Guidance;

/** What every public page shows: the deployment, the language links, the emergency numbers, the quick exit. */
@ControllerAdvice
class PublicPageModel {

    private final Guidance guidance;
    private final IntakeProperties properties;

    PublicPageModel(Guidance guidance, IntakeProperties properties) {
        this.guidance = guidance;
        this.properties = properties;
    }

    @ModelAttribute("guidance")
    Guidance guidance() {
        return guidance;
    }

    @ModelAttribute("lang")
    String language(Locale locale) {
        return locale.getLanguage();
    }

    @ModelAttribute("otherLanguages")
    List<String> otherLanguages(Locale locale) {
        return guidance.deployment().languages().stream()
                .filter(language -> !language.equals(locale.getLanguage()))
                .toList();
    }

    @ModelAttribute("hotline")
    Destination hotline() {
        return guidance.firstOfKind(Destination.Kind.NATIONAL_HOTLINE).orElse(null);
    }

    @ModelAttribute("quickExitUrl")
    String quickExitUrl() {
        return properties.quickExitUrl();
    }
}
