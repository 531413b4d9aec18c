package io.cruddur.messaging.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class IsoTimeTest {
    @Test
    void times_are_written_as_python_isoformat_writes_them_to_the_microsecond() {
        assertThat(IsoTime.format(Instant.parse("2026-03-01T09:15:02.1234567Z")))
                .isEqualTo("2026-03-01T09:15:02.123456+00:00");
        assertThat(IsoTime.format(Instant.parse("2026-03-01T09:15:02Z"))).isEqualTo("2026-03-01T09:15:02.000000+00:00");
    }
}
