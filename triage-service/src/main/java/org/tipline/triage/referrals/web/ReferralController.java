package org.tipline.triage.referrals.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.tipline.model.guidance.Guidance;
import org.tipline.triage.referrals.ReferralRecords;
import org.tipline.triage.staff.StaffPrincipal;
import org.tipline.triage.tips.Referral;
import org.tipline.triage.tips.web.Forms;
import org.tipline.triage.tips.web.ReferralForm;
import org.tipline.triage.tips.web.TipFormValidator;
import org.tipline.triage.tips.web.TipPageModel;
import org.tipline.triage.tips.web.TipPagePost;

/** Records a forward a coordinator made by hand, from the tip page's form; an error shows the tip page again. */
@Controller
class ReferralController {

    private final ReferralRecords records;
    private final TipFormValidator validator;
    private final TipPageModel page;
    private final Clock clock;
    private final ZoneId zone;

    ReferralController(
            ReferralRecords records, TipFormValidator validator, TipPageModel page, Clock clock, Guidance guidance) {
        this.records = records;
        this.validator = validator;
        this.page = page;
        this.clock = clock;
        this.zone = guidance.deployment().zone();
    }

    @PostMapping("/tips/{id}/referrals")
    String refer(
            @PathVariable UUID id,
            @ModelAttribute ReferralForm form,
            BindingResult binding,
            @AuthenticationPrincipal StaffPrincipal me,
            HttpSession session,
            HttpServletResponse response,
            Locale locale,
            Model model) {
        validator.validate(form, binding);
        return new TipPagePost(
                        page,
                        id,
                        me,
                        session,
                        locale,
                        model,
                        response,
                        problems -> new Forms().referral(form, problems))
                .save(binding, () -> records.refer(id, manual(form), me), "?referred");
    }

    private ReferralRecords.ManualReferral manual(ReferralForm form) {
        return new ReferralRecords.ManualReferral(
                form.destinationId(),
                Referral.Channel.valueOf(form.channel()),
                form.referenceNumber(),
                form.contactPerson().isEmpty() ? null : form.contactPerson(),
                form.contactedAtInstant(clock, zone));
    }
}
