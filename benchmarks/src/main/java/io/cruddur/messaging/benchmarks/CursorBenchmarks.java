package io.cruddur.messaging.benchmarks;

import io.cruddur.messaging.core.domain.Cursor;
import io.cruddur.messaging.core.usecase.CursorCodec;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** Signing and checking a page cursor (HMAC-SHA256), which every paged request does once. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CursorBenchmarks {
    private static final String LIST = "messages:5d0f5f3e-8e4a-4d6c-9a57-6a1f0b0f2c11";
    private final CursorCodec codec = new CursorCodec(secret());
    private final CursorCodec.Position position =
            new CursorCodec.Position(CursorCodec.Direction.OLDER, Instant.parse("2026-03-01T09:15:02.123456Z"));
    private final Cursor cursor = codec.encode(LIST, position);

    @Benchmark
    public Cursor encode() {
        return codec.encode(LIST, position);
    }

    @Benchmark
    public CursorCodec.Position decode() {
        return codec.decode(LIST, cursor);
    }

    private static byte[] secret() {
        byte[] secret = new byte[32];
        Arrays.fill(secret, (byte) 7);
        return secret;
    }
}
