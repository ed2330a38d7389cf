package org.tipline.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The deployment files checked by the tools that will read them, on a copy with placeholder secrets: Caddy validates
 * the Caddyfile, Tor the torrc, docker-compose the compose file (both profiles), and kubectl's kustomize builds both
 * overlays, whose output is then checked for what the cluster must enforce. Needs Debian's caddy, tor,
 * docker-compose and kubernetes-client (kubectl 1.20, whose older kustomize the overlays are written for); `.ci/run` installs them and runs this in the multi-instance profile. No container is
 * started: there is no container engine on these machines.
 */
class DeploymentToolsIT {

    @TempDir
    static Path copy;

    @BeforeAll
    static void copyWithPlaceholderSecrets() throws IOException {
        Path deploy = Path.of("").toAbsolutePath();
        for (String folder : List.of("compose", "k8s")) {
            try (Stream<Path> files = Files.walk(deploy.resolve(folder))) {
                for (Path file : files.toList()) {
                    Path target = copy.resolve(deploy.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(file, target);
                    }
                }
            }
        }
        Files.copy(
                deploy.resolve("sql/roles.sql"),
                Files.createDirectories(copy.resolve("sql")).resolve("roles.sql"));
        Path secrets = Files.createDirectories(copy.resolve("compose/secrets"));
        for (String secret : List.of(
                "TIPLINE_DB_OWNER_PASSWORD",
                "TIPLINE_INTAKE_DB_PASSWORD",
                "TIPLINE_TRIAGE_DB_PASSWORD",
                "TIPLINE_PROOF_OF_WORK_SECRET",
                "audit-checkpoint.key")) {
            Files.writeString(secrets.resolve(secret), "placeholder\n");
        }
        for (Path key : List.of(
                copy.resolve("compose/tip-line-public-key"),
                copy.resolve("k8s/overlays/production/tip-line-public-key"),
                copy.resolve("k8s/overlays/staging/tip-line-public-key"))) {
            Files.writeString(key, "placeholder\n");
        }
    }

    @Test
    void caddyAcceptsTheCaddyfile() throws Exception {
        Result caddy = run(
                copy.resolve("compose"),
                Map.of("TIPLINE_PUBLIC_HOST", "tips.example.org"),
                "caddy",
                "validate",
                "--config",
                "Caddyfile",
                "--adapter",
                "caddyfile");
        assertThat(caddy.exit()).as(caddy.output()).isZero();
        assertThat(caddy.output()).contains("Valid configuration");
    }

    @Test
    void torAcceptsTheOnionServiceConfiguration() throws Exception {
        Path data = Files.createDirectories(copy.resolve("tor-data"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
        String torrc = Files.readString(copy.resolve("compose/tor/torrc")).replace("/var/lib/tor", data.toString());
        Path config = Files.writeString(copy.resolve("compose/tor/torrc.test"), torrc);
        Result tor = run(copy, Map.of(), "tor", "--verify-config", "-f", config.toString());
        assertThat(tor.exit()).as(tor.output()).isZero();
        assertThat(tor.output()).contains("Configuration was valid");
    }

    @Test
    void dockerComposeAcceptsTheComposeFileWithAndWithoutTheOnionProfile() throws Exception {
        for (List<String> profile : List.of(List.<String>of(), List.of("--profile", "onion"))) {
            List<String> command = new ArrayList<>(List.of("docker-compose", "-p", "tipline", "-f", "compose.yaml"));
            command.addAll(profile);
            command.addAll(List.of("config", "--services"));
            Result compose = run(copy.resolve("compose"), Map.of(), command.toArray(String[]::new));
            assertThat(compose.exit()).as(compose.output()).isZero();
            assertThat(compose.output()).doesNotContain("ignored").doesNotContain("WARNING");
            assertThat(compose.output().lines()).contains("postgres", "triage", "intake-1", "intake-2", "caddy", "tor");
        }
    }

    @Test
    void bothOverlaysBuildIntoWhatTheClusterMustEnforce() throws Exception {
        List<JsonNode> production = kustomize("production");
        List<JsonNode> staging = kustomize("staging");

        assertThat(kinds(production)).doesNotContain("Secret");
        assertThat(find(production, "Cluster", "tipline-db")
                        .at("/spec/instances")
                        .asInt())
                .isEqualTo(3);
        assertThat(find(staging, "Cluster", "tipline-db").at("/spec/instances").asInt())
                .isEqualTo(1);
        assertThat(find(production, "Namespace", "tipline")
                        .at("/metadata/labels")
                        .path("pod-security.kubernetes.io/enforce")
                        .asString())
                .isEqualTo("restricted");
        for (String app : List.of("intake", "triage")) {
            JsonNode pod = find(production, "Deployment", app).at("/spec/template/spec");
            assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
            JsonNode container = pod.at("/containers/0");
            assertThat(container.at("/securityContext/readOnlyRootFilesystem").asBoolean())
                    .isTrue();
            assertThat(container.at("/securityContext/allowPrivilegeEscalation").asBoolean())
                    .isFalse();
            assertThat(container.at("/image").asString()).endsWith(":0.1.0");
            assertThat(container.at("/readinessProbe/httpGet/port").asString()).isEqualTo("management");
            assertThat(find(production, "NetworkPolicy", app)).isNotNull();
        }
        // Selectors stay exactly as written: a label added by a transformer would make DNS or the database unreachable.
        assertThat(find(production, "NetworkPolicy", "intake").at("/spec/egress/1/to/0/podSelector/matchLabels"))
                .hasSize(1);
        assertThat(find(production, "NetworkPolicy", "database").at("/spec/podSelector/matchLabels"))
                .hasSize(1);
        assertThat(find(production, "Service", "triage")
                        .at("/spec/sessionAffinity")
                        .asString())
                .isEqualTo("ClientIP");
        assertThat(find(production, "HorizontalPodAutoscaler", "intake")
                        .at("/spec/maxReplicas")
                        .asInt())
                .isEqualTo(12);
        assertThat(find(production, "Ingress", "intake")
                        .at("/spec/ingressClassName")
                        .asString())
                .isEqualTo("public");
        assertThat(find(production, "Ingress", "triage")
                        .at("/spec/ingressClassName")
                        .asString())
                .isEqualTo("staff");
        assertThat(staging.stream()
                        .filter(d -> d.path("kind").asString().equals("Ingress"))
                        .count())
                .as("staging has no staff ingress")
                .isEqualTo(1);
    }

    private static List<JsonNode> kustomize(String overlay) throws Exception {
        Result build = run(copy.resolve("k8s"), Map.of(), "kubectl", "kustomize", "overlays/" + overlay);
        assertThat(build.exit()).as(build.output()).isZero();
        var yaml = new YAMLMapper();
        List<JsonNode> documents = new ArrayList<>();
        try (var parser = yaml.createParser(build.output())) {
            yaml.readValues(parser, JsonNode.class).forEachRemaining(documents::add);
        }
        return documents;
    }

    private static List<String> kinds(List<JsonNode> documents) {
        return documents.stream().map(d -> d.path("kind").asString()).toList();
    }

    private static JsonNode find(List<JsonNode> documents, String kind, String name) {
        return documents.stream()
                .filter(d -> d.path("kind").asString().equals(kind)
                        && d.at("/metadata/name").asString().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    private record Result(int exit, String output) {}

    private static Result run(Path directory, Map<String, String> environment, String... command) throws Exception {
        var builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }
}
