package org.tipline.triage.tips;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface TipRepository extends Repository<Tip, UUID> {

    Optional<Tip> findById(UUID id);

    /** Most urgent first, then oldest first: the order the queue is worked in. Served by tip_queue_order. */
    @Query("SELECT t FROM Tip t WHERE t.status <> org.tipline.triage.tips.TipStatus.CLOSED "
            + "ORDER BY t.urgencyRank, t.receivedAt")
    List<Tip> findOpenInQueueOrder(Pageable page);
}
