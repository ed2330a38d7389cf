package org.tipline.triage.staff.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.tipline.triage.staff.StaffDirectory;
import org.tipline.triage.staff.StaffPrincipal;

/** Staff accounts for administrators. */
@Controller
class AdminController {

    private final StaffDirectory directory;

    AdminController(StaffDirectory directory) {
        this.directory = directory;
    }

    @GetMapping("/admin/staff")
    String staff(@AuthenticationPrincipal StaffPrincipal me, Model model) {
        model.addAttribute("accounts", directory.accounts(me));
        return "admin-staff";
    }
}
