package org.tipline.triage.referrals.web;

import java.util.Locale;
import lombok.RequiredArgsConstructor;
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
import org.tipline.triage.tips.web.TipPageModel;

/** What the referral pages answer when a tip cannot be found, read or forwarded, or a referral not sent again. */
@ControllerAdvice(basePackageClasses = ReferralsWebAdvice.class)
@RequiredArgsConstructor
class ReferralsWebAdvice {

    private final TipPageModel page;

    @ExceptionHandler(TipNotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(Locale locale, Model model) {
        return page.problem("tip.problem.notFound", locale, model);
    }

    @ExceptionHandler({KeyNotUnlockedException.class, TipShreddedException.class})
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String cannotDecrypt(Locale locale, Model model) {
        return page.problem("packet.problem.noKey", locale, model);
    }

    @ExceptionHandler(Referral.NotRetryable.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    String notRetryable(Locale locale, Model model) {
        return page.problem("packet.problem.notRetryable", locale, model);
    }

    @ExceptionHandler(TipStateConflict.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    String conflict(Locale locale, Model model) {
        return page.problem("tip.problem.conflict", locale, model);
    }
}
