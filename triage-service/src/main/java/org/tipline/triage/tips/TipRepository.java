package org.tipline.triage.tips;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.Repository;

interface TipRepository extends Repository<Tip, UUID> {

    Optional<Tip> findById(UUID id);

    void flush();

    default Tip get(UUID id) {
        return findById(id).orElseThrow(() -> new TipNotFoundException(id));
    }

    /** The tip as the coordinator saw it: if it changed since, nothing may be written over it. */
    default Tip getAt(UUID id, int seenVersion) {
        Tip tip = get(id);
        if (tip.version() != seenVersion) {
            throw new TipChangedException(tip);
        }
        return tip;
    }
}
