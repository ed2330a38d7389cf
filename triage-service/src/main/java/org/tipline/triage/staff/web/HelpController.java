package org.tipline.triage.staff.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * What each console page is for and its keyboard shortcuts. For coordinators and supervisors (the URL rules say so):
 * it reads nothing from the database, so no service with a role annotation stands behind it.
 */
@Controller
class HelpController {

    @GetMapping("/help")
    String help() {
        return "help";
    }
}
