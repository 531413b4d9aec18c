package io.cruddur.messaging.app.wiring;

import dagger.Module;
import dagger.Provides;
import io.cruddur.messaging.app.auth.AccessTokenVerifier;
import io.cruddur.messaging.app.auth.LocalIssuer;
import io.cruddur.messaging.app.http.DevLogin;
import io.cruddur.messaging.core.usecase.Messaging;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The host as its own token issuer, with the dev login: for the embedded and memory deployments only. */
@Module
abstract class LocalIssuerModule {
    private LocalIssuerModule() {
    }

    @Provides
    @Singleton
    static LocalIssuer issuer() {
        return new LocalIssuer(Clock.systemUTC());
    }

    @Provides
    @Singleton
    static AccessTokenVerifier verifier(LocalIssuer issuer) {
        return issuer.verifier();
    }

    @Provides
    @Singleton
    static DevLogin devLogin(Messaging messaging, LocalIssuer issuer) {
        return new DevLogin(messaging, issuer);
    }
}
