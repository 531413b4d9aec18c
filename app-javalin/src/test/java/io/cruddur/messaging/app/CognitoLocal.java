package io.cruddur.messaging.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;

/**
 * cognito-local (the npm package, installed from {@code tools/cognito-local}'s lock file) as a
 * process of its own on a free port, with an SDK client pointed at it: a real Cognito emulator
 * that issues RS256 access tokens and serves their key set, for tests of the {@code aws} mode.
 */
public final class CognitoLocal implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final String PASSWORD = "Local-passw0rd!";

    private final Process process;
    private final int port;
    private final CognitoIdentityProviderClient client;

    /** A user pool with one app client, and the issuer its tokens name. */
    public record Pool(String id, String clientId, String issuer) {
        /** The variables a host or a command reads to use this pool. */
        public Map<String, String> environment(URI endpoint) {
            return Map.of("AWS_COGNITO_USER_POOL_ID", id, "AWS_COGNITO_USER_POOL_CLIENT_ID", clientId,
                    "AWS_COGNITO_ISSUER", issuer, "AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER", endpoint.toString());
        }
    }

    private CognitoLocal(Process process, int port) {
        this.process = process;
        this.port = port;
        this.client = CognitoIdentityProviderClient.builder()
                .httpClientBuilder(Apache5HttpClient.builder())
                .region(Region.US_EAST_1)
                .endpointOverride(endpoint())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
    }

    /** Starts cognito-local on {@code port}, keeping its data in a fresh folder. */
    public static CognitoLocal start(int port) {
        Path executable = Path.of(System.getProperty("cognito-local.bin",
                "../tools/cognito-local/node_modules/.bin/cognito-local"));
        if (!Files.isExecutable(executable)) {
            throw new IllegalStateException("cognito-local is not installed at " + executable.toAbsolutePath()
                    + "; run `npm ci` in tools/cognito-local");
        }
        try {
            ProcessBuilder builder = new ProcessBuilder(executable.toAbsolutePath().toString())
                    .directory(Files.createTempDirectory("cognito-local").toFile())
                    .redirectErrorStream(true);
            builder.environment().put("PORT", Integer.toString(port));
            Process process = builder.start();
            awaitListening(process);
            return new CognitoLocal(process, port);
        } catch (IOException failed) {
            throw new UncheckedIOException("cognito-local did not start", failed);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public Pool createPool(String name) {
        String id = client.createUserPool(request -> request.poolName(name)).userPool().id();
        String clientId = client.createUserPoolClient(request -> request.userPoolId(id).clientName(name + "-web"))
                .userPoolClient().clientId();
        return new Pool(id, clientId, "http://localhost:" + port + "/" + id);
    }

    /** Adds a confirmed user whose {@code preferred_username} is the handle; returns its {@code sub}. */
    public String createUser(Pool pool, String handle) {
        String email = handle + "@example.org";
        var created = client.adminCreateUser(request -> request.userPoolId(pool.id()).username(email)
                .messageAction(MessageActionType.SUPPRESS)
                .userAttributes(attribute("email", email), attribute("preferred_username", handle)));
        client.adminSetUserPassword(request -> request.userPoolId(pool.id()).username(email).password(PASSWORD)
                .permanent(true));
        return created.user().attributes().stream().filter(attribute -> attribute.name().equals("sub"))
                .map(AttributeType::value).findFirst().orElseThrow();
    }

    /** An access token for the user, from {@code InitiateAuth} as a client signs in. */
    public String accessToken(Pool pool, String handle) {
        return client.initiateAuth(request -> request.clientId(pool.clientId()).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                        .authParameters(Map.of("USERNAME", handle + "@example.org", "PASSWORD", PASSWORD)))
                .authenticationResult().accessToken();
    }

    @Override
    public void close() {
        client.close();
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static AttributeType attribute(String name, String value) {
        return AttributeType.builder().name(name).value(value).build();
    }

    /** Reads the process's output on a thread of its own (so it never blocks) until it says it listens. */
    private static void awaitListening(Process process) throws IOException {
        CountDownLatch listening = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.contains("Cognito Local running on")) {
                        listening.countDown();
                    }
                }
            } catch (IOException ended) {
                listening.countDown();
            }
        }, "cognito-local-output");
        reader.setDaemon(true);
        reader.start();
        try {
            if (!listening.await(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS) || !process.isAlive()) {
                process.destroyForcibly();
                throw new IOException("cognito-local did not say it listens within " + START_TIMEOUT);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted while cognito-local started", interrupted);
        }
    }
}
