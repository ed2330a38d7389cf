package org.tipline.intake;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * Watches a server's own Tomcat base directory (every directory in it, including ones made while the watch runs) and
 * the JVM's temporary directory while a request runs, and reads every file the moment it appears: a plaintext upload
 * that Tomcat spills to disk and deletes at the end of the request is still caught.
 */
final class TempFileWatch implements AutoCloseable {

    private final WatchService watch = FileSystems.getDefault().newWatchService();
    private final String marker;
    private final Set<Path> holdingMarker = new CopyOnWriteArraySet<>();
    private final Thread reader;

    TempFileWatch(Path tomcatBase, String marker) throws IOException {
        this.marker = marker;
        register(Path.of(System.getProperty("java.io.tmpdir")));
        registerTree(tomcatBase);
        reader = new Thread(this::readAsTheyAppear);
        reader.setDaemon(true);
        reader.start();
    }

    private void register(Path dir) throws IOException {
        dir.register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
    }

    /** Registers every directory below {@code base} and reads the files already there (made before registration). */
    private void registerTree(Path base) throws IOException {
        try (var paths = Files.walk(base)) {
            for (Path path : paths.toList()) {
                if (Files.isDirectory(path)) {
                    register(path);
                } else {
                    check(path);
                }
            }
        }
    }

    private void readAsTheyAppear() {
        try {
            while (true) {
                WatchKey key = watch.take();
                for (var event : key.pollEvents()) {
                    if (event.context() instanceof Path name) {
                        Path found = ((Path) key.watchable()).resolve(name);
                        if (Files.isDirectory(found)) {
                            registerTree(found);
                        } else {
                            check(found);
                        }
                    }
                }
                key.reset();
            }
        } catch (InterruptedException | ClosedWatchServiceException | IOException stopped) {
            // The request is over, or the watched tree went away.
        }
    }

    private void check(Path file) {
        if (holds(file)) {
            holdingMarker.add(file);
        }
    }

    private boolean holds(Path file) {
        try {
            return Files.isRegularFile(file)
                    && Files.size(file) < 60_000_000
                    && new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(marker);
        } catch (IOException | RuntimeException goneAlready) {
            return false;
        }
    }

    /** Files that held the marker while the watch ran. */
    List<Path> plaintextFiles() {
        return List.copyOf(holdingMarker);
    }

    /** Waits for late events, then stops watching; the lists stay readable. */
    List<Path> stop() throws IOException {
        try {
            Thread.sleep(200);
            watch.close();
            reader.join(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return plaintextFiles();
    }

    @Override
    public void close() throws IOException {
        watch.close();
    }
}
