package io.cruddur.messaging.app;

import io.cruddur.messaging.app.config.HostConfig;
import io.cruddur.messaging.adapters.postgres.UserDatabase;
import io.cruddur.messaging.core.domain.ErrorCode;
import io.cruddur.messaging.core.domain.Handle;
import io.cruddur.messaging.core.domain.MessageGroupId;
import io.cruddur.messaging.core.domain.MessageText;
import io.cruddur.messaging.core.domain.MessagingException;
import io.cruddur.messaging.core.domain.NewUser;
import io.cruddur.messaging.core.domain.PageRequest;
import io.cruddur.messaging.core.domain.User;
import io.cruddur.messaging.core.usecase.ListMessageGroupsQuery;
import io.cruddur.messaging.core.usecase.Messaging;
import io.cruddur.messaging.core.usecase.SendMessageCommand;
import io.cruddur.messaging.core.usecase.StartConversationCommand;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/** Demo data for the local deployments: the demo users and one conversation long enough to page through. */
final class DemoData {
    static final int CONVERSATION_LENGTH = 30;

    private DemoData() {
    }

    /** Registers the demo users that are missing (the memory deployment; PostgreSQL seeds its own). */
    static void seedUsers(Messaging messaging) {
        seedUsers(messaging, UserDatabase.DEMO_USERS);
    }

    /** {@code @user1} to {@code @user<count>}: many distinct users for load runs. */
    static List<NewUser> generatedUsers(int count) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(i -> new NewUser(new Handle("user" + i), "User " + i, "user" + i + "@example.com",
                        Optional.empty()))
                .toList();
    }

    /** Registers those of {@code users} whose handle is still free. */
    static void seedUsers(Messaging messaging, List<NewUser> users) {
        for (NewUser user : users) {
            try {
                messaging.registerUser(user);
            } catch (MessagingException taken) {
                if (taken.code() != ErrorCode.HANDLE_TAKEN) {
                    throw taken;
                }
            }
        }
    }

    /** Starts the demo conversation between @andrewbrown and @bayko, unless @andrewbrown already has one. */
    static void seedConversation(Messaging messaging) {
        User andrew = messaging.findUser(new Handle("andrewbrown"));
        User bayko = messaging.findUser(new Handle("bayko"));
        if (!messaging.listMessageGroups(new ListMessageGroupsQuery(andrew, PageRequest.first(1))).groups().isEmpty()) {
            return;
        }
        MessageGroupId group = messaging.startConversation(new StartConversationCommand(andrew, bayko.handle(),
                new MessageText("Message 1 of " + CONVERSATION_LENGTH + ": have you tried the new messaging?"),
                Optional.empty())).groupId();
        for (int i = 2; i <= CONVERSATION_LENGTH; i++) {
            User sender = i % 2 == 0 ? bayko : andrew;
            messaging.sendMessage(new SendMessageCommand(sender, group,
                    new MessageText("Message " + i + " of " + CONVERSATION_LENGTH + " from @" + sender.handle().value()),
                    Optional.empty()));
        }
    }
}
