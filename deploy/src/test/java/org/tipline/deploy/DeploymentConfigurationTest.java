package org.tipline.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The deployment files agree with each other and with the apps: every YAML document parses; compose and Kubernetes
 * run the same images on the same ports as the Dockerfiles and the apps' defaults; every setting they pass is one the
 * app reads; the secrets each app gets are the same in both and are read by the app; metrics are only exposed on a
 * management port that nothing publishes.
 */
class DeploymentConfigurationTest {

    static final Path DEPLOY = Path.of("").toAbsolutePath();
    static final YAMLMapper YAML = new YAMLMapper();
    static final Map<String, String> IMAGES = Map.of(
            "intake", "ghcr.io/tipline/intake-web",
            "triage", "ghcr.io/tipline/triage-service");
    static final Map<String, Integer> PORTS = Map.of("intake", 8080, "triage", 8081);
    static final int MANAGEMENT_PORT = 9090;

    @Test
    void everyYamlDocumentParsesAndEveryKubernetesObjectIsComplete() throws IOException {
        List<Path> files = yamlFiles();
        assertThat(files).hasSizeGreaterThan(8);
        for (Path file : files) {
            for (JsonNode document : documents(file)) {
                if (file.getFileName().toString().endsWith(".patch.yaml")) {
                    assertThat(document.isArray()).as(file + " is a JSON patch").isTrue();
                    document.forEach(
                            operation -> assertThat(operation.path("op").asString()
                                            + operation.path("path").asString())
                                    .as(file + " operation")
                                    .startsWith("replace/spec/"));
                    continue;
                }
                assertThat(document.isObject()).as(file + " holds a mapping").isTrue();
                if (file.startsWith(DEPLOY.resolve("k8s"))
                        && !file.getFileName().toString().equals("kustomization.yaml")) {
                    assertThat(document.path("apiVersion").asString())
                            .as(file + " apiVersion")
                            .isNotEmpty();
                    assertThat(document.path("kind").asString())
                            .as(file + " kind")
                            .isNotEmpty();
                    assertThat(document.at("/metadata/name").asString())
                            .as(file + " name")
                            .isNotEmpty();
                }
            }
        }
        for (Path kustomization :
                files.stream().filter(f -> f.endsWith("kustomization.yaml")).toList()) {
            JsonNode root = documents(kustomization).get(0);
            List<String> named = new ArrayList<>();
            root.path("resources").forEach(resource -> named.add(resource.asString()));
            root.path("bases").forEach(base -> named.add(base.asString()));
            root.path("patchesJson6902")
                    .forEach(patch -> named.add(patch.path("path").asString()));
            for (String resource : named) {
                assertThat(kustomization.getParent().resolve(resource))
                        .as(kustomization + " names " + resource)
                        .exists();
            }
        }
    }

    @Test
    void composeKubernetesAndTheDockerfilesRunTheSameImagesOnTheAppsOwnPorts() throws IOException {
        JsonNode compose = compose();
        for (var app : IMAGES.entrySet()) {
            String service = app.getKey().equals("intake") ? "intake-1" : "triage";
            assertThat(compose.at("/services/" + service + "/image").asString()).startsWith(app.getValue() + ":");
            JsonNode container = deployment(app.getKey()).at("/spec/template/spec/containers/0");
            assertThat(container.path("image").asString()).isEqualTo(app.getValue());
            assertThat(containerPort(container, "http")).isEqualTo(PORTS.get(app.getKey()));
            assertThat(containerPort(container, "management")).isEqualTo(MANAGEMENT_PORT);

            String dockerfile = Files.readString(DEPLOY.resolve("docker/" + imageName(app.getValue()) + ".Dockerfile"));
            assertThat(dockerfile).contains("EXPOSE " + PORTS.get(app.getKey()) + " " + MANAGEMENT_PORT);
            assertThat(dockerfile).contains("USER 10001:10001");
            assertThat(container.at("/securityContext/readOnlyRootFilesystem").asBoolean())
                    .isTrue();
            assertThat(compose.at("/x-app/read_only").asBoolean()).isTrue();

            String properties = properties(app.getKey());
            String portVariable = app.getKey().equals("intake") ? "TIPLINE_INTAKE_PORT" : "TIPLINE_TRIAGE_PORT";
            assertThat(properties).contains("server.port=${" + portVariable + ":" + PORTS.get(app.getKey()) + "}");
            assertThat(environment(compose, service).get(portVariable))
                    .isEqualTo(PORTS.get(app.getKey()).toString());
            assertThat(configMap(app.getKey()).get(portVariable))
                    .isEqualTo(PORTS.get(app.getKey()).toString());
        }
        List<String> kustomizeImages = new ArrayList<>();
        documents(DEPLOY.resolve("k8s/base/kustomization.yaml"))
                .get(0)
                .path("images")
                .forEach(image -> kustomizeImages.add(image.path("name").asString()));
        assertThat(kustomizeImages).containsExactlyInAnyOrderElementsOf(IMAGES.values());
        String caddy = Files.readString(DEPLOY.resolve("compose/Caddyfile"));
        assertThat(caddy).contains("intake-1:8080 intake-2:8080").contains("health_port " + MANAGEMENT_PORT);
    }

    @Test
    void everySettingPassedToAnAppIsOneItReads() throws IOException {
        JsonNode compose = compose();
        for (String app : IMAGES.keySet()) {
            String service = app.equals("intake") ? "intake-1" : "triage";
            Set<String> placeholders = placeholders(properties(app));
            Map<String, String> passed = new TreeMap<>(environment(compose, service));
            passed.putAll(configMap(app));
            for (String name : passed.keySet()) {
                boolean springSetting = name.matches("(SPRING|MANAGEMENT|LOGGING)_[A-Z_]+");
                assertThat(springSetting || placeholders.contains(name))
                        .as(app + " is given " + name + ", which it does not read")
                        .isTrue();
            }
            if (passed.getOrDefault("MANAGEMENT_ENDPOINTS_WEB_EXPOSURE_INCLUDE", "")
                    .contains("prometheus")) {
                assertThat(passed.get("MANAGEMENT_SERVER_PORT")).isEqualTo(Integer.toString(MANAGEMENT_PORT));
            }
        }
        for (JsonNode published : compose.path("services").findValues("ports")) {
            published.forEach(port -> assertThat(port.asString()).doesNotContain(":" + MANAGEMENT_PORT));
        }
    }

    @Test
    void eachAppGetsTheSameSecretsInComposeAndKubernetesAndReadsThemAll() throws IOException {
        JsonNode compose = compose();
        for (String app : IMAGES.keySet()) {
            String service = app.equals("intake") ? "intake-1" : "triage";
            Set<String> fromCompose = new TreeSet<>();
            compose.at("/services/" + service + "/secrets").forEach(secret -> {
                if (secret.isString()) {
                    fromCompose.add(secret.asString());
                }
            });
            Set<String> fromKubernetes = new TreeSet<>();
            for (JsonNode volume : deployment(app).at("/spec/template/spec/volumes")) {
                if (volume.path("name").asString().equals("secrets")) {
                    volume.findValues("path").forEach(path -> fromKubernetes.add(path.asString()));
                }
            }
            assertThat(fromCompose).as(app + " secrets").isNotEmpty().isEqualTo(fromKubernetes);
            assertThat(placeholders(properties(app)))
                    .as(app + " reads its secrets")
                    .containsAll(fromCompose);
            for (String secret : fromCompose) {
                assertThat(compose.at("/secrets/" + secret + "/file").asString())
                        .isEqualTo("./secrets/" + secret);
            }
            assertThat(environment(compose, service).get("SPRING_CONFIG_IMPORT"))
                    .isEqualTo("optional:configtree:/run/secrets/")
                    .isEqualTo(configMap(app).get("SPRING_CONFIG_IMPORT"));
        }
        String manifests = Files.readString(DEPLOY.resolve("k8s/base/triage.yaml"))
                + Files.readString(DEPLOY.resolve("k8s/base/intake.yaml"))
                + Files.readString(DEPLOY.resolve("compose/compose.yaml"));
        assertThat(manifests)
                .doesNotContainPattern("(?i)(password|secret)[ \\t]*:[ \\t]*[^\\s|]")
                .doesNotContain("stringData");
    }

    private static List<Path> yamlFiles() throws IOException {
        try (Stream<Path> walk =
                Stream.concat(Files.walk(DEPLOY.resolve("compose")), Files.walk(DEPLOY.resolve("k8s")))) {
            return walk.filter(
                            p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .sorted()
                    .toList();
        }
    }

    private static List<JsonNode> documents(Path file) throws IOException {
        try (var parser = YAML.createParser(file.toFile())) {
            List<JsonNode> documents = new ArrayList<>();
            YAML.readValues(parser, JsonNode.class).forEachRemaining(documents::add);
            return documents;
        }
    }

    private static JsonNode compose() throws IOException {
        return documents(DEPLOY.resolve("compose/compose.yaml")).get(0);
    }

    private static JsonNode deployment(String app) throws IOException {
        return documents(DEPLOY.resolve("k8s/base/" + app + ".yaml")).stream()
                .filter(d -> d.path("kind").asString().equals("Deployment"))
                .findFirst()
                .orElseThrow();
    }

    private static Map<String, String> configMap(String app) throws IOException {
        Map<String, String> data = new TreeMap<>();
        documents(DEPLOY.resolve("k8s/base/config.yaml")).stream()
                .filter(d -> d.at("/metadata/name").asString().equals("tipline-" + app))
                .findFirst()
                .orElseThrow()
                .path("data")
                .properties()
                .forEach(e -> data.put(e.getKey(), e.getValue().asString()));
        return data;
    }

    /** A compose service's environment, with YAML merge keys resolved the way compose resolves them. */
    private static Map<String, String> environment(JsonNode compose, String service) {
        Map<String, String> environment = new TreeMap<>();
        compose.at("/services/" + service + "/environment")
                .properties()
                .forEach(e -> environment.put(e.getKey(), e.getValue().asString()));
        return environment;
    }

    private static int containerPort(JsonNode container, String name) {
        for (JsonNode port : container.path("ports")) {
            if (port.path("name").asString().equals(name)) {
                return port.path("containerPort").asInt();
            }
        }
        throw new AssertionError("no port named " + name);
    }

    private static String imageName(String image) {
        return image.substring(image.lastIndexOf('/') + 1);
    }

    private static String properties(String app) throws IOException {
        String module = app.equals("intake") ? "intake-web" : "triage-service";
        return Files.readString(DEPLOY.resolve("../" + module + "/src/main/resources/application.properties"));
    }

    private static Set<String> placeholders(String properties) {
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]+)").matcher(properties);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
