package org.tipline.triage.staff;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tipline.triage.audit.AuditTrail;

/** Records sign-out. The session's invalidation, which follows, wipes the unlocked keys. */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class SignOutAudit implements LogoutHandler {

    private final AuditTrail audit;

    @Override
    @Transactional
    public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        if (authentication != null && authentication.getPrincipal() instanceof StaffPrincipal staff) {
            audit.append(staff.username(), "SIGN_OUT", null, "");
        }
    }
}
