package io.cruddur.messaging.core.usecase;

import static io.cruddur.messaging.core.usecase.World.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cruddur.messaging.adapters.inmemory.InMemoryMessagingPort;
import io.cruddur.messaging.adapters.inmemory.InMemoryUserDirectory;
import io.cruddur.messaging.core.domain.CognitoUserId;
import io.cruddur.messaging.core.domain.ErrorCode;
import io.cruddur.messaging.core.domain.Handle;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UserLookupTest {
    private final World world = new World();

    @Test
    void a_token_subject_is_resolved_to_its_user() {
        CognitoUserId sub = new CognitoUserId("3f0c6e1a-0000-4000-8000-000000000001");
        world.messaging.assignCognitoUserIds(Map.of(world.bayko.handle(), sub));

        assertThat(world.messaging.authenticate(sub)).isEqualTo(world.bayko);
    }

    @Test
    void an_unknown_token_subject_is_refused() {
        assertRefused(() -> world.messaging.authenticate(new CognitoUserId("nobody")), ErrorCode.USER_UNKNOWN);
    }

    @Test
    void a_short_profile_is_found_by_handle() {
        assertThat(world.messaging.findUser(new Handle("Londo"))).isEqualTo(world.londo);
        assertRefused(() -> world.messaging.findUser(new Handle("ghost")), ErrorCode.HANDLE_NOT_FOUND);
    }

    @Test
    void registering_a_taken_handle_is_refused() {
        assertRefused(() -> world.memory.seedUser("BAYKO", "Another Bayko"), ErrorCode.HANDLE_TAKEN);
    }

    @Test
    void keeping_users_without_an_administration_port_is_refused_plainly() {
        InMemoryUserDirectory lookupsOnly = new InMemoryUserDirectory();
        Messaging messaging = Messaging.builder().messages(new InMemoryMessagingPort()).users(lookupsOnly).build();

        assertThatThrownBy(messaging::listUsers)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("UserAdministrationPort");
    }
}
