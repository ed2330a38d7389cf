/**
 * The tip page's web layer. Named as an interface because the referral form sits on the tip page: the referrals
 * module's controller validates it ({@code TipFormValidator}, {@code ReferralForm}) and renders the page again
 * ({@code TipPageModel}) when it is refused.
 */
@NamedInterface("tip-page")
package org.tipline.triage.tips.web;

import org.springframework.modulith.NamedInterface;
