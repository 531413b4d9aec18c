package io.cruddur.messaging.core.usecase;

import io.cruddur.messaging.core.domain.Message;
import io.cruddur.messaging.core.port.MessageNews;
import io.cruddur.messaging.core.port.NewsBus;

/** Publishes news of each message (new, edited or deleted) whose group's rows have just followed, for every host to hear. */
public final class NewsPublisher implements RefreshListener {
    private final NewsBus bus;

    /**
     * A publisher on {@code bus}. The facade makes its own; a process that moves group rows without
     * one (such as the Lambda) passes this to {@link RefreshMessageGroups} as its listener.
     *
     * @param bus where the news goes
     */
    public NewsPublisher(NewsBus bus) {
        this.bus = bus;
    }

    @Override
    public void refreshed(Message message, RefreshResult result) {
        bus.publish(new MessageNews(message.groupId(), message.id(), message.createdAt(), MessageNews.Kind.of(message)));
    }
}
