package org.tipline.intake;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
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
    private final Path tomcatBase;

    TempFileWatch(Path tomcatBase, String marker) throws IOException {
        this.marker = marker;
        this.tomcatBase = tomcatBase;
        register(Path.of(System.getProperty("java.io.tmpdir")));
        registerTree(tomcatBase);
        reader = new Thread(this::readAsTheyAppear);
        reader.setDaemon(true);
        reader.start();
    }

    private void register(Path dir) throws IOException {
        dir.register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
    }

    /**
     * Registers every directory below {@code base} and reads the files already there (made before registration). An
     * entry that vanishes mid-walk is skipped, not allowed to end the walk.
     */
    private void registerTree(Path base) throws IOException {
        Files.walkFileTree(base, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                try {
                    register(dir);
                    return FileVisitResult.CONTINUE;
                } catch (IOException gone) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                check(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException gone) {
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private void readAsTheyAppear() {
        try {
            while (true) {
                WatchKey key = watch.take();
                for (var event : key.pollEvents()) {
                    if (event.context() instanceof Path name) {
                        see(((Path) key.watchable()).resolve(name));
                    }
                }
                key.reset();
            }
        } catch (InterruptedException | ClosedWatchServiceException stopped) {
            // The request is over.
        }
    }

    /**
     * Follows new directories only inside the server's base: the shared temporary directory gets directories from
     * other processes (a build, a database) that may vanish mid-walk, and one such failure must not end the watch.
     */
    private void see(Path found) {
        try {
            if (Files.isDirectory(found) && found.startsWith(tomcatBase)) {
                registerTree(found);
            } else {
                check(found);
            }
        } catch (IOException goneAlready) {
            // Made and removed by someone else between the event and the walk.
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
