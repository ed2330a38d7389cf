package org.tipline.triage.referrals.web;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.tipline.triage.tips.KeyNotUnlockedException;
import org.tipline.triage.tips.Referral;
import org.tipline.triage.tips.TipNotFoundException;
import org.tipline.triage.tips.TipShreddedException;
import org.tipline.triage.tips.TipStateConflict;

/** What the referral pages answer when a tip cannot be found, read or forwarded, or a referral not sent again. */
@ControllerAdvice(basePackageClasses = ReferralsWebAdvice.class)
class ReferralsWebAdvice {

    private final MessageSource messages;

    ReferralsWebAdvice(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(TipNotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(Locale locale, Model model) {
        return problem("tip.problem.notFound", locale, model);
    }

    @ExceptionHandler({KeyNotUnlockedException.class, TipShreddedException.class})
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String cannotDecrypt(Locale locale, Model model) {
        return problem("packet.problem.noKey", locale, model);
    }

    @ExceptionHandler(Referral.NotRetryable.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    String notRetryable(Locale locale, Model model) {
        return problem("packet.problem.notRetryable", locale, model);
    }

    @ExceptionHandler(TipStateConflict.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    String conflict(Locale locale, Model model) {
        return problem("tip.problem.conflict", locale, model);
    }

    private String problem(String code, Locale locale, Model model) {
        model.addAttribute("message", messages.getMessage(code, null, locale));
        return "problem";
    }
}
