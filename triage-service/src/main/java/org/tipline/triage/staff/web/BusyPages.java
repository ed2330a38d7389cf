package org.tipline.triage.staff.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.tipline.triage.staff.UnlockBudget;

/** A password change or account creation that found the Argon2id budget full answers 503 with Retry-After. */
@ControllerAdvice
class BusyPages {

    @ExceptionHandler(UnlockBudget.BusyException.class)
    void busy(UnlockBudget.BusyException busy, HttpServletResponse response) throws IOException {
        refuse(busy, response);
    }

    /** The error page for 503 (templates/error/503.html) explains; the header says when to come back. */
    static void refuse(UnlockBudget.BusyException busy, HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(busy.retryAfterSeconds()));
        response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value());
    }
}
