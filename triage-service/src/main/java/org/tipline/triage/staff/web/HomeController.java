package org.tipline.triage.staff.web;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Sign-in page, and the landing page that sends each role to its work. */
@Controller
class HomeController {

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/")
    String home(Authentication authentication) {
        boolean coordinator = has(authentication, "ROLE_COORDINATOR");
        if (coordinator) {
            return "redirect:/queue";
        }
        if (has(authentication, "ROLE_SUPERVISOR")) {
            return "redirect:/audit";
        }
        return has(authentication, "ROLE_ADMIN") ? "redirect:/admin/staff" : "home";
    }

    private static boolean has(Authentication authentication, String authority) {
        return authentication.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals(authority));
    }
}
