package org.tipline.benchmarks.attackday;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/** How many audit entries of each action the attack wrote: a flood must not become a flood of entries. */
final class AuditTrail {

    private final String url;
    private final String password;

    private AuditTrail(String url, String password) {
        this.url = url;
        this.password = password;
    }

    /** Through the owner password the launcher keeps in its data directory; null when there is none. */
    static AuditTrail of(String url, Path dataDirectory) throws IOException {
        Path file = dataDirectory.resolve("database-passwords.properties");
        if (url == null || !Files.exists(file)) {
            return null;
        }
        var properties = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            properties.load(in);
        }
        return new AuditTrail(url, properties.getProperty("owner"));
    }

    Map<String, Long> countsByAction() throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection owner = DriverManager.getConnection(url, "postgres", password);
                var rs = owner.createStatement()
                        .executeQuery("SELECT action, count(*) FROM audit_entry GROUP BY action")) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
        }
        return counts;
    }

    static Map<String, Long> added(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> added = new TreeMap<>();
        after.forEach((action, n) -> {
            long delta = n - before.getOrDefault(action, 0L);
            if (delta > 0) {
                added.put(action, delta);
            }
        });
        return added;
    }
}
