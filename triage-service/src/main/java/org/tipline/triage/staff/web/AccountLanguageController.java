package org.tipline.triage.staff.web;

import java.util.regex.Pattern;
import lombok.RequiredArgsConstructor;
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
@RequiredArgsConstructor
class AccountLanguageController {

    /**
     * Only a plain path on this console: segments that neither are empty nor start with a dot, so the switch can be
     * turned neither into a redirect to another site ("//host") nor into a path the redirect itself refuses ("/..").
     * A query of URL-safe characters may follow, so the queue's filters and a search stay as they were.
     */
    private static final Pattern LOCAL_PATH = Pattern.compile("(/|(/[\\w~-][\\w.~-]*)+/?)(\\?[\\w.~%&=+-]*)?");

    private final ConsoleLanguages languages;

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
