package io.cruddur.messaging.app.http;

import io.cruddur.messaging.app.auth.LocalIssuer;
import io.cruddur.messaging.core.domain.CognitoUserId;
import io.cruddur.messaging.core.domain.ErrorCode;
import io.cruddur.messaging.core.domain.Handle;
import io.cruddur.messaging.core.domain.MessagingException;
import io.cruddur.messaging.core.domain.User;
import io.cruddur.messaging.core.usecase.Messaging;
import java.util.List;
import java.util.Map;

/**
 * Sign-in without Cognito, for the embedded and memory deployments only: a token from the host's
 * own issuer for any user in the directory. A user without a Cognito id gets a local one
 * ({@code local-{uuid}}) on first sign-in.
 */
public final class DevLogin {
    private final Messaging messaging;
    private final LocalIssuer issuer;

    public DevLogin(Messaging messaging, LocalIssuer issuer) {
        this.messaging = messaging;
        this.issuer = issuer;
    }

    public String tokenFor(Handle handle) {
        User user = messaging.findUser(handle);
        CognitoUserId local = new CognitoUserId("local-" + user.id());
        try {
            messaging.authenticate(local);
        } catch (MessagingException unknown) {
            if (unknown.code() != ErrorCode.USER_UNKNOWN) {
                throw unknown;
            }
            messaging.assignCognitoUserIds(Map.of(user.handle(), local));
        }
        return issuer.issue(local);
    }

    /** Who can sign in: every user in the directory, for the page's picker. */
    List<Views.ShortProfileView> users() {
        return messaging.listUsers().stream().map(account -> Views.ShortProfileView.of(account.user())).toList();
    }

    Map<String, Object> publicKeySet() {
        return issuer.publicKeySet();
    }
}
