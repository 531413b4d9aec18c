package io.cruddur.messaging.adapters.inmemory;

import io.cruddur.messaging.core.port.GroupNews;
import io.cruddur.messaging.core.port.NewsBus;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The news bus of a single process: news goes straight to this process's subscribers, on the
 * publisher's thread. A subscriber that fails is logged and the others still hear the news.
 */
public final class InMemoryNewsBus implements NewsBus {
    private static final Logger LOG = LoggerFactory.getLogger(InMemoryNewsBus.class);

    private final List<Consumer<GroupNews>> subscribers = new CopyOnWriteArrayList<>();

    @Override
    public void publish(GroupNews news) {
        for (Consumer<GroupNews> subscriber : subscribers) {
            try {
                subscriber.accept(news);
            } catch (RuntimeException failed) {
                LOG.warn("a news subscriber failed on news of group {}", news.group(), failed);
            }
        }
    }

    @Override
    public Subscription subscribe(Consumer<GroupNews> subscriber) {
        Consumer<GroupNews> registered = subscriber::accept;
        subscribers.add(registered);
        return () -> subscribers.remove(registered);
    }
}
