package org.tipline.triage.tips;

/**
 * The change is not allowed in the tip's current state (a closed tip forwarded, a status set by hand that only
 * arriving or referring sets, a question to a tipster without a reply key, a tip in a case with itself). The console
 * answers 409; its forms check what they can before, so reaching this means a stale or hand-made request.
 */
public class TipStateConflict extends RuntimeException {
    public TipStateConflict(String reason) {
        super(reason);
    }
}
