package org.tipline.triage.staff.web;

import jakarta.servlet.http.HttpSession;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.tipline.triage.staff.Passkeys;
import org.tipline.triage.staff.StaffPrincipal;

/** A signed-in staff member's passkeys: list, add (needs JavaScript, as WebAuthn does), remove. */
@Controller
class AccountPasskeysController {

    private final Passkeys passkeys;
    private final MessageSource messages;

    AccountPasskeysController(Passkeys passkeys, MessageSource messages) {
        this.messages = messages;
        this.passkeys = passkeys;
    }

    @GetMapping("/account/passkeys")
    String list(@AuthenticationPrincipal StaffPrincipal me, Model model) {
        model.addAttribute("passkeys", passkeys.of(me.id()));
        return "account-passkeys";
    }

    @PostMapping(path = "/account/passkeys/options", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> options(Authentication signedIn, HttpSession session) {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(passkeys.registrationOptions(signedIn, session));
    }

    @PostMapping(
            path = "/account/passkeys",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, String>> add(
            @RequestBody String credential, @AuthenticationPrincipal StaffPrincipal me, HttpSession session) {
        try {
            passkeys.register(me, session, credential);
            return ResponseEntity.ok(Map.of("redirect", "/account/passkeys?added"));
        } catch (RuntimeException refused) {
            return ResponseEntity.badRequest()
                    .body(Map.of(
                            "error",
                            messages.getMessage("passkeys.error.notAdded", null, LocaleContextHolder.getLocale())));
        }
    }

    @PostMapping("/account/passkeys/{id}/delete")
    String remove(@PathVariable String id, @AuthenticationPrincipal StaffPrincipal me) {
        try {
            passkeys.remove(me, id);
        } catch (IllegalArgumentException notAPasskeyId) {
            return "redirect:/account/passkeys";
        }
        return "redirect:/account/passkeys?removed";
    }
}
