package org.tipline.intake.abuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The browser's proof-of-work worker, run unchanged under node, against the known answers that shared-model's
 * {@code BalloonHashTest} checks the server's BalloonHash with: both sides agree byte for byte without a browser.
 * CI has node (it installs the e2e packages with npm); where node is missing the test is skipped, not passed.
 */
class BalloonWorkerVectorsTest {

    private static final Path VECTORS = Path.of("../shared-model/src/test/resources/balloon-hash-vectors.json");
    private static final Path WORKER = Path.of("src/main/resources/static/js/proof-of-work-worker.js");
    private static final Path RUNNER = Path.of("src/test/resources/balloon-worker-vectors.js");

    @Test
    void theWorkerComputesEveryKnownAnswer() throws Exception {
        assumeTrue(nodePresent(), "node is not on the PATH");
        List<String> expected = new ArrayList<>();
        Matcher digest =
                Pattern.compile("\"digest\"\\s*:\\s*\"([0-9a-f]{64})\"").matcher(Files.readString(VECTORS));
        while (digest.find()) {
            expected.add(digest.group(1));
        }
        assertThat(expected).hasSizeGreaterThanOrEqualTo(4);
        // Its 'check' message (the production parameters) answers for the last vector's password.
        expected.add(expected.get(expected.size() - 1));

        Process node = new ProcessBuilder("node", RUNNER.toString(), WORKER.toString(), VECTORS.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(node.exitValue()).as(output).isZero();
        assertThat(output.lines().toList()).isEqualTo(expected);
    }

    private static boolean nodePresent() {
        try {
            return new ProcessBuilder("node", "--version").start().waitFor(20, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException absent) {
            return false;
        }
    }
}
