package org.tipline.triage.staff.web;

import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.tipline.triage.staff.ConsoleLanguages;
import org.tipline.triage.staff.StaffPrincipal;

/** The language switch in the console's header: saved for the signed-in staff member, then back to their page. */
@Controller
class AccountLanguageController {

    /** Only a path on this console, so the switch cannot be turned into a redirect to another site. */
    private static final Pattern LOCAL_PATH = Pattern.compile("/([\\w.~-][\\w.~/-]*)?");

    private final ConsoleLanguages languages;

    AccountLanguageController(ConsoleLanguages languages) {
        this.languages = languages;
    }

    @PostMapping("/account/language")
    String choose(
            @RequestParam(defaultValue = "") String language,
            @RequestParam(defaultValue = "/") String back,
            @AuthenticationPrincipal StaffPrincipal me) {
        if (!languages.choose(me, language)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        return "redirect:" + (LOCAL_PATH.matcher(back).matches() ? back : "/");
    }
}
