package org.tipline.triage.staff.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.modulith.NamedInterface;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.stereotype.Component;
import org.tipline.triage.staff.SignInThrottle;
import org.tipline.triage.staff.UnlockBudget;

/**
 * Where a refused password step goes: back to the sign-in page saying why, or, when too many Argon2id unlocks are
 * already running, a 503 page with Retry-After.
 */
@Component
@NamedInterface("sign-in-failures") // the security configuration hands refused sign-ins to it
public class SignInFailures implements AuthenticationFailureHandler {

    private final ExceptionMappingAuthenticationFailureHandler pages =
            new ExceptionMappingAuthenticationFailureHandler();

    SignInFailures() {
        pages.setDefaultFailureUrl("/login?error");
        pages.setExceptionMappings(Map.of(SignInThrottle.ThrottledException.class.getName(), "/login?wait"));
    }

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException, jakarta.servlet.ServletException {
        if (exception instanceof UnlockBudget.BusyException busy) {
            BusyPages.refuse(busy, response);
            return;
        }
        pages.onAuthenticationFailure(request, response, exception);
    }
}
