package io.cruddur.messaging.core.usecase;

import io.cruddur.messaging.core.domain.Message;
import io.cruddur.messaging.core.port.MessageNews;
import io.cruddur.messaging.core.port.NewsBus;

/** Publishes news of each message whose group's rows have just moved, for every host to hear. */
public final class NewsPublisher implements RefreshListener {
    private final NewsBus bus;

    public NewsPublisher(NewsBus bus) {
        this.bus = bus;
    }

    @Override
    public void refreshed(Message message, RefreshResult result) {
        bus.publish(new MessageNews(message.groupId(), message.id(), message.createdAt()));
    }
}
