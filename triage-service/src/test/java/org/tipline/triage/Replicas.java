package org.tipline.triage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Triage replicas as separate Spring applications on one database, as two pods run them. Close to stop them all. */
final class Replicas implements AutoCloseable {

    private final List<ConfigurableApplicationContext> running = new ArrayList<>();

    /** Starts {@code count} replicas with the setup's database and these extra properties. */
    static Replicas start(TriageTestSetup setup, int count, Map<String, Object> extra) {
        return start(setup, count, replica -> extra);
    }

    /** Starts {@code count} replicas, each with its own extra properties (by replica index). */
    static Replicas start(TriageTestSetup setup, int count, IntFunction<Map<String, Object>> extra) {
        var replicas = new Replicas();
        for (int i = 0; i < count; i++) {
            Map<String, Object> properties = new LinkedHashMap<>(setup.properties());
            properties.put("server.port", "0");
            properties.putAll(extra.apply(i));
            String[] arguments = properties.entrySet().stream()
                    .map(p -> "--" + p.getKey() + "=" + p.getValue())
                    .toArray(String[]::new);
            replicas.running.add(new SpringApplicationBuilder(TriageApplication.class).run(arguments));
        }
        return replicas;
    }

    <T> T bean(int replica, Class<T> type) {
        return running.get(replica).getBean(type);
    }

    @Override
    public void close() {
        running.forEach(ConfigurableApplicationContext::close);
    }
}
