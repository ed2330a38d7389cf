package org.tipline.triage.referrals.web;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.tipline.model.guidance.Guidance;
import org.tipline.triage.referrals.ReferralRecords;
import org.tipline.triage.tips.Referral;
import org.tipline.triage.tips.web.Forms;
import org.tipline.triage.tips.web.ReferralForm;
import org.tipline.triage.tips.web.TipFormValidator;
import org.tipline.triage.tips.web.TipPageRequest;

/** Records a forward a coordinator made by hand, from the tip page's form; an error shows the tip page again. */
@Controller
class ReferralController {

    private final ReferralRecords records;
    private final TipFormValidator validator;
    private final Clock clock;
    private final ZoneId zone;

    ReferralController(ReferralRecords records, TipFormValidator validator, Clock clock, Guidance guidance) {
        this.records = records;
        this.validator = validator;
        this.clock = clock;
        this.zone = guidance.deployment().zone();
    }

    @PostMapping("/tips/{id}/referrals")
    String refer(@ModelAttribute ReferralForm form, BindingResult binding, TipPageRequest tip) {
        validator.validate(form, binding);
        return tip.answering(problems -> new Forms().referral(form, problems))
                .save(binding, () -> records.refer(tip.id(), manual(form), tip.me()), "?referred");
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
