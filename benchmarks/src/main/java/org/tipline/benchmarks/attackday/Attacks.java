package org.tipline.benchmarks.attackday;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.tipline.model.crypto.Receipt;

/** Every attack of issue 14, each a loop for a few threads until the deadline, each with its own tally. */
final class Attacks {

    /** An attack: its name, how many attackers run it at once, and one attempt. */
    record Attack(Tally tally, int attackers, Attempt attempt) {}

    @FunctionalInterface
    interface Attempt {
        String once() throws Exception;
    }

    private static final List<Map.Entry<String, String>> URGENT =
            List.of(Map.entry("happeningNow", "true"), Map.entry("indicators", "minor-in-commercial-sex"));

    private final URI intake;
    private final URI triage;
    private final String coordinatorName;
    private final byte[] pageBomb = Bombs.pageBombPdf();
    private final byte[] pixelBomb = Bombs.pixelBombPng();

    Attacks(URI intake, URI triage, String coordinatorName) {
        this.intake = intake;
        this.triage = triage;
        this.coordinatorName = coordinatorName;
    }

    List<Attack> all() {
        return List.of(
                new Attack(new Tally("1 made-up-name sign-ins (Argon2 decoy)"), 6, () -> signIn(randomName())),
                new Attack(new Tally("2 PDF page bomb on an urgent tip"), 1, this::pageBomb),
                new Attack(new Tally("3 pixel bomb uploads (49.98 MP PNG)"), 3, this::pixelBomb),
                new Attack(new Tally("4 multipart floods 5x10 MB, bad receipt"), 8, this::multipartFlood),
                new Attack(new Tally("6 wrong-receipt follow-up flood"), 2, this::wrongReceipt),
                new Attack(new Tally("7 random names, then coordinator's name"), 2, this::strangerFailures),
                new Attack(new Tally("8 review, then send without work"), 4, this::slowLaneFlood),
                new Attack(new Tally("9 malformed parameter names, /error"), 1, this::malformed));
    }

    private String signIn(String username) throws Exception {
        Web stranger = new Web(triage);
        var login = stranger.get("/login");
        var csrf = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                .matcher(login.body());
        var sent = stranger.postForm(
                "/login",
                List.of(
                        Map.entry("_csrf", csrf.find() ? csrf.group(1) : ""),
                        Map.entry("username", username),
                        Map.entry("password", "guess-" + UUID.randomUUID())));
        String location = sent.headers().firstValue("Location").orElse("").replaceFirst("^https?://[^/]+", "");
        return sent.statusCode() + (location.isEmpty() ? "" : " " + location);
    }

    private String strangerFailures() throws Exception {
        return signIn(ThreadLocalRandom.current().nextInt(4) == 0 ? coordinatorName : randomName());
    }

    private static String randomName() {
        return "u" + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
    }

    /** Just under the 10 MB each file may have, so only their number makes the body big. */
    private static final long FILLER_SIZE = 10L * 1024 * 1024 - 1024;

    private final ThreadLocal<String> receipt = new ThreadLocal<>();

    /** The attacker's own tip (proof of work done like anyone's), so its uploads pass the receipt check. */
    private String ownReceipt() throws Exception {
        if (receipt.get() == null) {
            receipt.set(GenuineTipster.file(new Web(intake), "attacker's tip, 1 Nowhere Lane", URGENT));
        }
        return receipt.get();
    }

    private String pageBomb() throws Exception {
        receipt.remove();
        return upload(ownReceipt(), List.of(pageBomb), 0);
    }

    private String pixelBomb() throws Exception {
        return upload(ownReceipt(), List.of(pixelBomb), 0);
    }

    private String multipartFlood() throws Exception {
        return upload("not-a-receipt", List.of(), 5);
    }

    /**
     * The status and what the page said (file attached, refused, no such tip), and how much of the body intake let
     * the attacker send before answering or closing the connection: the receipt is read first, so a wrong one should
     * be answered before the files are.
     */
    private String upload(String receipt, List<byte[]> files, int fillerFiles) throws Exception {
        String boundary = "attackday" + UUID.randomUUID();
        AtomicLong sent = new AtomicLong();
        String outcome;
        try {
            var response = new Web(intake)
                    .postMultipart(
                            "/status/attachments",
                            boundary,
                            () -> Bombs.counted(
                                    Bombs.multipart(boundary, receipt, files, fillerFiles, FILLER_SIZE), sent));
            outcome = response.statusCode() + said(response.body());
        } catch (IOException e) {
            outcome = "connection closed (" + e.getClass().getSimpleName() + ")";
        }
        return fillerFiles == 0 ? outcome : outcome + ", " + sentOf(sent.get(), fillerFiles * FILLER_SIZE);
    }

    /** Loopback socket buffers take a few MB whatever the server reads, so only "all of it" means it was read. */
    private static String sentOf(long sent, long body) {
        if (sent >= body) {
            return "all sent";
        }
        return sent < 10L << 20 ? "< 10 MB sent" : "10 MB or more sent, not all";
    }

    private static String said(String page) {
        if (page.contains("id=\"attached\"")) {
            return " attached";
        }
        if (page.contains("id=\"not-found\"")) {
            return " not found";
        }
        if (page.contains("id=\"receipt-error\"")) {
            return " not a receipt";
        }
        return page.contains("id=\"attach-error\"") ? " refused" : "";
    }

    private String wrongReceipt() throws Exception {
        var response = new Web(intake).postForm("/status", List.of(Map.entry("receipt", Receipt.generate())));
        return response.statusCode() + said(response.body());
    }

    /**
     * Ten requests a second across its four attackers, each a review (which issues a pass bound to its answers) and at
     * once a send without work: the pass is refused until its wait is over, and the passes issued raise the work and
     * the wait for the flood's own later tips (ADR 17), never past the bounds a genuine sender waits.
     */
    private String slowLaneFlood() throws Exception {
        long started = System.nanoTime();
        Web flooder = new Web(intake);
        var review = GenuineTipster.review(flooder, "flood " + UUID.randomUUID(), List.of());
        List<Map.Entry<String, String>> send = new ArrayList<>(Web.inputsOf(review.body(), "review-form"));
        send.add(Map.entry("step", "send"));
        var sent = flooder.postForm("/tips", send);
        long spentMillis = (System.nanoTime() - started) / 1_000_000;
        if (spentMillis < 800) {
            Thread.sleep(800 - spentMillis);
        }
        return "send " + sent.statusCode() + " (wait " + ProofOfWorkSolver.waitSeconds(review.body()) + " s)";
    }

    private static final List<String> MALFORMED =
            List.of("persons['1'].role", "persons[1 ].role", "persons[0x1].role", "persons\n[0].role", "a\r\nb");

    private int malformedTurn;

    private String malformed() throws Exception {
        int turn = malformedTurn++ % (MALFORMED.size() + 2);
        Web web = new Web(turn == MALFORMED.size() + 1 ? triage : intake);
        if (turn >= MALFORMED.size()) {
            return "GET /error (" + (turn == MALFORMED.size() ? "intake" : "triage") + ") "
                    + web.get("/error").statusCode();
        }
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        fields.add(Map.entry("location", "somewhere"));
        fields.add(Map.entry(MALFORMED.get(turn), "VICTIM"));
        fields.add(Map.entry("step", "review"));
        return MALFORMED.get(turn).replace("\n", "\\n").replace("\r", "\\r") + " "
                + web.postForm("/tips", fields).statusCode();
    }
}
