package io.cruddur.messaging.adapters.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.cruddur.messaging.adapters.inmemory.InMemoryMessagingPort;
import io.cruddur.messaging.core.domain.CognitoUserId;
import io.cruddur.messaging.core.domain.Handle;
import io.cruddur.messaging.core.domain.MessageGroupId;
import io.cruddur.messaging.core.domain.NewUser;
import io.cruddur.messaging.core.domain.PageRequest;
import io.cruddur.messaging.core.domain.User;
import io.cruddur.messaging.core.usecase.ListMessageGroupsQuery;
import io.cruddur.messaging.core.usecase.ListMessagesQuery;
import io.cruddur.messaging.core.usecase.Messaging;
import io.cruddur.messaging.core.usecase.SendMessageCommand;
import io.cruddur.messaging.core.usecase.StartConversationCommand;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.Test;

/** A warm host asks PostgreSQL nothing per messaging request: core's caches answer. */
class StatementCountTest {
    private static final int BURST = 50;

    private final AtomicInteger statements = new AtomicInteger();
    private final Jdbi jdbi = UserDatabase.jdbi(TestDatabases.migrated());
    private final CognitoUserId andrewsSub = new CognitoUserId("sub-andrewbrown");
    private final CognitoUserId baykosSub = new CognitoUserId("sub-bayko");

    @Test
    void after_the_first_request_of_each_user_no_statement_reaches_postgres() {
        PostgresUserDirectory directory = new PostgresUserDirectory(jdbi);
        for (String handle : List.of("andrewbrown", "bayko")) {
            directory.register(new NewUser(new Handle(handle), handle, handle + "@example.org", Optional.empty()));
        }
        directory.assignCognitoUserIds(Map.of(new Handle("andrewbrown"), andrewsSub, new Handle("bayko"), baykosSub));
        jdbi.setSqlLogger(new SqlLogger() {
            @Override
            public void logAfterExecution(StatementContext context) {
                statements.incrementAndGet();
            }
        });
        Messaging messaging = Messaging.builder()
                .messages(new InMemoryMessagingPort())
                .users(new PostgresUserDirectory(jdbi))
                .build();

        User andrew = messaging.authenticate(andrewsSub);
        MessageGroupId group = messaging.startConversation(
                StartConversationCommand.parse(andrew, "@bayko", "hello", null)).groupId();
        User bayko = messaging.authenticate(baykosSub);
        messaging.startConversation(StartConversationCommand.parse(bayko, "@andrewbrown", "hi back", null));
        int cold = statements.getAndSet(0);

        for (int request = 0; request < BURST; request++) {
            User caller = messaging.authenticate(request % 2 == 0 ? andrewsSub : baykosSub);
            messaging.sendMessage(SendMessageCommand.parse(caller, group.toString(), "message " + request, null));
            messaging.listMessages(new ListMessagesQuery(caller, group, PageRequest.first()));
            messaging.listMessageGroups(new ListMessageGroupsQuery(caller, PageRequest.first()));
            messaging.startConversation(StartConversationCommand.parse(
                    caller, caller.equals(andrew) ? "bayko" : "andrewbrown", "again", null));
            messaging.findUser(bayko.handle());
        }

        assertThat(cold).as("cold: andrew by sub, bayko by handle, whom bayko blocks, bayko by sub, andrew by handle,"
                + " whom andrew blocks").isEqualTo(6);
        assertThat(statements.get()).as("statements over %d warm requests", BURST * 5).isZero();
    }
}
