package org.tipline.triage.tips;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.Repository;

interface TipRepository extends Repository<Tip, UUID> {

    Optional<Tip> findById(UUID id);

    void flush();
}
