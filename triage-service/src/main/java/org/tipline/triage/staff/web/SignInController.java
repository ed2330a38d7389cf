package org.tipline.triage.staff.web;

import com.google.zxing.WriterException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tipline.model.crypto.Totp;
import org.tipline.triage.security.Factors;
import org.tipline.triage.staff.DeviceCookies;
import org.tipline.triage.staff.NewPasswords;
import org.tipline.triage.staff.Passkeys;
import org.tipline.triage.staff.PendingSignIn;
import org.tipline.triage.staff.SessionLimits;
import org.tipline.triage.staff.SignInSteps;
import org.tipline.triage.staff.StaffPrincipal;

/** The pages between the password and the console: code, first new password, enrolment; and password changes. */
@Controller
@RequiredArgsConstructor
class SignInController {

    private static final String ISSUER = "Tipline staff";

    private final SignInSteps steps;
    private final NewPasswords newPasswords;
    private final Passkeys passkeys;
    private final SessionLimits sessionLimits;
    private final DeviceCookies devices;
    private final MessageSource messages;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    @GetMapping("/sign-in/next")
    String next(HttpServletRequest request, HttpServletResponse response) {
        Optional<PendingSignIn> pending = PendingSignIn.of(request.getSession(false));
        if (pending.isEmpty()) {
            return fullySignedIn() ? "redirect:/" : "redirect:/login";
        }
        return switch (steps.next(pending.get())) {
            case CODE -> "redirect:/sign-in/code";
            case NEW_PASSWORD -> "redirect:/account/password";
            case ENROL -> "redirect:/account/second-factor";
            case DONE -> finish(pending.get(), request, response);
        };
    }

    @GetMapping("/sign-in/code")
    String codeForm(HttpSession session, Model model) {
        Optional<PendingSignIn> pending = PendingSignIn.of(session);
        if (pending.isEmpty()) {
            return "redirect:/sign-in/next";
        }
        model.addAttribute("passkey", passkeys.hasPasskey(pending.get()));
        return "sign-in-code";
    }

    /** The challenge for signing in with a passkey instead of a code (JavaScript only; the code always works). */
    @PostMapping(path = "/sign-in/passkey/options", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> passkeyOptions(HttpSession session) {
        Optional<PendingSignIn> pending = pendingAt(SignInSteps.Step.CODE, session);
        if (pending.isEmpty()) {
            return ResponseEntity.status(409).build();
        }
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(passkeys.assertionOptions(pending.get(), session));
    }

    @PostMapping(
            path = "/sign-in/passkey",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, String>> passkey(
            @org.springframework.web.bind.annotation.RequestBody String credential,
            HttpServletRequest request,
            HttpServletResponse response) {
        Optional<PendingSignIn> pending = pendingAt(SignInSteps.Step.CODE, request.getSession(false));
        if (pending.isEmpty()) {
            return ResponseEntity.status(409).body(Map.of("redirect", "/sign-in/next"));
        }
        if (!passkeys.verifyAssertion(pending.get(), request.getSession(), credential)) {
            return ResponseEntity.status(401)
                    .body(Map.of(
                            "error", messages.getMessage("code.error.passkey", null, LocaleContextHolder.getLocale())));
        }
        String next = next(request, response);
        return ResponseEntity.ok(Map.of("redirect", next.substring("redirect:".length())));
    }

    @PostMapping("/sign-in/code")
    String code(
            @RequestParam(defaultValue = "") String code,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        Optional<PendingSignIn> pending = pendingAt(SignInSteps.Step.CODE, request.getSession(false));
        if (pending.isEmpty()) {
            return "redirect:/sign-in/next";
        }
        model.addAttribute("passkey", passkeys.hasPasskey(pending.get()));
        return switch (steps.checkCode(pending.get(), code)) {
            case ACCEPTED -> next(request, response);
            case WRONG -> codeError(model, "code.error.wrong");
            case ALREADY_USED -> codeError(model, "code.error.used");
            case TOO_MANY_WRONG -> startOver(request, "codes");
        };
    }

    @GetMapping("/account/password")
    String passwordForm(HttpSession session, Model model) {
        model.addAttribute("first", PendingSignIn.of(session).isPresent());
        model.addAttribute("problems", List.of());
        return "account-password";
    }

    @PostMapping("/account/password")
    String changePassword(
            @RequestParam(defaultValue = "") String current,
            @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String confirmation,
            @AuthenticationPrincipal StaffPrincipal me,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        Optional<PendingSignIn> pending = PendingSignIn.of(request.getSession(false));
        List<String> problems;
        if (pending.isPresent()) {
            if (steps.next(pending.get()) != SignInSteps.Step.NEW_PASSWORD) {
                return "redirect:/sign-in/next";
            }
            problems = newPasswords.chooseFirstPassword(pending.get(), password, confirmation);
        } else if (fullySignedIn()) {
            problems = newPasswords.changePassword(me.id(), current, password, confirmation);
        } else {
            return "redirect:/login";
        }
        if (!problems.isEmpty()) {
            model.addAttribute("first", pending.isPresent());
            model.addAttribute("problems", problems);
            return "account-password";
        }
        return pending.isPresent() ? next(request, response) : "redirect:/account/password?changed";
    }

    @GetMapping("/account/second-factor")
    String enrolForm(HttpSession session, Model model) {
        Optional<PendingSignIn> pending = pendingAt(SignInSteps.Step.ENROL, session);
        if (pending.isEmpty()) {
            return "redirect:/sign-in/next";
        }
        return enrolPage(pending.get(), null, model);
    }

    /** The enrolment QR code ({@link QrSvg}): the secret never leaves this server for an image service. */
    @GetMapping("/account/second-factor/qr.svg")
    ResponseEntity<String> qr(HttpSession session, @AuthenticationPrincipal StaffPrincipal me) throws WriterException {
        Optional<PendingSignIn> pending = pendingAt(SignInSteps.Step.ENROL, session);
        if (pending.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        String uri = Totp.provisioningUri(ISSUER, me.username(), steps.enrolmentSecret(pending.get()));
        return ResponseEntity.ok()
                .contentType(MediaType.valueOf("image/svg+xml"))
                .cacheControl(CacheControl.noStore())
                .body(QrSvg.of(uri));
    }

    @PostMapping("/account/second-factor")
    String enrol(
            @RequestParam(defaultValue = "") String code,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        Optional<PendingSignIn> pending = pendingAt(SignInSteps.Step.ENROL, request.getSession(false));
        if (pending.isEmpty()) {
            return "redirect:/sign-in/next";
        }
        if (!steps.finishEnrolment(pending.get(), code)) {
            return enrolPage(pending.get(), "enrol.error.mismatch", model);
        }
        return next(request, response);
    }

    private String finish(PendingSignIn pending, HttpServletRequest request, HttpServletResponse response) {
        Authentication full = steps.complete(pending, request.getSession());
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(full);
        SecurityContextHolder.setContext(context);
        // A new session id for the fully signed-in session, as at the password step.
        request.changeSessionId();
        contexts.saveContext(context, request, response);
        sessionLimits.started(request.getSession());
        // From now on this browser signs in to this account in its own throttle lane (ADR 18).
        response.addHeader(
                HttpHeaders.SET_COOKIE, devices.afterSignIn(request, ((StaffPrincipal) full.getPrincipal()).id()));
        return "redirect:/";
    }

    /** The sign-in in progress in this session, if it has reached this step. */
    private Optional<PendingSignIn> pendingAt(SignInSteps.Step step, HttpSession session) {
        return PendingSignIn.of(session).filter(pending -> steps.next(pending) == step);
    }

    /** The enrolment page: the secret in groups of four for typing in by hand, and why the last code failed (a key). */
    private String enrolPage(PendingSignIn pending, String error, Model model) {
        model.addAttribute(
                "secret",
                Totp.base32(steps.enrolmentSecret(pending))
                        .replaceAll("(.{4})", "$1 ")
                        .strip());
        model.addAttribute("error", error);
        return "enrol-second-factor";
    }

    /** The code page again; {@code error} is a message key, put in words by the page. */
    private String codeError(Model model, String error) {
        model.addAttribute("error", error);
        return "sign-in-code";
    }

    private String startOver(HttpServletRequest request, String reason) {
        request.getSession().invalidate();
        SecurityContextHolder.clearContext();
        return "redirect:/login?" + reason;
    }

    private static boolean fullySignedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null
                && authentication.getAuthorities().stream()
                        .anyMatch(a -> a.getAuthority().equals(Factors.SECOND));
    }
}
