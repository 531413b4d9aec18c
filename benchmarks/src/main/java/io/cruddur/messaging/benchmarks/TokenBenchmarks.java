package io.cruddur.messaging.benchmarks;

import io.cruddur.messaging.app.auth.AccessTokenVerifier;
import io.cruddur.messaging.app.auth.LocalIssuer;
import io.cruddur.messaging.core.domain.CognitoUserId;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** Verifying an RS256 access token (signature and claims), which every authenticated request does once. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TokenBenchmarks {
    private final LocalIssuer issuer = new LocalIssuer(Clock.systemUTC());
    private final AccessTokenVerifier verifier = issuer.verifier();
    private final String token = issuer.issue(new CognitoUserId("local-benchmark"));

    @Benchmark
    public CognitoUserId verify() {
        return verifier.verify(token);
    }
}
