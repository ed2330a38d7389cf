package org.tipline.intake.followup.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.tipline.intake.Megabytes;
import org.tipline.intake.followup.AttachmentCleaner;
import org.tipline.intake.followup.AttachmentIntake;
import org.tipline.intake.followup.Conversation;
import org.tipline.intake.followup.TipsterStatus;
import org.tipline.intake.followup.UploadMemory;
import org.tipline.model.tip.Messages;

/**
 * The follow-up page: a receipt in, the tip's coarse status and the conversation out, and a way to answer or add
 * more. No cookie and nothing in the URL: the receipt travels in the form body each time, and pages are no-store.
 */
@Controller
@RequiredArgsConstructor
class FollowUpController {

    /** The receipt as typed; kept as typed when it is not a receipt. */
    record StatusForm(String receipt) {}

    /**
     * An answer or more information, with the receipt it belongs to and the message id its form was rendered with: a
     * reload that posts the form again, or a double tap, sends the same id and is stored once.
     */
    record AddForm(String receipt, String text, String replyId) {

        /** The form's id, or a new one for a post without a usable id (a script), which is then never a repeat. */
        UUID messageId() {
            try {
                return replyId == null ? UUID.randomUUID() : UUID.fromString(replyId);
            } catch (IllegalArgumentException notAnId) {
                return UUID.randomUUID();
            }
        }
    }

    /**
     * A file the tipster chose that cannot be kept, by the name their device gave it (shown back, never stored), with
     * its size in megabytes when size is the reason.
     */
    record FileProblem(String name, String reason, Double megabytes) {}

    private final TipsterStatus status;
    private final Conversation conversation;
    private final AttachmentCleaner cleaner;
    private final AttachmentIntake attachments;
    private final UploadMemory memory;

    /** The whole body is read here, by {@link ReceiptFirstUpload}: the receipt first, files only for a real tip. */
    @PostMapping(path = "/status/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    String attach(HttpServletRequest request, Model model, HttpServletResponse response) throws InterruptedException {
        ReceiptFirstUpload upload;
        String receipt;
        try {
            upload = new ReceiptFirstUpload(request);
            receipt = upload.receipt();
        } catch (ReceiptFirstUpload.Unreadable e) {
            model.addAttribute("receipt", "");
            return attachError(model, response, HttpStatus.BAD_REQUEST, "unreadable");
        }
        Optional<Boolean> found = show(receipt, "", model, response);
        if (!found.orElse(false)) {
            return "status";
        }
        // A tip at its limit is refused before any file is read or decoded, not after the work.
        int room = attachments.room(receipt);
        if (room == 0) {
            return attachError(model, response, HttpStatus.TOO_MANY_REQUESTS, "TOO_MANY");
        }
        try (var share = memory.share()) {
            List<ReceiptFirstUpload.Part> chosen = upload.files(share);
            if (chosen.size() > room) {
                return attachError(model, response, HttpStatus.TOO_MANY_REQUESTS, "TOO_MANY");
            }
            return attach(receipt, chosen, share, model, response);
        } catch (ReceiptFirstUpload.Unreadable e) {
            return attachError(model, response, HttpStatus.BAD_REQUEST, "unreadable");
        } catch (ReceiptFirstUpload.TooManyFiles e) {
            return attachError(model, response, HttpStatus.BAD_REQUEST, "tooManyFiles");
        } catch (UploadMemory.Busy e) {
            return attachError(model, response, HttpStatus.SERVICE_UNAVAILABLE, "BUSY");
        }
    }

    private String attach(
            String receipt,
            List<ReceiptFirstUpload.Part> chosen,
            UploadMemory.Share share,
            Model model,
            HttpServletResponse response)
            throws InterruptedException, UploadMemory.Busy {
        if (chosen.isEmpty()) {
            return attachError(model, response, HttpStatus.BAD_REQUEST, "none");
        }
        List<AttachmentCleaner.Cleaned> cleaned = new ArrayList<>();
        List<FileProblem> problems = new ArrayList<>();
        for (ReceiptFirstUpload.Part file : chosen) {
            if (file.tooBig()) {
                problems.add(new FileProblem(
                        shortName(file.name()), AttachmentCleaner.Refusal.TOO_BIG.name(), Megabytes.of(file.size())));
                continue;
            }
            try {
                var clean = cleaner.clean(file.content(), share);
                share.grow(clean.content().length);
                cleaned.add(clean);
            } catch (AttachmentCleaner.RefusedException refused) {
                if (refused.refusal() == AttachmentCleaner.Refusal.BUSY) {
                    throw new UploadMemory.Busy();
                }
                problems.add(new FileProblem(
                        shortName(file.name()), refused.refusal().name(), null));
            }
        }
        if (!problems.isEmpty()) {
            model.addAttribute("fileProblems", problems);
            return attachError(model, response, HttpStatus.BAD_REQUEST, "file");
        }
        return switch (attachments.store(receipt, cleaned)) {
            case ADDED -> {
                model.addAttribute("attached", cleaned.size());
                yield "status";
            }
            case TOO_MANY -> attachError(model, response, HttpStatus.TOO_MANY_REQUESTS, "TOO_MANY");
            case NO_SUCH_TIP -> {
                model.addAttribute("found", false);
                yield "status";
            }
        };
    }

    private static String attachError(Model model, HttpServletResponse response, HttpStatus status, String error) {
        response.setStatus(status.value());
        model.addAttribute("attachError", error);
        model.addAttribute("maxFiles", AttachmentIntake.MAX_FILES_PER_UPLOAD);
        model.addAttribute("maxFileMegabytes", Megabytes.limit(AttachmentCleaner.MAX_BYTES));
        return "status";
    }

    private static String shortName(String name) {
        return name.length() > 80 ? name.substring(0, 80) + "…" : name;
    }

    @GetMapping("/status")
    String form(Model model) {
        model.addAttribute("receipt", "");
        return "status";
    }

    @PostMapping("/status")
    String lookUp(@ModelAttribute StatusForm form, Model model, HttpServletResponse response) {
        String typed = form.receipt() == null ? "" : form.receipt();
        show(typed, "", model, response);
        return "status";
    }

    @PostMapping("/status/messages")
    String add(@ModelAttribute AddForm form, Model model, HttpServletResponse response) {
        String receipt = form.receipt() == null ? "" : form.receipt();
        String text = form.text() == null ? "" : form.text().strip();
        if (text.isEmpty() || text.length() > Messages.MAX_LENGTH) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("textError", text.isEmpty() ? "empty" : "tooLong");
            model.addAttribute("maxLength", Messages.MAX_LENGTH);
            show(receipt, form.text() == null ? "" : form.text(), model, response);
            return "status";
        }
        Optional<Boolean> found = show(receipt, "", model, response);
        if (found.orElse(false)) {
            switch (conversation.add(receipt, form.messageId(), text)) {
                case ADDED, ALREADY_ADDED -> {
                    model.addAttribute("added", true);
                    model.addAttribute("messages", conversation.messages(receipt));
                }
                case TOO_MANY -> {
                    response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
                    model.addAttribute("textError", "tooMany");
                    model.addAttribute("typedText", form.text());
                }
                case NO_SUCH_TIP -> model.addAttribute("found", false);
            }
        }
        return "status";
    }

    /** Looks the receipt up and fills the page; empty when the receipt could not be checked at all. */
    private Optional<Boolean> show(String typed, String typedText, Model model, HttpServletResponse response) {
        model.addAttribute("receipt", typed);
        model.addAttribute("typedText", typedText);
        // Each rendering of the reply form gets its own message id; the one posted is never shown back.
        model.addAttribute("replyId", UUID.randomUUID());
        try {
            var found = status.of(typed);
            model.addAttribute("found", found.isPresent());
            found.ifPresent(s -> {
                model.addAttribute("status", s.name());
                model.addAttribute("messages", conversation.messages(typed));
            });
            return Optional.of(found.isPresent());
        } catch (IllegalArgumentException notAReceipt) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("found", null);
            model.addAttribute("error", "notAReceipt");
        } catch (TipsterStatus.Busy busy) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            model.addAttribute("found", null);
            model.addAttribute("error", "busy");
        }
        return Optional.empty();
    }
}
