package io.cruddur.messaging.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.cruddur.messaging.app.config.ConnectionLimits;
import io.cruddur.messaging.app.config.HostConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Clients that hold connections open: trickled bodies, bodies that end early, connection floods. */
class SlowClientsTest {
    private static final String HEALTH = "GET /health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
    private static Deployment host;
    /** One second for a body, three connections per address. */
    private static Deployment strict;
    private static String andrew;

    @BeforeAll
    static void start() {
        host = Deployment.memory(HostConfig.from(HostConfig.Mode.MEMORY, 0, Map.of()));
        strict = Deployment.memory(HostConfig.from(HostConfig.Mode.MEMORY, 0, Map.of())
                .withConnections(new ConnectionLimits(Duration.ofSeconds(1), 3, 100, false)));
        andrew = new ApiClient(host.port()).login("andrewbrown");
    }

    @AfterAll
    static void stop() {
        host.close();
        strict.close();
    }

    @Test
    void a_body_not_in_by_the_deadline_is_refused_and_its_connection_closed() {
        try (RawConnection slow = RawConnection.open("127.0.0.1", strict.port())) {
            slow.write(RawConnection.head("POST", "/dev/login", null, 100) + "{");
            String answer = null;
            for (int second = 0; second < 5 && answer == null; second++) {
                slow.tryWrite(" ");
                answer = slow.readAnswer(Duration.ofSeconds(1));
            }

            assertThat(answer).startsWith("HTTP/1.1 408").endsWith("[\"body_too_slow\"]");
            assertThat(slow.closedByHost(Duration.ofSeconds(2))).isTrue();
        }
    }

    @Test
    void one_address_holds_no_more_connections_than_its_limit() {
        List<RawConnection> held = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                held.add(RawConnection.open("127.0.0.20", strict.port()));
            }
            // the host may take the four in any order: whichever it counts fourth is the one closed
            List<RawConnection> closed = held.stream().filter(c -> c.closedByHost(Duration.ofSeconds(1))).toList();
            assertThat(closed).hasSize(1);
            held.removeAll(closed);
            try (RawConnection elsewhere = RawConnection.open("127.0.0.21", strict.port())) {
                assertThat(elsewhere.write(HEALTH).readAnswer(Duration.ofSeconds(5))).startsWith("HTTP/1.1 200");
            }
            held.remove(0).close();
            // the host counts the closed one out when it sees the close: a moment later
            String again = "";
            for (int attempt = 0; attempt < 50 && !again.startsWith("HTTP/1.1 200"); attempt++) {
                sleep(Duration.ofMillis(100));
                try (RawConnection connection = RawConnection.open("127.0.0.20", strict.port())) {
                    again = connection.tryWrite(HEALTH) ? String.valueOf(connection.readAnswer(Duration.ofSeconds(5))) : "";
                }
            }
            assertThat(again).as("a connection once one closed").startsWith("HTTP/1.1 200");
        } finally {
            held.forEach(RawConnection::close);
        }
    }

    @Test
    void a_chunked_body_over_the_size_is_refused() {
        String chunk = "x".repeat(4_096);
        StringBuilder request = new StringBuilder("POST /dev/login HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
        for (int i = 0; i < 6; i++) {
            request.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
        }
        request.append("0\r\n\r\n");

        assertThat(exchange(request.toString())).startsWith("HTTP/1.1 413").endsWith("[\"body_too_large\"]");
    }

    @Test
    void a_body_that_ends_early_is_malformed_and_logs_no_error() {
        String logged = StandardError.during(() -> {
            for (String path : new String[] {"/dev/login", "/api/messages"}) {
                try (RawConnection early = RawConnection.open("127.0.0.1", host.port())) {
                    String answer = early.write(RawConnection.head("POST", path, andrew, 100) + "{\"handle\":")
                            .endOutput().readAnswer(Duration.ofSeconds(5));

                    assertThat(answer).as(path).startsWith("HTTP/1.1 400").endsWith("[\"body_malformed\"]");
                }
            }
        });

        assertThat(logged).doesNotContain("ERROR").doesNotContain("Exception");
    }

    @Test
    void the_servers_own_refusals_answer_with_codes_too() {
        assertThat(exchange("GET /" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n"))
                .startsWith("HTTP/1.1 414").endsWith("[\"uri_too_long\"]");
        assertThat(exchange("GET /health HTTP/1.1\r\nHost: localhost\r\nX-Junk: " + "j".repeat(20_000) + "\r\n\r\n"))
                .startsWith("HTTP/1.1 431").endsWith("[\"headers_too_large\"]");
        assertThat(exchange("GET /health HTTP/1.1\r\nHost: localhost\r\nBad Header\r\n\r\n"))
                .startsWith("HTTP/1.1 400").endsWith("[\"request_malformed\"]");
    }

    private static String exchange(String request) {
        return RawConnection.exchange("127.0.0.1", host.port(), request);
    }

    private static void sleep(Duration time) {
        try {
            Thread.sleep(time.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    @Test
    void the_host_keeps_answering_while_300_connections_trickle_their_bodies() {
        List<RawConnection> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 300; i++) {
                String from = "127.0.0." + (2 + i / 50);
                String head = i % 2 == 0 ? RawConnection.head("POST", "/dev/login", null, 100)
                        : RawConnection.head("POST", "/api/messages", andrew, 100);
                slow.add(RawConnection.open(from, host.port()).write(head + "{"));
            }
            for (int second = 0; second < 4; second++) {
                slow.forEach(connection -> connection.tryWrite(" "));
                sleep(Duration.ofSeconds(1));
            }

            try (RawConnection health = RawConnection.open("127.0.0.1", host.port())) {
                String answer = health.write(HEALTH)
                        .readAnswer(Duration.ofSeconds(5));

                assertThat(answer).startsWith("HTTP/1.1 200");
            }
        } finally {
            slow.forEach(RawConnection::close);
        }
    }
}
