package org.tipline.triage.tips;

import java.util.List;
import java.util.UUID;
import org.springframework.data.repository.Repository;

interface ReferralRepository extends Repository<Referral, UUID> {

    Referral save(Referral referral);

    void flush();

    List<Referral> findByTipIdOrderByRecordedAt(UUID tipId);
}
