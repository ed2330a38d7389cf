package org.tipline.triage.dashboard.web;

import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.tipline.triage.dashboard.Dashboard;

/** The supervisors' dashboard; its charts are SVG drawn by the template, with no script. */
@Controller
@RequiredArgsConstructor
class DashboardController {

    private final Dashboard dashboard;

    @GetMapping("/dashboard")
    String dashboard(Model model) {
        model.addAttribute("view", dashboard.view());
        return "dashboard";
    }
}
