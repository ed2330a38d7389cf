package org.tipline.triage.staff.web;

import jakarta.servlet.http.HttpSession;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tipline.triage.staff.KeyGrants;
import org.tipline.triage.staff.StaffPrincipal;
import org.tipline.triage.staff.UnlockedKeys;

/** Coordinators waiting for a tip-line key, and granting it from this session. */
@Controller
@RequiredArgsConstructor
class KeyGrantController {

    private final KeyGrants grants;

    @GetMapping("/keys")
    String waiting(HttpSession session, Model model) {
        model.addAttribute("waiting", grants.waiting(UnlockedKeys.of(session)));
        return "keys";
    }

    @PostMapping("/keys/grant")
    String grant(
            @RequestParam UUID staffId,
            @RequestParam int epoch,
            @AuthenticationPrincipal StaffPrincipal me,
            HttpSession session) {
        grants.grant(staffId, epoch, UnlockedKeys.of(session), me);
        return "redirect:/keys?granted";
    }
}
