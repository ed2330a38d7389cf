package org.tipline.intake.followup;

import java.util.Optional;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.tipline.model.crypto.Receipt;

/** The coarse status a tipster may see for their own tip, found through the receipt's one-way lookup id. */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class TipsterStatus {

    /** What a tipster is told; never the urgency tier, the destination or anything a coordinator wrote. */
    public enum Status {
        RECEIVED,
        IN_REVIEW,
        FORWARDED,
        CLOSED
    }

    /** The lookup could not run now; the tipster is asked to wait and try again. */
    public static class Busy extends RuntimeException {
        Busy() {
            super("too many lookups right now");
        }
    }

    private final JdbcClient jdbc;
    private final LookupThrottle throttle;

    /**
     * Throws {@link IllegalArgumentException} for something that is not a receipt, {@link Busy} when a lookup that
     * found nothing is refused for load (never for a receipt that finds its tip).
     */
    public Optional<Status> of(String typedReceipt) {
        byte[] lookupId = Receipt.lookupId(typedReceipt);
        try {
            Optional<Status> status = throttle.inTurn(() -> jdbc.sql("SELECT tipster_status(?)")
                    .param(lookupId)
                    .query(String.class)
                    .optional()
                    .map(Status::valueOf));
            if (status.isEmpty()) {
                throttle.failed();
            }
            return status;
        } catch (LookupThrottle.Refused refused) {
            throw new Busy();
        }
    }
}
