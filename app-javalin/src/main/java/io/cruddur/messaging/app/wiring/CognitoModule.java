package io.cruddur.messaging.app.wiring;

import dagger.Module;
import dagger.Provides;
import io.cruddur.messaging.app.config.HostConfig;
import io.cruddur.messaging.app.auth.AccessTokenVerifier;
import io.cruddur.messaging.app.auth.CognitoSettings;
import jakarta.inject.Singleton;

/** Cognito access tokens of the configured user pool; no dev login. */
@Module
abstract class CognitoModule {
    private CognitoModule() {
    }

    @Provides
    @Singleton
    static AccessTokenVerifier verifier(HostConfig config) {
        CognitoSettings pool = config.cognito().orElseThrow();
        return AccessTokenVerifier.forUserPool(pool.issuer().toString(), pool.clientId());
    }
}
