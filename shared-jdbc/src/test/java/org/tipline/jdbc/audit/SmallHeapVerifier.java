package org.tipline.jdbc.audit;

import java.sql.DriverManager;
import java.time.Instant;

/** Run in its own JVM by {@link LongChainInASmallHeapTest}: signs a checkpoint over the chain, then verifies it. */
final class SmallHeapVerifier {

    private SmallHeapVerifier() {}

    public static void main(String[] arguments) throws Exception {
        try (var owner = DriverManager.getConnection(arguments[0], arguments[1], arguments[2])) {
            var privateKey = AuditVerifier.privateKey(arguments[3]);
            var signed =
                    AuditVerifier.checkpoint(owner, privateKey, Instant.now()).orElseThrow();
            System.out.println("checkpoint of " + signed.treeSize());
            var result = AuditVerifier.verify(owner, privateKey.generatePublicKey());
            System.out.println((result.intact() ? "intact " : "broken ") + result.entries() + " " + result.problem());
        }
    }
}
