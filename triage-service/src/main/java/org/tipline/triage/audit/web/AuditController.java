package org.tipline.triage.audit.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tipline.model.audit.AuditEntry;
import org.tipline.model.guidance.Guidance;
import org.tipline.triage.audit.AuditCheckpoints;
import org.tipline.triage.audit.AuditTrail;
import org.tipline.triage.staff.StaffNames;
import org.tipline.triage.staff.StaffPrincipal;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit trail for supervisors: verification against the signed checkpoints, a filtered view (staff member, tip,
 * action, dates), and CSV or JSON exports of the same selection. An export is itself an audited action.
 */
@Controller
class AuditController {

    static final int PAGE_LIMIT = 500;
    static final int EXPORT_LIMIT = 100_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** A tip as the console shows it ("Tip 1a2b3c4d", "Aviso 1a2b3c4d"): the word and a "#" may stand before the id. */
    private static final Pattern SHOWN_TIP = Pattern.compile("^(tip|aviso)?\\s*#?\\s*");
    /** An id or its start of at least 4 characters; entries of destroyed tips keep their ids, so no tip is looked up. */
    private static final Pattern TIP_START = Pattern.compile("[0-9a-f]{4,8}(-[0-9a-f]{0,12}){0,4}");

    private final AuditTrail audit;
    private final AuditCheckpoints checkpoints;
    private final StaffNames staff;
    private final MessageSource messages;
    /** Days typed in the filter are the deployment's days, as the times on the page are. */
    private final ZoneId zone;

    AuditController(
            AuditTrail audit,
            AuditCheckpoints checkpoints,
            StaffNames staff,
            MessageSource messages,
            Guidance guidance) {
        this.messages = messages;
        this.zone = guidance.deployment().zone();
        this.audit = audit;
        this.checkpoints = checkpoints;
        this.staff = staff;
    }

    @GetMapping("/audit")
    String audit(
            @RequestParam(defaultValue = "") String actor,
            @RequestParam(defaultValue = "") String tip,
            @RequestParam(defaultValue = "") String action,
            @RequestParam(defaultValue = "") String from,
            @RequestParam(defaultValue = "") String to,
            Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        var filter = filter(actor, tip, action, from, to, errors);
        model.addAttribute("result", checkpoints.verify());
        model.addAttribute("checkpointsConfigured", checkpoints.configured());
        model.addAttribute("newestCheckpoint", checkpoints.newestExport().orElse(null));
        model.addAttribute("entries", audit.search(filter, PAGE_LIMIT));
        model.addAttribute("staffNames", staff.byId());
        model.addAttribute("actions", audit.actions());
        model.addAttribute("typed", Map.of("actor", actor, "tip", tip, "action", action, "from", from, "to", to));
        model.addAttribute("errors", errors);
        model.addAttribute("limit", PAGE_LIMIT);
        return "audit";
    }

    @GetMapping("/audit/export")
    ResponseEntity<String> export(
            @RequestParam(defaultValue = "csv") String format,
            @RequestParam(defaultValue = "") String actor,
            @RequestParam(defaultValue = "") String tip,
            @RequestParam(defaultValue = "") String action,
            @RequestParam(defaultValue = "") String from,
            @RequestParam(defaultValue = "") String to,
            @AuthenticationPrincipal StaffPrincipal me,
            Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        var filter = filter(actor, tip, action, from, to, errors);
        if (!errors.isEmpty() || !(format.equals("csv") || format.equals("json"))) {
            return ResponseEntity.badRequest()
                    .contentType(MediaType.TEXT_PLAIN)
                    .body(
                            errors.isEmpty()
                                    ? "format must be csv or json"
                                    : errors.values().stream()
                                            .map(key -> messages.getMessage(key, null, locale))
                                            .collect(Collectors.joining("\n")));
        }
        List<AuditEntry> entries = audit.search(filter, EXPORT_LIMIT);
        audit.append(me.username(), "AUDIT_EXPORTED", null, "format=" + format + " entries=" + entries.size());
        boolean csv = format.equals("csv");
        return ResponseEntity.ok()
                .contentType(
                        csv
                                ? new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8)
                                : MediaType.APPLICATION_JSON)
                .cacheControl(CacheControl.noStore())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("tipline-audit." + format)
                                .build()
                                .toString())
                .body(csv ? csv(entries) : JSON.writeValueAsString(entries));
    }

    /** The filter typed; what cannot be read is left out and named in {@code errors} by message key. */
    private AuditTrail.Filter filter(
            String actor, String tip, String action, String from, String to, Map<String, String> errors) {
        String tipStart = null;
        if (!tip.isBlank()) {
            tipStart = SHOWN_TIP.matcher(tip.strip().toLowerCase(Locale.ROOT)).replaceFirst("");
            if (!TIP_START.matcher(tipStart).matches()) {
                errors.put("tip", "audit.error.tip");
                tipStart = null;
            }
        }
        return new AuditTrail.Filter(
                actor.isBlank() ? null : actor.strip(),
                tipStart,
                action.isBlank() ? null : action.strip(),
                day(from, "from", errors, 0),
                day(to, "to", errors, 1));
    }

    private Instant day(String typed, String field, Map<String, String> errors, int plusDays) {
        if (typed.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(typed.strip())
                    .plusDays(plusDays)
                    .atStartOfDay(zone)
                    .toInstant();
        } catch (DateTimeParseException e) {
            errors.put(field, "audit.error.date");
            return null;
        }
    }

    /** RFC 4180 CSV; cells that a spreadsheet would run as a formula are prefixed with an apostrophe. */
    static String csv(List<AuditEntry> entries) {
        StringBuilder out = new StringBuilder("sequence,occurred_at,actor,action,tip_id,detail\r\n");
        for (AuditEntry e : entries) {
            out.append(e.sequence())
                    .append(',')
                    .append(e.occurredAt())
                    .append(',')
                    .append(cell(e.actor()))
                    .append(',')
                    .append(cell(e.action()))
                    .append(',')
                    .append(e.tipId() == null ? "" : e.tipId())
                    .append(',')
                    .append(cell(e.detail()))
                    .append("\r\n");
        }
        return out.toString();
    }

    private static String cell(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
