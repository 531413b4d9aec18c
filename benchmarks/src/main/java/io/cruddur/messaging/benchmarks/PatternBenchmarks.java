package io.cruddur.messaging.benchmarks;

import io.cruddur.messaging.adapters.inmemory.InMemoryMessaging;
import io.cruddur.messaging.core.domain.MessageGroupId;
import io.cruddur.messaging.core.domain.MessageText;
import io.cruddur.messaging.core.domain.PageRequest;
import io.cruddur.messaging.core.domain.User;
import io.cruddur.messaging.core.usecase.ConversationStarted;
import io.cruddur.messaging.core.usecase.ListMessageGroupsQuery;
import io.cruddur.messaging.core.usecase.ListMessagesQuery;
import io.cruddur.messaging.core.usecase.MessageGroupPage;
import io.cruddur.messaging.core.usecase.MessagePage;
import io.cruddur.messaging.core.usecase.Messaging;
import io.cruddur.messaging.core.usecase.SendMessageCommand;
import io.cruddur.messaging.core.usecase.StartConversationCommand;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Listing, sending and starting through the facade on the in-memory adapter, with a conversation
 * of {@code groupSize} messages. Listing a group's messages should not cost more as the group
 * grows; sending and starting include the refresh of group rows, which the in-memory adapter runs
 * inline as the stream would.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PatternBenchmarks {
    @Param({"100", "10000", "100000"})
    public int groupSize;

    private Messaging messaging;
    private User andrew;
    private User bayko;
    private MessageGroupId group;
    private MessageText text;

    @Setup(Level.Trial)
    public void seed() {
        InMemoryMessaging memory = InMemoryMessaging.create();
        messaging = memory.messaging();
        andrew = memory.seedUser("andrewbrown", "Drew Brown");
        bayko = memory.seedUser("bayko", "Bay Kovac");
        text = new MessageText("a message of ordinary length, about as long as people write them");
        group = messaging.startConversation(new StartConversationCommand(andrew, bayko.handle(), text, Optional.empty()))
                .groupId();
        for (int i = 1; i < groupSize; i++) {
            messaging.sendMessage(new SendMessageCommand(i % 2 == 0 ? andrew : bayko, group, text, Optional.empty()));
        }
    }

    @Benchmark
    public MessagePage a_listMessages() {
        return messaging.listMessages(new ListMessagesQuery(andrew, group, PageRequest.first()));
    }

    @Benchmark
    public MessageGroupPage b_listMessageGroups() {
        return messaging.listMessageGroups(new ListMessageGroupsQuery(andrew, PageRequest.first()));
    }

    @Benchmark
    public Object c_sendMessage() {
        return messaging.sendMessage(new SendMessageCommand(andrew, group, text, Optional.empty()));
    }

    /** Starting with someone one already talks to: the lookup, the pair check, and the send into the group. */
    @Benchmark
    public ConversationStarted d_startConversation() {
        return messaging.startConversation(new StartConversationCommand(bayko, andrew.handle(), text, Optional.empty()));
    }
}
