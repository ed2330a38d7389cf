package org.tipline.triage.audit.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.tipline.model.audit.AuditChain;
import org.tipline.model.audit.AuditEntry;
import org.tipline.triage.audit.AuditTrail;

/** The audit trail with its verification result, newest first. */
@Controller
class AuditController {

    private final AuditTrail audit;

    AuditController(AuditTrail audit) {
        this.audit = audit;
    }

    @GetMapping("/audit")
    String audit(Model model) {
        List<AuditChain.Stored> chain = audit.all();
        model.addAttribute("failure", AuditChain.verify(chain).orElse(null));
        List<AuditEntry> newestFirst =
                new ArrayList<>(chain.stream().map(AuditChain.Stored::entry).toList());
        Collections.reverse(newestFirst);
        model.addAttribute("entries", newestFirst);
        return "audit";
    }
}
