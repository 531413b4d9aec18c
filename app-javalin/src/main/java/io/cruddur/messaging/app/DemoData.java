package io.cruddur.messaging.app;

import io.cruddur.messaging.core.domain.ErrorCode;
import io.cruddur.messaging.core.domain.Handle;
import io.cruddur.messaging.core.domain.MessagingException;
import io.cruddur.messaging.core.domain.NewUser;
import io.cruddur.messaging.core.domain.PageRequest;
import io.cruddur.messaging.core.domain.User;
import io.cruddur.messaging.core.domain.UserAccount;
import io.cruddur.messaging.core.usecase.ConversationSeeding;
import io.cruddur.messaging.core.usecase.ListMessageGroupsQuery;
import io.cruddur.messaging.core.usecase.Messaging;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Demo data for the local deployments and {@code db setup}: the demo users and one conversation
 * long enough to page through.
 */
public final class DemoData {
    /**
     * The reference's seed handles, so its docs and scripts work here, with names and e-mails of
     * our own. None has a Cognito id until one is assigned.
     */
    public static final List<NewUser> DEMO_USERS = List.of(
            demo("andrewbrown", "Drew Brown"),
            demo("bayko", "Bay Kovac"),
            demo("londo", "Londo Reyes"),
            demo("altair", "Altair Nakamura"),
            demo("sinclair", "Jeff Sinclair"));
    static final int CONVERSATION_LENGTH = 30;

    private DemoData() {
    }

    /** {@code @user1} to {@code @user<count>}: many distinct users for load runs. */
    static List<NewUser> generatedUsers(int count) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(i -> new NewUser(new Handle("user" + i), "User " + i, "user" + i + "@example.com",
                        Optional.empty()))
                .toList();
    }

    /**
     * Registers those of {@code users} whose handle is not among {@code existing}, through
     * {@code register} (the facade's, or an administration port's), and says how many it added. A
     * handle taken meanwhile is passed over.
     */
    public static int seedUsers(List<NewUser> users, List<UserAccount> existing,
            Function<NewUser, UserAccount> register) {
        Set<String> present = existing.stream().map(account -> account.user().handle().normalized())
                .collect(Collectors.toSet());
        int added = 0;
        for (NewUser user : users) {
            if (present.contains(user.handle().normalized())) {
                continue;
            }
            try {
                register.apply(user);
                added++;
            } catch (MessagingException taken) {
                if (taken.code() != ErrorCode.HANDLE_TAKEN) {
                    throw taken;
                }
            }
        }
        return added;
    }

    /** Starts the demo conversation between @andrewbrown and @bayko, unless @andrewbrown already has one. */
    static void seedConversation(Messaging messaging) {
        User andrew = messaging.findUser(new Handle("andrewbrown"));
        User bayko = messaging.findUser(new Handle("bayko"));
        if (!messaging.listMessageGroups(new ListMessageGroupsQuery(andrew, PageRequest.first(1))).groups().isEmpty()) {
            return;
        }
        List<String> texts = new ArrayList<>(List.of(
                "Message 1 of " + CONVERSATION_LENGTH + ": have you tried the new messaging?"));
        for (int i = 2; i <= CONVERSATION_LENGTH; i++) {
            User sender = i % 2 == 0 ? bayko : andrew;
            texts.add("Message " + i + " of " + CONVERSATION_LENGTH + " from @" + sender.handle().value());
        }
        ConversationSeeding.takeTurns(messaging, andrew, bayko, texts);
    }

    private static NewUser demo(String handle, String displayName) {
        return new NewUser(new Handle(handle), displayName, handle + "@example.org", Optional.empty());
    }
}
