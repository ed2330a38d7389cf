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
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Watches the temporary directory and this server's Tomcat directories while a request runs, and reads every file
 * the moment it appears: a plaintext upload written to disk and deleted a millisecond later is still caught.
 */
final class TempFileWatch implements AutoCloseable {

    private final WatchService watch = FileSystems.getDefault().newWatchService();
    private final String marker;
    private final List<Path> holdingMarker = new CopyOnWriteArrayList<>();
    private final Thread reader;

    TempFileWatch(int port, String marker) throws IOException {
        this.marker = marker;
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        tmp.register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
        try (var tomcat = Files.newDirectoryStream(tmp, "tomcat." + port + ".*")) {
            for (Path base : tomcat) {
                try (var dirs = Files.walk(base)) {
                    for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                        dir.register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
                    }
                }
            }
        }
        reader = new Thread(this::readAsTheyAppear);
        reader.setDaemon(true);
        reader.start();
    }

    private void readAsTheyAppear() {
        try {
            while (true) {
                WatchKey key = watch.take();
                for (var event : key.pollEvents()) {
                    if (event.context() instanceof Path name) {
                        Path file = ((Path) key.watchable()).resolve(name);
                        if (holds(file)) {
                            holdingMarker.add(file);
                        }
                    }
                }
                key.reset();
            }
        } catch (InterruptedException | ClosedWatchServiceException stopped) {
            // The request is over.
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
