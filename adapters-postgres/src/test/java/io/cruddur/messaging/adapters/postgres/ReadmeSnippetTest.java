package io.cruddur.messaging.adapters.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.cruddur.messaging.adapters.inmemory.InMemoryMessagingPort;
import io.cruddur.messaging.core.domain.Handle;
import io.cruddur.messaging.core.domain.NewUser;
import io.cruddur.messaging.core.domain.UserAccount;
import io.cruddur.messaging.core.readme.ReadmeSnippets;
import io.cruddur.messaging.core.usecase.Messaging;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The README's PostgreSQL snippet, on an empty database, as an embedder would run it. */
class ReadmeSnippetTest {
    @Test
    void the_postgres_snippet_migrates_and_serves_users() {
        ReadmeSnippets.assertSameAsReadme("postgres",
                "src/test/java/io/cruddur/messaging/adapters/postgres/ReadmeSnippetTest.java");
        PostgresSettings settings = TestDatabases.emptySettings();
        InMemoryMessagingPort messagingPort = new InMemoryMessagingPort();

        // snippet: postgres
        HikariDataSource pool = UserDatabase.pool(settings);       // 10 connections, 3 s connection timeout
        UserDatabase.migrate(pool);
        PostgresUserDirectory users = new PostgresUserDirectory(UserDatabase.jdbi(pool));
        PostgresUserChanges changes = PostgresUserChanges.on(settings);  // close it at shutdown
        Messaging messaging = Messaging.builder().messages(messagingPort)
                .users(users).userAdministration(users).userChanges(changes).build();
        // Registering a user: handle_taken whatever the case, cognito_user_id_taken for a Cognito id in use
        UserAccount account = messaging.registerUser(new NewUser(new Handle("andrewbrown"), "Andrew Brown",
                "andrew@example.org", Optional.empty()));  // no Cognito id yet: assignCognitoUserIds gives it
        // end of snippet

        try (pool; changes; messaging) {
            assertThat(messaging.findUser(new Handle("AndrewBrown"))).isEqualTo(account.user());
            assertThat(account.cognitoUserId()).isEmpty();
        }
    }
}
