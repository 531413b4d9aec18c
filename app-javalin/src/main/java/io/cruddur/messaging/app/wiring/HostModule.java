package io.cruddur.messaging.app.wiring;

import dagger.BindsOptionalOf;
import dagger.Module;
import dagger.Provides;
import io.cruddur.messaging.app.config.HostConfig;
import io.cruddur.messaging.app.auth.AccessTokenVerifier;
import io.cruddur.messaging.app.http.DevLogin;
import io.cruddur.messaging.app.http.HttpApi;
import io.cruddur.messaging.app.http.LiveEvents;
import io.cruddur.messaging.app.metrics.RequestMetrics;
import io.cruddur.messaging.core.port.MessagingPort;
import io.cruddur.messaging.core.port.NewMessageFeed;
import io.cruddur.messaging.core.port.NewsBus;
import io.cruddur.messaging.core.port.UserChanges;
import io.cruddur.messaging.core.port.UserAdministrationPort;
import io.cruddur.messaging.core.port.UserDirectoryPort;
import io.cruddur.messaging.core.usecase.Messaging;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * What every deployment shares: the facade over whichever ports, feed of new messages, news bus
 * and changes of users the component binds, and the HTTP host.
 */
@Module
abstract class HostModule {
    private HostModule() {
    }

    @Provides
    @Singleton
    static Messaging messaging(MessagingPort messages, UserDirectoryPort users, UserAdministrationPort administration,
            Optional<UserChanges> userChanges, NewMessageFeed newMessages, NewsBus news, HostConfig config) {
        Messaging.Builder builder = Messaging.builder().messages(messages).users(users).userAdministration(administration)
                .userChanges(userChanges.orElse(UserChanges.none())).newMessageFeed(newMessages).newsBus(news)
                .maxGroupMembers(config.conversations().maxGroupMembers())
                .editWindow(config.conversations().editWindow());
        config.cursorSecret().ifPresent(builder::cursorSecret);
        return builder.build();
    }

    @Provides
    @Singleton
    static LiveEvents events(HostConfig config) {
        return new LiveEvents(config.eventStreams());
    }

    @Provides
    @Singleton
    static RequestMetrics metrics() {
        return new RequestMetrics();
    }

    @Provides
    @Singleton
    static HttpApi http(HostConfig config, Messaging messaging, AccessTokenVerifier verifier, Optional<DevLogin> devLogin,
            LiveEvents events, RequestMetrics metrics) {
        return new HttpApi(config, messaging, verifier, devLogin, events, metrics);
    }

    @BindsOptionalOf
    abstract DevLogin devLogin();

    /** Bound where another process may change the directory; the memory deployment's changes all go through it. */
    @BindsOptionalOf
    abstract UserChanges userChanges();
}
