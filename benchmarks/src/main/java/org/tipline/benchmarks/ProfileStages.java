package org.tipline.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Shares of intake's CPU per stage of filing a tip, from a JDK Flight Recorder file of a load run (benchmarks/intake/
 * run.sh with PROFILE=file.jfr). Each execution sample goes to the first stage, in the order below, that has a frame on
 * its stack; so SHA-256 inside the tipster's key derivation counts for the key derivation, and Tomcat writing the page
 * Thymeleaf renders counts for rendering. Also prints the JVM's whole CPU use (GC and JIT included) and GC pauses.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar org.tipline.benchmarks.ProfileStages intake.jfr</pre>
 */
public final class ProfileStages {

    private record Stage(String name, Predicate<List<String>> matches) {}

    private static final List<Stage> STAGES = List.of(
            stage("X-Wing: tipster's reply key pair (Receipt.tipsterKeys)", "Receipt.tipsterKeys"),
            stage("X-Wing: data key wrap (TipLinePublicKey.wrapDataKey)", "TipLinePublicKey.wrapDataKey"),
            stage("AES-GCM sealing of the answers", "SealedField.seal"),
            stage("answer encoding (TipAnswersCodec)", "TipAnswersCodec."),
            stage("urgency (UrgencyPolicy.assess)", "UrgencyPolicy.assess"),
            stage("validation (TipFormValidator)", "TipFormValidator."),
            stage("submission token and receipt MAC", "SubmissionTokens.", "Receipt."),
            stage(
                    "JDBC and commit",
                    "org.postgresql.",
                    "com.zaxxer.hikari.",
                    "springframework.jdbc.",
                    "springframework.transaction."),
            new Stage("rendering the form page (GET)", s -> has(s, "thymeleaf.") && has(s, "FrameworkServlet.doGet")),
            new Stage("rendering the receipt page (POST)", s -> has(s, "thymeleaf.")),
            stage("logging and metrics", "io.micrometer.", "ch.qos.logback.", "org.slf4j.", "observation."),
            stage(
                    "binding the form (incl. nested lists)",
                    "DataBinder.",
                    "BeanWrapper",
                    "ModelAttributeMethodProcessor",
                    "TypeConverter",
                    "refuseImpossibleBlockIndexes",
                    "web.TipForm.",
                    "PersonSeen.",
                    "VehicleSeen."),
            stage(
                    "HTTP: Tomcat, parameters, filters, Spring MVC",
                    "org.apache.",
                    "org.springframework.web.",
                    "jakarta.servlet."));

    private ProfileStages() {}

    public static void main(String[] args) throws Exception {
        Map<String, Integer> counts = new LinkedHashMap<>();
        STAGES.forEach(s -> counts.put(s.name(), 0));
        counts.put("other (request threads)", 0);
        counts.put("other threads (pool housekeeping, timers)", 0);
        int samples = 0;
        double cpuSum = 0;
        int cpuEvents = 0;
        long gcPauseNanos = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            switch (event.getEventType().getName()) {
                case "jdk.ExecutionSample" -> {
                    samples++;
                    counts.merge(classify(event), 1, Integer::sum);
                }
                case "jdk.CPULoad" -> {
                    cpuSum += event.getFloat("jvmUser") + event.getFloat("jvmSystem");
                    cpuEvents++;
                }
                case "jdk.GarbageCollection" -> gcPauseNanos += event.getLong("sumOfPauses");
                default -> {}
            }
        }
        System.out.printf(
                "%d execution samples; JVM CPU %.0f%% of the machine on average; GC pauses %d ms%n",
                samples, cpuEvents == 0 ? 0 : 100 * cpuSum / cpuEvents, gcPauseNanos / 1_000_000);
        System.out.println("| stage | samples | share |");
        System.out.println("| --- | --- | --- |");
        for (var entry : counts.entrySet()) {
            System.out.printf(
                    "| %s | %d | %.1f%% |%n",
                    entry.getKey(), entry.getValue(), samples == 0 ? 0 : 100.0 * entry.getValue() / samples);
        }
    }

    private static String classify(RecordedEvent sample) {
        RecordedStackTrace stack = sample.getStackTrace();
        List<String> frames = new ArrayList<>();
        if (stack != null) {
            for (RecordedFrame frame : stack.getFrames()) {
                frames.add(frame.getMethod().getType().getName() + "."
                        + frame.getMethod().getName());
            }
        }
        String thread = sample.getThread("sampledThread") == null
                ? ""
                : String.valueOf(sample.getThread("sampledThread").getJavaName());
        if (!thread.startsWith("http-nio")) {
            return "other threads (pool housekeeping, timers)";
        }
        for (Stage stage : STAGES) {
            if (stage.matches().test(frames)) {
                return stage.name();
            }
        }
        return "other (request threads)";
    }

    private static Stage stage(String name, String... markers) {
        return new Stage(name, frames -> {
            for (String marker : markers) {
                if (has(frames, marker)) {
                    return true;
                }
            }
            return false;
        });
    }

    private static boolean has(List<String> frames, String marker) {
        for (String frame : frames) {
            if (frame.contains(marker)) {
                return true;
            }
        }
        return false;
    }
}
