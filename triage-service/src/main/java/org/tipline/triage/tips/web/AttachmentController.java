package org.tipline.triage.tips.web;

import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.tipline.triage.staff.StaffPrincipal;
import org.tipline.triage.staff.UnlockedKeys;
import org.tipline.triage.tips.PdfPages;
import org.tipline.triage.tips.TipAttachments;

/**
 * Files a tipster added, shown only inside the console: photos as images (not loaded by the tip page: only when a
 * coordinator chooses to look), PDFs as page images drawn by the server. Responses are sandboxed, never cached, never offered as
 * downloads. Problems are answered by {@link TipsWebAdvice}, worded for the file.
 */
@Controller
@RequiredArgsConstructor
class AttachmentController {

    private final TipAttachments attachments;
    private final Clock clock;

    @GetMapping("/tips/{id}/attachments/{attachmentId}")
    ResponseEntity<byte[]> image(
            @PathVariable UUID id,
            @PathVariable UUID attachmentId,
            @AuthenticationPrincipal StaffPrincipal me,
            HttpSession session) {
        var file = file(id, attachmentId, me, session);
        if (!file.mediaType().startsWith("image/")) {
            return ResponseEntity.notFound().build();
        }
        return inline(MediaType.parseMediaType(file.mediaType()), file.content());
    }

    @GetMapping("/tips/{id}/attachments/{attachmentId}/view")
    String pdf(
            @PathVariable UUID id,
            @PathVariable UUID attachmentId,
            @RequestParam(defaultValue = "1") int page,
            @AuthenticationPrincipal StaffPrincipal me,
            HttpSession session,
            Model model) {
        var file = file(id, attachmentId, me, session);
        var shown = PdfPages.locate(file.content(), page);
        model.addAttribute("tipId", id);
        model.addAttribute("attachmentId", attachmentId);
        model.addAttribute("page", shown.number());
        model.addAttribute("pages", shown.of());
        return "pdf-page";
    }

    @GetMapping("/tips/{id}/attachments/{attachmentId}/pages/{page}")
    ResponseEntity<byte[]> pdfPage(
            @PathVariable UUID id,
            @PathVariable UUID attachmentId,
            @PathVariable int page,
            @AuthenticationPrincipal StaffPrincipal me,
            HttpSession session) {
        var file = file(id, attachmentId, me, session);
        if (!file.mediaType().equals("application/pdf")) {
            return ResponseEntity.notFound().build();
        }
        return inline(MediaType.IMAGE_PNG, PdfPages.render(file.content(), page).png());
    }

    /** A file is opened only when a coordinator asks to see it; each look is audited, repeats within a minute not. */
    private TipAttachments.OpenedAttachment file(UUID id, UUID attachmentId, StaffPrincipal me, HttpSession session) {
        return attachments.attachment(
                id,
                attachmentId,
                me,
                UnlockedKeys.of(session),
                RecentViews.firstInWindow(session, "file:" + attachmentId, clock.instant()));
    }

    private static ResponseEntity<byte[]> inline(MediaType type, byte[] content) {
        return ResponseEntity.ok()
                .contentType(type)
                .cacheControl(CacheControl.noStore())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().build().toString())
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .body(content);
    }
}
