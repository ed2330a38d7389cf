package org.tipline.triage.referrals.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.tipline.model.guidance.Guidance;
import org.tipline.triage.referrals.PacketField;
import org.tipline.triage.referrals.Referrals;
import org.tipline.triage.referrals.SmimeEnvelope;
import org.tipline.triage.staff.StaffPrincipal;
import org.tipline.triage.staff.UnlockedKeys;

/** The referral packet page: choose and redact, then print, download or send encrypted. */
@Controller
@RequiredArgsConstructor
class PacketController {

    private final Referrals referrals;
    private final Guidance guidance;

    @GetMapping("/tips/{id}/packet")
    String form(@PathVariable UUID id, @AuthenticationPrincipal StaffPrincipal me, HttpSession session, Model model) {
        var draft = referrals.draft(id, me, UnlockedKeys.of(session));
        return page(id, PacketForm.of(draft.request()), Map.of(), model);
    }

    @PostMapping("/tips/{id}/packet")
    Object make(
            @PathVariable UUID id,
            @ModelAttribute PacketForm form,
            @AuthenticationPrincipal StaffPrincipal me,
            HttpSession session,
            HttpServletResponse response,
            Model model) {
        Map<String, String> errors = form.validate(guidance);
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return page(id, form, errors, model);
        }
        UnlockedKeys keys = UnlockedKeys.of(session);
        String name = "referral-" + id.toString().substring(0, 8);
        return switch (form.action()) {
            case "pdf" ->
                download(referrals.pdf(id, form.toRequest(), me, keys), MediaType.APPLICATION_PDF, name + ".pdf");
            case "json" ->
                download(
                        referrals.json(id, form.toRequest(), me, keys).getBytes(StandardCharsets.UTF_8),
                        MediaType.APPLICATION_JSON,
                        name + ".json");
            default -> {
                try {
                    referrals.email(id, form.toRequest(), me, keys);
                    yield "redirect:/tips/" + id + "?queued#feedback";
                } catch (SmimeEnvelope.CertificateProblem e) {
                    response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
                    yield page(id, form, Map.of("email", e.getMessage() + " Nothing was sent or stored."), model);
                }
            }
        };
    }

    @PostMapping("/tips/{id}/referrals/{referralId}/retry")
    String retry(@PathVariable UUID id, @PathVariable UUID referralId, @AuthenticationPrincipal StaffPrincipal me) {
        referrals.retry(id, referralId, me);
        return "redirect:/tips/" + id + "?queued#feedback";
    }

    private String page(UUID id, PacketForm form, Map<String, String> errors, Model model) {
        model.addAttribute("tipId", id);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("destinations", guidance.destinations());
        model.addAttribute("fields", PacketField.values());
        model.addAttribute(
                "canEmail",
                guidance.destinations().stream()
                        .filter(d -> referrals.canEmail(d.id()))
                        .map(d -> d.id())
                        .toList());
        return "packet";
    }

    private static ResponseEntity<byte[]> download(byte[] content, MediaType type, String filename) {
        return ResponseEntity.ok()
                .contentType(type)
                .cacheControl(CacheControl.noStore())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(filename)
                                .build()
                                .toString())
                .body(content);
    }
}
