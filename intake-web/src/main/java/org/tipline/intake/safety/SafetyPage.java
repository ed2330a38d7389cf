package org.tipline.intake.safety;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** How to report without leaving traces on a shared or watched device; linked from every public page. */
@Controller
class SafetyPage {

    @GetMapping("/safety")
    String safety() {
        return "safety";
    }
}
