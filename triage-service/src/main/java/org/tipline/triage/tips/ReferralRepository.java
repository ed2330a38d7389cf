package org.tipline.triage.tips;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.Repository;

/** A tip's referrals; the referrals module records them, the tip page and the child-protection rule read them. */
public interface ReferralRepository extends Repository<Referral, UUID> {

    Referral save(Referral referral);

    void flush();

    Optional<Referral> findById(UUID id);

    List<Referral> findByTipIdOrderByRecordedAt(UUID tipId);
}
