package io.cruddur.messaging.app.cli;

import io.cruddur.messaging.adapters.dynamodb.DynamoDbSettings;
import io.cruddur.messaging.app.Deployment;
import io.cruddur.messaging.app.config.ConnectionLimits;
import io.cruddur.messaging.app.config.EventStreamLimits;
import io.cruddur.messaging.app.config.HostConfig;
import io.cruddur.messaging.app.config.RateLimits;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Runs the HTTP API. embedded (default): the DynamoDB engine and PostgreSQL in this process, seeded;"
                + " memory: everything in memory, seeded; aws: DynamoDB and PostgreSQL from the environment.")
final class ServeCommand implements Callable<Integer> {
    @ParentCommand
    CruddurCommand root;

    @Option(names = "--mode", defaultValue = "embedded", description = "embedded, memory or aws (default: ${DEFAULT-VALUE})")
    String mode;

    @Option(names = "--port", defaultValue = "" + HostConfig.DEFAULT_PORT, description = "HTTP port (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--host", description = "the address to listen on (default: 127.0.0.1 in memory and embedded"
            + " mode, whose dev login signs anyone in; 0.0.0.0 in aws mode)")
    String host;

    /** Embedded mode only. */
    @Mixin
    EngineOptions engines;

    @Option(names = "--stream-worker",
            description = "aws mode: take part in reading the table's stream (refreshing group rows) as one of the"
                    + " fleet's KCL workers;"
                    + " without it this host reads no stream")
    boolean streamWorker;

    @Option(names = "--metrics-port", description = "serve request counters in Prometheus' text format at GET /metrics"
            + " on this port (same address as the API; off unless given)")
    Integer metricsPort;

    @Option(names = "--event-streams-per-user", defaultValue = "" + EventStreamLimits.DEFAULT_PER_USER,
            description = "live event streams one user may hold open; a newer one closes the oldest (default: ${DEFAULT-VALUE})")
    int eventStreamsPerUser;

    @Option(names = "--event-streams-max", defaultValue = "" + EventStreamLimits.DEFAULT_TOTAL,
            description = "live event streams this host holds open; more are refused with 503 (default: ${DEFAULT-VALUE})")
    int eventStreamsMax;

    @Option(names = "--body-deadline-seconds", defaultValue = "" + ConnectionLimits.DEFAULT_BODY_DEADLINE_SECONDS,
            description = "how long a request body may take to arrive in full; later it is refused with 408"
                    + " (default: ${DEFAULT-VALUE})")
    int bodyDeadlineSeconds;

    @Option(names = "--connections-per-address", defaultValue = "" + ConnectionLimits.DEFAULT_PER_ADDRESS,
            description = "connections one client address may hold open; 0 for no limit (default: ${DEFAULT-VALUE})")
    int connectionsPerAddress;

    @Option(names = "--behind-proxy", description = "every connection comes from a proxy, which puts the client's address"
            + " in X-Forwarded-For (replacing any the client sent): limits per address use that one, and"
            + " --connections-per-address does not apply")
    boolean behindProxy;

    @Option(names = "--connections-max", defaultValue = "" + ConnectionLimits.DEFAULT_TOTAL,
            description = "connections this host holds open; beyond it, it accepts no more until one closes"
                    + " (default: ${DEFAULT-VALUE})")
    int connectionsMax;

    @Option(names = "--sends-per-minute", defaultValue = "" + RateLimits.DEFAULT_SENDS,
            description = "messages one user may send in existing conversations, per minute and host; 0 for no limit"
                    + " (default: ${DEFAULT-VALUE})")
    int sendsPerMinute;

    @Option(names = "--starts-per-minute", defaultValue = "" + RateLimits.DEFAULT_STARTS,
            description = "conversations one user may start by handle, per minute and host; 0 for no limit"
                    + " (default: ${DEFAULT-VALUE})")
    int startsPerMinute;

    @Option(names = "--dev-logins-per-minute", defaultValue = "" + RateLimits.DEFAULT_DEV_LOGINS,
            description = "dev logins from one client address, per minute; 0 for no limit (default: ${DEFAULT-VALUE})")
    int devLoginsPerMinute;

    @Option(names = "--refused-tokens-per-minute", defaultValue = "" + RateLimits.DEFAULT_REFUSED_TOKENS,
            description = "tokens from one client address that may fail to verify, per minute; past it, its requests"
                    + " with a token are refused until it refills; 0 for no limit (default: ${DEFAULT-VALUE})")
    int refusedTokensPerMinute;

    @Option(names = "--reads-per-minute", defaultValue = "" + RateLimits.DEFAULT_READS,
            description = "times one user may mark a conversation read, per minute and host; 0 for no limit"
                    + " (default: ${DEFAULT-VALUE})")
    int readsPerMinute;

    @Option(names = "--preflight-max-age-seconds", defaultValue = "600",
            description = "how long a browser may reuse the answer to a CORS preflight (Access-Control-Max-Age)"
                    + " before asking again (default: ${DEFAULT-VALUE})")
    long preflightMaxAgeSeconds;

    @Option(names = "--group-members-max", defaultValue = "50",
            description = "the most members a group conversation may have, the starter included: 3-50"
                    + " (default: ${DEFAULT-VALUE})")
    int groupMembersMax;

    @Option(names = "--edit-window-seconds", defaultValue = "86400",
            description = "how long after sending a message its sender may edit or delete it (default: ${DEFAULT-VALUE})")
    long editWindowSeconds;

    @Option(names = "--generated-users", defaultValue = "0",
            description = "memory and embedded modes: also add @user1 to @user<N> (for load runs)")
    int generatedUsers;

    @Override
    public Integer call() throws Exception {
        HostConfig.Mode chosen = Modes.parse(mode);
        if (generatedUsers < 0 || generatedUsers > 0 && !chosen.issuesOwnTokens()) {
            throw new IllegalArgumentException("--generated-users must be 0 or more, and only in memory or embedded mode");
        }
        if (streamWorker && chosen != HostConfig.Mode.AWS) {
            throw new IllegalArgumentException("--stream-worker is for aws mode; embedded reads its stream itself"
                    + " and memory needs none");
        }
        HostConfig config = configure(HostConfig.from(chosen, port, root.environment())
                .withEventStreams(new EventStreamLimits(eventStreamsPerUser, eventStreamsMax))
                .withConnections(new ConnectionLimits(Duration.ofSeconds(bodyDeadlineSeconds), connectionsPerAddress,
                        connectionsMax, behindProxy))
                .withRates(new RateLimits(sendsPerMinute, startsPerMinute, devLoginsPerMinute, refusedTokensPerMinute,
                        readsPerMinute))
                .withPreflightMaxAge(Duration.ofSeconds(preflightMaxAgeSeconds))
                .withMaxGroupMembers(groupMembersMax)
                .withEditWindow(Duration.ofSeconds(editWindowSeconds)));
        Deployment deployment = switch (chosen) {
            case MEMORY -> Deployment.memory(config);
            case EMBEDDED -> Deployment.embedded(config, engines.data(), engines.dynamoPort, engines.postgresPort,
                    DynamoDbSettings.fromEnvironment(root.environment()).tableName());
            case AWS -> Deployment.aws(config, root.environment(), streamWorker);
        };
        if (generatedUsers > 0) {
            deployment.addGeneratedUsers(generatedUsers);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            deployment.close();
            stopped.countDown();
        }, "cruddur-shutdown"));
        deployment.engineExports().forEach(System.out::println);
        System.out.println("cruddur-messaging (" + chosen.name().toLowerCase() + ") listening on http://"
                + config.host() + ":" + deployment.port());
        deployment.metricsPort().ifPresent(metrics ->
                System.out.println("metrics on http://" + config.host() + ":" + metrics + "/metrics"));
        stopped.await();
        return 0;
    }

    private HostConfig configure(HostConfig defaults) {
        HostConfig config = host == null ? defaults : defaults.withHost(host);
        return metricsPort == null ? config : config.withMetricsPort(metricsPort);
    }
}
