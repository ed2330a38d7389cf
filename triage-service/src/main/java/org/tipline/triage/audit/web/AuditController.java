package org.tipline.triage.audit.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.tipline.model.audit.AuditChain;
import org.tipline.model.audit.AuditEntry;
import org.tipline.triage.audit.AuditCheckpoints;
import org.tipline.triage.audit.AuditTrail;

/** The audit trail with its verification result, newest first. */
@Controller
class AuditController {

    private final AuditTrail audit;
    private final AuditCheckpoints checkpoints;

    AuditController(AuditTrail audit, AuditCheckpoints checkpoints) {
        this.audit = audit;
        this.checkpoints = checkpoints;
    }

    @GetMapping("/audit")
    String audit(Model model) {
        model.addAttribute("result", checkpoints.verify());
        model.addAttribute("checkpointsConfigured", checkpoints.configured());
        model.addAttribute("newestCheckpoint", checkpoints.newestExport().orElse(null));
        List<AuditEntry> newestFirst = new ArrayList<>(
                audit.all().stream().map(AuditChain.Stored::entry).toList());
        Collections.reverse(newestFirst);
        model.addAttribute("entries", newestFirst);
        return "audit";
    }
}
