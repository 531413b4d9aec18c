package io.cruddur.messaging.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HostConfigTest {
    @Test
    void without_a_cursor_secret_the_facade_makes_its_own() {
        assertThat(HostConfig.from(HostConfig.Mode.MEMORY, 0, Map.of()).cursorSecret()).isEmpty();
    }

    @Test
    void the_group_member_limit_defaults_to_the_largest_and_is_refused_outside_its_range() {
        HostConfig defaults = HostConfig.from(HostConfig.Mode.MEMORY, 0, Map.of());

        assertThat(defaults.conversations().maxGroupMembers()).isEqualTo(50);
        assertThat(defaults.withMaxGroupMembers(3).conversations().maxGroupMembers()).isEqualTo(3);
        assertThatThrownBy(() -> defaults.withMaxGroupMembers(2)).hasMessageContaining("--group-members-max");
        assertThatThrownBy(() -> defaults.withMaxGroupMembers(51)).hasMessageContaining("--group-members-max");
    }

    @Test
    void the_edit_window_defaults_to_a_day_and_is_at_least_a_second() {
        HostConfig defaults = HostConfig.from(HostConfig.Mode.MEMORY, 0, Map.of());

        assertThat(defaults.conversations().editWindow()).isEqualTo(Duration.ofHours(24));
        assertThat(defaults.withEditWindow(Duration.ofMinutes(15)).conversations().editWindow())
                .isEqualTo(Duration.ofMinutes(15));
        assertThatThrownBy(() -> defaults.withEditWindow(Duration.ZERO)).hasMessageContaining("--edit-window-seconds");
    }

    @Test
    void a_cursor_secret_is_read_from_base64_and_refused_when_short() {
        byte[] secret = new byte[32];
        secret[0] = 7;

        HostConfig config = HostConfig.from(HostConfig.Mode.MEMORY, 0,
                Map.of("CURSOR_SECRET", Base64.getEncoder().encodeToString(secret)));

        assertThat(config.cursorSecret()).hasValueSatisfying(read -> assertThat(read).isEqualTo(secret));
        assertThatThrownBy(() -> HostConfig.from(HostConfig.Mode.MEMORY, 0,
                Map.of("CURSOR_SECRET", Base64.getEncoder().encodeToString(new byte[31]))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 32 bytes");
    }
}
