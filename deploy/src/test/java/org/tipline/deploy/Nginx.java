package org.tipline.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Debian's nginx as the tests' balancer: one foreground process on loopback, everything it writes under one folder. */
final class Nginx {

    private Nginx() {}

    /**
     * Writes {@code nginx.conf} with the given content of its {@code http} block and starts nginx; the caller stops
     * the process. Returns once {@code readyUrl} answers 200.
     */
    static Process start(Path directory, String http, String readyUrl) throws IOException, InterruptedException {
        for (String dir : List.of("body", "proxy", "fastcgi", "uwsgi", "scgi", "logs")) {
            Path created = Files.createDirectories(directory.resolve(dir));
            created.toFile().setWritable(true, false);
        }
        Files.writeString(directory.resolve("nginx.conf"), """
                daemon off;
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/logs/error.log warn;
                events { worker_connections 512; }
                http {
                    access_log off;
                    client_body_temp_path %1$s/body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                """.formatted(directory) + http + "}\n");
        Process nginx = new ProcessBuilder(
                        "nginx",
                        "-p",
                        directory.toString(),
                        "-c",
                        directory.resolve("nginx.conf").toString())
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("logs/stdout.log").toFile())
                .start();
        try {
            TestProcesses.awaitHttp(readyUrl, Duration.ofSeconds(20));
        } catch (IllegalStateException e) {
            nginx.destroy();
            throw new IllegalStateException(e.getMessage() + "; nginx said: "
                    + Files.readString(directory.resolve("logs/stdout.log"))
                    + Files.readString(directory.resolve("logs/error.log")));
        }
        return nginx;
    }

    /**
     * The public form's balancer as the deployment guide has it: round robin over the intake instances, a POST that
     * failed on one sent again on the other (a submission is idempotent, ADR 8), and a "send again" page when none
     * answers.
     */
    static String publicForm(Path directory, int listen, int intakeA, int intakeB) throws IOException {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("busy.html"), """
                <!DOCTYPE html><html lang="en"><title>Please send again</title>
                <p>The tip line is busy and your tip was not sent yet. Press Send again in a moment:
                sending the same form twice files it only once.</p></html>
                """);
        return """
                    upstream intake {
                        server 127.0.0.1:%2$d max_fails=1 fail_timeout=10s;
                        server 127.0.0.1:%3$d max_fails=1 fail_timeout=10s;
                    }
                    server {
                        listen 127.0.0.1:%4$d;
                        client_max_body_size 60m;
                        location / {
                            proxy_pass http://intake;
                            proxy_http_version 1.1;
                            proxy_set_header Connection "";
                            proxy_next_upstream error timeout http_502 http_503 non_idempotent;
                            proxy_connect_timeout 2s;
                            proxy_intercept_errors on;
                            error_page 502 503 504 /busy.html;
                            add_header X-Upstream $upstream_addr;
                        }
                        location = /busy.html { root %1$s; internal; }
                    }
                """.formatted(directory, intakeA, intakeB, listen);
    }

    /**
     * The console's balancer: a staff member's requests must keep reaching the replica that holds their session (and
     * their unlocked keys). Debian's nginx has no {@code sticky} directive, and {@code ip_hash} would put a whole
     * office behind one NAT on one replica, so nginx pins each browser with a route cookie of its own: a browser
     * without one is hashed on the request's random id, which becomes its cookie. The session cookie itself is no
     * key, since signing in changes it. When the pinned replica is down, the consistent hash moves its browsers to
     * the next one, where they sign in again.
     */
    static String console(int listen, int triageA, int triageB) {
        return """
                    map $cookie_tipline_route $tipline_route {
                        "" $request_id;
                        default $cookie_tipline_route;
                    }
                    map $cookie_tipline_route $tipline_route_cookie {
                        "" "tipline_route=$request_id; Path=/; HttpOnly; SameSite=Strict";
                        default "";
                    }
                    upstream console {
                        hash $tipline_route consistent;
                        server 127.0.0.1:%1$d max_fails=1 fail_timeout=10s;
                        server 127.0.0.1:%2$d max_fails=1 fail_timeout=10s;
                    }
                    server {
                        listen 127.0.0.1:%3$d;
                        client_max_body_size 60m;
                        location / {
                            proxy_pass http://console;
                            proxy_http_version 1.1;
                            proxy_set_header Connection "";
                            proxy_set_header Host $http_host;
                            proxy_connect_timeout 2s;
                            add_header Set-Cookie $tipline_route_cookie;
                            add_header X-Upstream $upstream_addr;
                        }
                    }
                """.formatted(triageA, triageB, listen);
    }
}
