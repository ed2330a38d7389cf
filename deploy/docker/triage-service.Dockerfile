# syntax=docker/dockerfile:1
# The triage-service image. Build context: the repository root, after `./mvnw -DskipTests package`:
#   docker build -f deploy/docker/triage-service.Dockerfile -t ghcr.io/tipline/triage-service:$(git describe --always) .
# Layers from Spring Boot's jar tools, so a code change rebuilds only the small application layer.
FROM eclipse-temurin:17-jre-jammy AS layers
WORKDIR /build
COPY triage-service/target/triage-service-*.jar app.jar
RUN java -Djarmode=tools -jar app.jar extract --layers --launcher --destination extracted

FROM eclipse-temurin:17-jre-jammy
# Referral packet PDFs embed these fonts so every script prints (PdfFonts).
RUN apt-get update && apt-get install -y --no-install-recommends fonts-dejavu-core fonts-droid-fallback \
    && rm -rf /var/lib/apt/lists/*
# A fixed non-root user: manifests pin the same uid (runAsUser 10001) and the root filesystem is mounted read-only,
# with /tmp as the only writable place.
RUN groupadd --system --gid 10001 tipline \
    && useradd --system --uid 10001 --gid tipline --home-dir /nonexistent --shell /usr/sbin/nologin tipline
WORKDIR /app
COPY --from=layers /build/extracted/dependencies/ ./
COPY --from=layers /build/extracted/spring-boot-loader/ ./
COPY --from=layers /build/extracted/snapshot-dependencies/ ./
COPY --from=layers /build/extracted/application/ ./
USER 10001:10001
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -Djava.io.tmpdir=/tmp"
EXPOSE 8081 9090
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
